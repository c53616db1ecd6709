import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLearnerDB } from '../../../src/lib/learner/database.ts';
import {
  openQuizProgress,
  type QuizProgress,
  type StartOutcome,
} from '../../../src/lib/learner/quiz-progress.ts';
import type { SaveResult } from '../../../src/lib/learner/storage.ts';
import { QuizProgress as Progress } from '../../../src/lib/learner/quiz-progress.ts';
import { bank, content, matching, multiple, ordering, quiz, single } from '../quiz/fixtures.ts';
import { fillableDB } from './quota.ts';

const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const banks = [
  bank(
    'ngan-hang',
    Array.from({ length: 6 }, (_, index) => single(`cau-${index + 1}`)),
  ),
];
const page = (fields: Record<string, unknown> = {}) => content(quiz(fields), banks);

async function stored<T>(write: Promise<SaveResult<T>>): Promise<T> {
  const result = await write;
  if (!result.ok) throw new Error(`write refused: ${result.failure}`);
  return result.value;
}

/** The progress API with each write's result unwrapped: storage works in these tests. */
function unwrapped(progress: QuizProgress) {
  return {
    persistent: progress.persistent,
    startOrResume: (...args: Parameters<QuizProgress['startOrResume']>) =>
      stored(progress.startOrResume(...args)),
    saveAnswer: (...args: Parameters<QuizProgress['saveAnswer']>) =>
      stored(progress.saveAnswer(...args)),
    goTo: (...args: Parameters<QuizProgress['goTo']>) => stored(progress.goTo(...args)),
    submit: (...args: Parameters<QuizProgress['submit']>) => stored(progress.submit(...args)),
    attemptsFor: (quizId: string) => progress.attemptsFor(quizId),
    dashboard: async () => {
      const dashboard = await progress.dashboard();
      if (!dashboard) throw new Error('dashboard unreadable');
      return dashboard;
    },
    close: () => progress.close(),
  };
}

let databases = 0;
const opened: QuizProgress[] = [];
/** Each test its own database; opening the same name twice is two tabs (or a reload). */
async function open(name: string) {
  const progress = await openQuizProgress(name);
  opened.push(progress);
  return unwrapped(progress);
}
const freshName = () => `camnang-test-${++databases}`;

afterEach(() => {
  opened.splice(0).forEach((progress) => progress.close());
  vi.unstubAllGlobals();
});

function attemptOf(outcome: StartOutcome) {
  if (outcome.kind === 'limit-reached') throw new Error('limit reached');
  return outcome.attempt;
}

