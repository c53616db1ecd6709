import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openCamnangDB } from '../../../src/lib/learner/db.ts';
import {
  openQuizProgress,
  type QuizProgress,
  type StartOutcome,
} from '../../../src/lib/learner/quiz-progress.ts';
import { bank, content, quiz, single } from '../quiz/fixtures.ts';

const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const banks = [
  bank(
    'ngan-hang',
    Array.from({ length: 6 }, (_, index) => single(`cau-${index + 1}`)),
  ),
];
const page = (fields: Record<string, unknown> = {}) => content(quiz(fields), banks);

let databases = 0;
const opened: QuizProgress[] = [];
/** Each test its own database; opening the same name twice is two tabs (or a reload). */
async function open(name: string) {
  const progress = await openQuizProgress({ name });
  opened.push(progress);
  return progress;
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
  async function runsInMemory(progress: QuizProgress) {
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
    expect(await openCamnangDB()).toBeNull();
    await runsInMemory(await open(freshName()));
  });

  it('runs in memory when the browser refuses to open the database', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await openCamnangDB({ indexedDB: refusing })).toBeNull();
    vi.stubGlobal('indexedDB', refusing);
    await runsInMemory(await open(freshName()));
  });
});
