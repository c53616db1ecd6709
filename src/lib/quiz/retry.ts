import type { QuizContent } from '../learner/quiz-progress.ts';
import { gradableUnits } from './questions.ts';

/** Suffix of the quiz id under which targeted retries are stored, apart from the quiz's own attempts. */
export const RETRY_SUFFIX = '~on-tap';
const RETRY_TAG = 'on-tap-cau-sai';

/**
 * A practice run of just the given questions (e.g. those most often missed), untimed and with
 * unlimited attempts. A scenario comes whole when any of its sub-questions is asked for.
 * Null when none of the questions is in this quiz's banks, and always for an exam: an
 * untimed, unlimited run of exam questions would be a rehearsal with a real-looking code.
 */
export function retryContent(content: QuizContent, questionKeys: readonly string[]): QuizContent | null {
  if (content.quiz.mode !== 'practice') return null;
  const wanted = new Set(questionKeys);
  const questions = content.banks.flatMap((bank) =>
    bank.questions
      .filter((question) => gradableUnits(question).some((unit) => wanted.has(unit.key)))
      .map((question) => ({ ...question, tags: [RETRY_TAG] })),
  );
  if (questions.length === 0) return null;
  const { timeLimitMinutes: _limit, attempts: _attempts, ...quiz } = content.quiz;
  return {
    quiz: {
      ...quiz,
      id: `${content.quiz.id}${RETRY_SUFFIX}`,
      banks: [RETRY_TAG],
      draw: [{ tag: RETRY_TAG, count: questions.length }],
    },
    banks: [{ id: RETRY_TAG, questions }],
    key: content.key,
  };
}
