import { describe, expect, it } from 'vitest';
import {
  attemptQuestions,
  createAttempt,
  moveTo,
  recordAnswer,
  resumePosition,
  submitAttempt,
  type AttemptState,
} from '../../../src/lib/quiz/attempt.ts';
import { bank, content, quiz, single } from './fixtures.ts';

const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);
const full = bank('ngan-hang', [single('mot'), single('hai'), single('ba'), single('bon')]);

function start(fields: Record<string, unknown> = {}) {
  const page = content(
    quiz({ draw: [{ tag: 'chung', count: 4 }], shuffleQuestions: false, ...fields }),
    [full],
  );
  const state = createAttempt({
    id: 'luot-1',
    quiz: page.quiz,
    banks: page.banks,
    seenCounts: {},
    seed: 's',
    now: t0,
  });
  return { page, state, questions: attemptQuestions(state, page.banks) };
}

function answer(
  state: AttemptState,
  key: string,
  value: string,
  at: number,
  questions = start().questions,
) {
  const outcome = recordAnswer(state, questions, key, value, at);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.state;
}

describe('attempt', () => {
  it('starts from a seed with a deadline from the time limit', () => {
    const { state, questions } = start({ timeLimitMinutes: 15 });
    expect(state).toMatchObject({
      status: 'in-progress',
      startedAt: t0,
      deadline: t0 + 900_000,
      answers: {},
    });
    expect(questions.map((q) => q.key)).toEqual(['mot', 'hai', 'ba', 'bon']);
    expect(questions[0]?.choices).toEqual(state.draw.choiceOrder['mot']);
  });

  it('records well-formed answers and explains the rest', () => {
    const { state, questions } = start();
    const ok = recordAnswer(state, questions, 'mot', 'b', t0 + 1);
    expect(ok).toMatchObject({ ok: true, answer: { value: 'b', answeredAt: t0 + 1 } });
    expect(recordAnswer(state, questions, 'mot', 'z', t0)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(recordAnswer(state, questions, 'mot', ['a'], t0)).toMatchObject({
      ok: false,
      reason: 'invalid',
    });
    expect(recordAnswer(state, questions, 'khong-co', 'a', t0)).toMatchObject({
      ok: false,
      reason: 'unknown-question',
    });
  });

  it('lets end-feedback answers change but keeps immediate-feedback answers final', () => {
    const end = start({ feedback: 'end' });
    const changed = answer(answer(end.state, 'mot', 'a', t0 + 1), 'mot', 'b', t0 + 2);
    expect(changed.answers['mot']?.value).toBe('b');
    const immediate = start({ feedback: 'immediate' });
    const once = answer(immediate.state, 'mot', 'a', t0 + 1);
    expect(recordAnswer(once, immediate.questions, 'mot', 'b', t0 + 2)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
  });

  it('refuses answers after time runs out or after submission', () => {
    const { state, questions } = start({ timeLimitMinutes: 1 });
    expect(recordAnswer(state, questions, 'mot', 'a', t0 + 60_000)).toMatchObject({
      ok: false,
      reason: 'expired',
    });
    const submitted = submitAttempt(state, questions, undefined, t0 + 1);
    expect(recordAnswer(submitted, questions, 'mot', 'a', t0 + 2)).toMatchObject({
      ok: false,
      reason: 'submitted',
    });
  });

  it('resumes at the first unanswered question after the last one answered', () => {
    const { state } = start();
    expect(resumePosition(state)).toBe('mot');
    const twoAnswered = answer(answer(state, 'mot', 'a', t0 + 1), 'hai', 'a', t0 + 2);
    expect(resumePosition(twoAnswered)).toBe('ba');
    // Answered the last one, skipped "ba": wrap round to it.
    const skipped = answer(answer(state, 'mot', 'a', t0 + 1), 'bon', 'a', t0 + 2);
    expect(resumePosition(skipped)).toBe('hai');
    // The most recent answer counts, not the furthest one.
    const backtracked = answer(answer(state, 'ba', 'a', t0 + 1), 'mot', 'a', t0 + 2);
    expect(resumePosition(backtracked)).toBe('hai');
    const all = ['mot', 'hai', 'ba', 'bon'].reduce(
      (s, key, i) => answer(s, key, 'a', t0 + i),
      state,
    );
    expect(resumePosition(all)).toBe('bon');
  });

  it('resumes where the learner moved to, unless they answered something since', () => {
    const { state } = start();
    const answered = answer(state, 'mot', 'a', t0 + 1);
    const movedBack = moveTo(answered, 'mot', t0 + 2);
    expect(resumePosition(movedBack)).toBe('mot');
    expect(resumePosition(answer(movedBack, 'hai', 'a', t0 + 3))).toBe('ba');
    expect(() => moveTo(state, 'khong-co', t0)).toThrow('không có câu "khong-co"');
  });

  it('submits once, graded with the key, with what was answered', () => {
    const { page, state, questions } = start({ passMark: 50 });
    const answered = answer(answer(state, 'mot', 'a', t0 + 1), 'hai', 'b', t0 + 2);
    const submitted = submitAttempt(answered, questions, page.key, t0 + 3);
    expect(submitted).toMatchObject({
      status: 'submitted',
      submittedAt: t0 + 3,
      submittedBy: 'learner',
    });
    expect(submitted.result).toMatchObject({ score: 1, max: 4, percentage: 25, passed: false });
    expect(submitAttempt(submitted, questions, page.key, t0 + 9)).toBe(submitted);
  });

  it('leaves an exam ungraded without its key', () => {
    const { state, questions } = start({ mode: 'exam' });
    expect(submitAttempt(state, questions, undefined, t0 + 1)).toMatchObject({
      status: 'submitted',
      result: null,
    });
  });

  it('submits on the timer with the answers given in time', () => {
    const { page, state, questions } = start({ timeLimitMinutes: 1 });
    const late = {
      ...answer(state, 'mot', 'a', t0 + 1),
      answers: {
        mot: { value: 'a', answeredAt: t0 + 1 },
        hai: { value: 'a', answeredAt: t0 + 61_000 },
      },
    };
    const submitted = submitAttempt(late, questions, page.key, t0 + 120_000);
    expect(submitted).toMatchObject({ submittedBy: 'timer', submittedAt: t0 + 60_000 });
    expect(submitted.result?.score).toBe(1);
  });

  it('still opens when the banks changed since the attempt began', () => {
    const { state } = start({ shuffleOptions: false });
    const edited = bank('ngan-hang', [
      single('mot'),
      { ...single('hai'), options: [...single('hai').options, { id: 'e', text: 'Mới' }] },
      single('bon'),
    ]);
    const questions = attemptQuestions(state, [edited]);
    expect(questions.map((q) => q.key)).toEqual(['mot', 'hai', 'bon']);
    expect(questions[1]?.choices).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