describe('quiz progress in IndexedDB', () => {
  it('saves each answer at once and resumes the same attempt after reopening', async () => {
    const name = freshName();
    const first = await open(name);
    expect(first.persistent).toBe(true);
    const started = await first.startOrResume(page(), t0);
    expect(started.kind).toBe('started');
    const attempt = attemptOf(started);
    const [q1, q2] = attempt.draw.questionKeys as [string, string];
    expect(await first.saveAnswer(page(), attempt.id, q1, 'b', t0 + 1000)).toMatchObject({
      ok: true,
    });
    await first.goTo(attempt.id, q2, t0 + 2000);
    first.close();

    const reopened = await open(name);
    const resumed = await reopened.startOrResume(page(), t0 + 5000);
    expect(resumed).toMatchObject({ kind: 'resumed', position: q2 });
    const again = attemptOf(resumed);
    expect(again.id).toBe(attempt.id);
    expect(again.draw).toEqual(attempt.draw);
    expect(again.answers).toEqual({ [q1]: { value: 'b', answeredAt: t0 + 1000 } });
  });

  it('keeps both answers when two tabs answer the same attempt at once', async () => {
    const name = freshName();
    const [tabA, tabB] = [await open(name), await open(name)];
    const [startA, startB] = await Promise.all([
      tabA.startOrResume(page(), t0),
      tabB.startOrResume(page(), t0),
    ]);
    expect([startA.kind, startB.kind].sort()).toEqual(['resumed', 'started']);
    const attempt = attemptOf(startA);
    expect(attemptOf(startB).id).toBe(attempt.id);
    const [q1, q2, q3] = attempt.draw.questionKeys as [string, string, string];
    await Promise.all([
      tabA.saveAnswer(page(), attempt.id, q1, 'a', t0 + 1),
      tabB.saveAnswer(page(), attempt.id, q2, 'b', t0 + 1),
      tabA.saveAnswer(page(), attempt.id, q3, 'c', t0 + 2),
      tabB.goTo(attempt.id, q3, t0 + 2),
    ]);
    const resumed = attemptOf(await (await open(name)).startOrResume(page(), t0 + 3));
    expect(
      Object.fromEntries(
        Object.entries(resumed.answers).map(([key, answer]) => [key, answer.value]),
      ),
    ).toEqual({
      [q1]: 'a',
      [q2]: 'b',
      [q3]: 'c',
    });
  });

  it('submits once: a second submit, or one from another tab, changes nothing and counts nothing twice', async () => {
    const name = freshName();
    const [tabA, tabB] = [await open(name), await open(name)];
    const attempt = attemptOf(await tabA.startOrResume(page(), t0));
    const [q1] = attempt.draw.questionKeys as [string];
    await tabA.saveAnswer(page(), attempt.id, q1, 'a', t0 + 1);
    const [first, second] = await Promise.all([
      tabA.submit(page(), attempt.id, t0 + 10),
      tabB.submit(page(), attempt.id, t0 + 20),
    ]);
    expect(second).toEqual(first);
    expect(first.result).toMatchObject({ score: 1, max: 3 });
    expect(await tabB.saveAnswer(page(), attempt.id, q1, 'b', t0 + 30)).toMatchObject({
      ok: false,
      reason: 'submitted',
    });
    const dashboard = await tabA.dashboard();
    expect(dashboard.quizzes).toMatchObject([
      { quizId: 'luyen-tap', attempts: 1, submitted: 1, best: 33.3, last: 33.3 },
    ]);
    expect(dashboard.weakestTopics).toEqual([{ tag: 'chung', answered: 1, correct: 1, ratio: 1 }]);
  });

  it('draws the questions seen least in the next attempt', async () => {
    const progress = await open(freshName());
    const first = attemptOf(await progress.startOrResume(page(), t0));
    await progress.submit(page(), first.id, t0 + 1);
    const second = attemptOf(await progress.startOrResume(page(), t0 + 2));
    expect(second.id).not.toBe(first.id);
    expect(second.draw.questionIds.filter((id) => first.draw.questionIds.includes(id))).toEqual([]);
    expect(await progress.attemptsFor('luyen-tap')).toMatchObject([
      { id: second.id },
      { id: first.id },
    ]);
  });

  it('enforces the attempts allowed', async () => {
    const progress = await open(freshName());
    const limited = page({ attempts: 1 });
    const attempt = attemptOf(await progress.startOrResume(limited, t0));
    expect((await progress.startOrResume(limited, t0 + 1)).kind).toBe('resumed');
    await progress.submit(limited, attempt.id, t0 + 2);
    expect(await progress.startOrResume(limited, t0 + 3)).toMatchObject({
      kind: 'limit-reached',
      attempts: [{ id: attempt.id, status: 'submitted' }],
    });
  });

  it('submits an attempt whose time ran out while the page was closed, with what was answered', async () => {
    const name = freshName();
    const timed = page({ timeLimitMinutes: 5 });
    const progress = await open(name);
    const attempt = attemptOf(await progress.startOrResume(timed, t0));
    const [q1, q2] = attempt.draw.questionKeys as [string, string];
    await progress.saveAnswer(timed, attempt.id, q1, 'a', t0 + 60_000);
    expect(await progress.saveAnswer(timed, attempt.id, q2, 'a', t0 + 300_000)).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    progress.close();
    const later = await (await open(name)).startOrResume(timed, t0 + 3_600_000);
    expect(later).toMatchObject({
      kind: 'expired',
      attempt: {
        status: 'submitted',
        submittedBy: 'timer',
        submittedAt: t0 + 300_000,
        result: { score: 1 },
      },
    });
  });

  it('leaves an exam attempt ungraded when the page has no key', async () => {
    const progress = await open(freshName());
    const exam = { ...page({ mode: 'exam' }), key: undefined };
    const attempt = attemptOf(await progress.startOrResume(exam, t0));
    expect(await progress.submit(exam, attempt.id, t0 + 1)).toMatchObject({
      status: 'submitted',
      result: null,
    });
  });
});

describe('quiz progress without storage', () => {
  async function runsInMemory(progress: ReturnType<typeof unwrapped>) {
    expect(progress.persistent).toBe(false);
    const attempt = attemptOf(await progress.startOrResume(page(), t0));
    const [q1] = attempt.draw.questionKeys as [string];
    expect(await progress.saveAnswer(page(), attempt.id, q1, 'a', t0 + 1)).toMatchObject({
      ok: true,
    });
    expect((await progress.startOrResume(page(), t0 + 2)).kind).toBe('resumed');
    expect((await progress.submit(page(), attempt.id, t0 + 3)).result).toMatchObject({ score: 1 });
    expect((await progress.dashboard()).quizzes).toHaveLength(1);
  }

  it('runs in memory when indexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await openLearnerDB()).toBeNull();
    await runsInMemory(await open(freshName()));
  });

  it('runs in memory when the browser refuses to open the database', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    vi.stubGlobal('indexedDB', refusing);
    expect(await openLearnerDB()).toBeNull();
    await runsInMemory(await open(freshName()));
  });
});

describe('quiz progress when storage refuses a write', () => {
  const mixed = content(quiz({ draw: [{ tag: 'chung', count: 3 }] }), [
    bank('ngan-hang', [multiple('nhieu'), ordering('thu-tu'), matching('ghep')]),
  ]);
  // What a Svelte island hands over: its state is a proxy, which IndexedDB cannot clone.
  const proxied = <T extends object>(value: T): T => new Proxy(value, {});
  const ANSWERS = {
    nhieu: proxied(['a', 'b']),
    'thu-tu': proxied(['a', 'b', 'c', 'd']),
    ghep: proxied({ x: 'a', y: 'b' }),
  } as const;

  it('stores answers handed over as proxies, for every type, and reads them back plain', async () => {
    const { db } = await fillableDB();
    const progress = new Progress(db);
    const attempt = attemptOf(await stored(progress.startOrResume(mixed, t0)));
    for (const [key, value] of Object.entries(ANSWERS)) {
      expect(
        await stored(progress.saveAnswer(mixed, attempt.id, key, value, t0 + 1)),
      ).toMatchObject({ ok: true });
    }
    const resumed = attemptOf(await stored(new Progress(db).startOrResume(mixed, t0 + 2)));
    expect(
      Object.fromEntries(Object.entries(resumed.answers).map(([k, a]) => [k, a.value])),
    ).toEqual({
      nhieu: ['a', 'b'],
      'thu-tu': ['a', 'b', 'c', 'd'],
      ghep: { x: 'a', y: 'b' },
    });
  });

  it('reports a full disk, keeps what was stored, and stores the refused answers with the next write', async () => {
    const { db, disk } = await fillableDB();
    const progress = new Progress(db);
    const attempt = attemptOf(await stored(progress.startOrResume(mixed, t0)));
    await stored(progress.saveAnswer(mixed, attempt.id, 'nhieu', ['a'], t0 + 1));
    disk.full = true;
    expect(
      await progress.saveAnswer(mixed, attempt.id, 'thu-tu', ['d', 'c', 'b', 'a'], t0 + 2),
    ).toEqual({
      ok: false,
      failure: 'quota',
    });
    expect(await progress.goTo(attempt.id, 'ghep', t0 + 3)).toEqual({
      ok: false,
      failure: 'quota',
    });
    const refused = {
      attemptId: attempt.id,
      questionKey: 'thu-tu',
      value: ['d', 'c', 'b', 'a'],
      answeredAt: t0 + 2,
    };
    disk.full = false;
    const next = await stored(
      progress.saveAnswer(mixed, attempt.id, 'ghep', { x: 'a', y: 'b' }, t0 + 4, [refused]),
    );
    expect(next.ok && Object.keys(next.state.answers).sort()).toEqual(['ghep', 'nhieu', 'thu-tu']);
    const resumed = attemptOf(await stored(new Progress(db).startOrResume(mixed, t0 + 5)));
    expect(resumed.answers['thu-tu']).toEqual({ value: ['d', 'c', 'b', 'a'], answeredAt: t0 + 2 });
    expect(resumed.answers['nhieu']).toEqual({ value: ['a'], answeredAt: t0 + 1 });
  });

  it('never lets a refused answer overwrite a later one stored meanwhile (another tab)', async () => {
    const { db } = await fillableDB();
    const progress = new Progress(db);
    const attempt = attemptOf(await stored(progress.startOrResume(mixed, t0)));
    await stored(progress.saveAnswer(mixed, attempt.id, 'nhieu', ['b'], t0 + 10));
    const stale = { attemptId: attempt.id, questionKey: 'nhieu', value: ['a'], answeredAt: t0 + 5 };
    await stored(progress.saveAnswer(mixed, attempt.id, 'ghep', { x: 'a' }, t0 + 11, [stale]));
    const resumed = attemptOf(await stored(progress.startOrResume(mixed, t0 + 12)));
    expect(resumed.answers['nhieu']?.value).toEqual(['b']);
  });

  it('refuses a submission on a full disk without half-storing it, and submits with the refused answers later', async () => {
    const { db, disk } = await fillableDB();
    const progress = new Progress(db);
    const attempt = attemptOf(await stored(progress.startOrResume(mixed, t0)));
    disk.full = true;
    expect(await progress.submit(mixed, attempt.id, t0 + 1)).toEqual({
      ok: false,
      failure: 'quota',
    });
    disk.full = false;
    const reopened = new Progress(db);
    expect((await stored(reopened.startOrResume(mixed, t0 + 2))).kind).toBe('resumed');
    expect(await reopened.dashboard()).toMatchObject({ quizzes: [{ attempts: 1, submitted: 0 }] });
    const refused = {
      attemptId: attempt.id,
      questionKey: 'nhieu',
      value: ['a', 'b'],
      answeredAt: t0 + 1,
    };
    const submitted = await stored(reopened.submit(mixed, attempt.id, t0 + 3, [refused]));
    expect(submitted).toMatchObject({
      status: 'submitted',
      result: {
        results: expect.arrayContaining([
          expect.objectContaining({ questionKey: 'nhieu', correct: true }),
        ]),
      },
    });
  });

  it('says so, rather than throwing, when the attempt is gone from storage', async () => {
    const { db } = await fillableDB();
    expect(await new Progress(db).submit(mixed, 'khong-co', t0)).toEqual({
      ok: false,
      failure: 'failed',
    });
  });
});

describe.each([
  { store: 'IndexedDB', make: async () => open(freshName()) },
  { store: 'memory', make: async () => unwrapped(new Progress(null)) },
])('quiz progress in $store, one tab', ({ make }) => {
  it('keeps the attempts of two quizzes apart', async () => {
    const progress = await make();
    const other = content(quiz({}, 'bai-khac'), banks);
    const mine = attemptOf(await progress.startOrResume(page(), t0));
    const theirs = attemptOf(await progress.startOrResume(other, t0 + 1));
    expect(theirs.id).not.toBe(mine.id);
    expect(attemptOf(await progress.startOrResume(page(), t0 + 2)).id).toBe(mine.id);
    expect((await progress.attemptsFor('bai-khac')).map((a) => a.id)).toEqual([theirs.id]);
  });

  it('lists attempts newest first, and counts each question across attempts', async () => {
    const progress = await make();
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const attempt = attemptOf(await progress.startOrResume(page(), t0 + n * 10));
      for (const key of attempt.draw.questionKeys)
        await progress.saveAnswer(page(), attempt.id, key, 'b', t0 + n * 10 + 1);
      await progress.submit(page(), attempt.id, t0 + n * 10 + 2);
      ids.push(attempt.id);
    }
    expect((await progress.attemptsFor('luyen-tap')).map((a) => a.id)).toEqual(ids.toReversed());
    const dashboard = await progress.dashboard();
    // Six questions, three drawn each time: nine answers, all wrong.
    expect(dashboard.weakestTopics).toEqual([{ tag: 'chung', answered: 9, correct: 0, ratio: 0 }]);
    expect(dashboard.mostMissed.reduce((sum, q) => sum + q.wrong, 0)).toBe(9);
  });

  it('stores nothing for an answer it rejects, and says which attempt is unknown', async () => {
    const progress = await make();
    const attempt = attemptOf(await progress.startOrResume(page(), t0));
    const [q1] = attempt.draw.questionKeys as [string];
    expect(await progress.saveAnswer(page(), attempt.id, q1, 'khong-co', t0 + 1)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(await progress.saveAnswer(page(), 'khong-co', q1, 'a', t0 + 1)).toMatchObject({
      ok: false,
      reason: 'not-found',
    });
    expect(attemptOf(await progress.startOrResume(page(), t0 + 2)).answers).toEqual({});
  });

  it('never writes a kept answer into a submitted attempt or another attempt, nor moves a submitted one', async () => {
    const progress = await make();
    const attempt = attemptOf(await progress.startOrResume(page(), t0));
    const [q1, q2] = attempt.draw.questionKeys as [string, string];
    const submitted = await progress.submit(page(), attempt.id, t0 + 1);
    const late = { attemptId: attempt.id, questionKey: q1, value: 'a', answeredAt: t0 + 2 };
    expect(await progress.submit(page(), attempt.id, t0 + 3, [late])).toEqual(submitted);
    await progress.goTo(attempt.id, q2, t0 + 4);
    const next = attemptOf(await progress.startOrResume(page(), t0 + 5));
    const stray = {
      attemptId: attempt.id,
      questionKey: next.draw.questionKeys[0] ?? '',
      value: 'a',
      answeredAt: t0 + 6,
    };
    await progress.saveAnswer(page(), next.id, next.draw.questionKeys[1] ?? '', 'a', t0 + 7, [
      stray,
    ]);
    const [newest, first] = await progress.attemptsFor('luyen-tap');
    expect(first).toMatchObject({ id: attempt.id, position: null, status: 'submitted' });
    expect(Object.keys(attemptOf(await progress.startOrResume(page(), t0 + 8)).answers)).toEqual([
      next.draw.questionKeys[1],
    ]);
    expect(newest?.id).toBe(next.id);
  });
});

describe('quiz progress in memory', () => {
  it('reports a failure instead of throwing', async () => {
    expect(await new Progress(null).submit(page(), 'khong-co', t0)).toEqual({
      ok: false,
      failure: 'failed',
    });
  });
});
