import type { Submission, UnhashedSubmission } from '../../schemas/cert.ts';
import type { AttemptState } from '../quiz/attempt.ts';
import type { AnswerValue } from '../quiz/questions.ts';
import { canonicalJson } from './canonical.ts';
import type { Sha256 } from './digest.ts';
import { fromHex, shortCode, toHex, utf8 } from './encoding.ts';

/** The hash of a submission: SHA-256 of the canonical JSON of every field but `hash`, in hex. */
export async function submissionHash(
  submission: UnhashedSubmission,
  sha256: Sha256,
): Promise<string> {
  const { hash: _hash, ...fields } = submission as Submission;
  return toHex(await sha256(utf8(canonicalJson(fields))));
}

/** The code the learner reads to the trainer: the hash's first 50 bits, "7KQ2M-9XD4P". */
export function submissionCode(hash: string): string {
  return shortCode(fromHex(hash) ?? new Uint8Array());
}

/** A submitted exam attempt as the file the learner hands in, with its hash. */
export async function createSubmission(attempt: AttemptState, sha256: Sha256): Promise<Submission> {
  if (attempt.status !== 'submitted' || attempt.submittedAt === null) {
    throw new Error('Bài chưa nộp: chưa tạo được tệp bài làm.');
  }
  const answers: Record<string, AnswerValue> = {};
  for (const [key, given] of Object.entries(attempt.answers)) {
    // The same rule as grading in the browser: an answer saved after time ran out does not count.
    if (attempt.deadline === null || given.answeredAt <= attempt.deadline)
      answers[key] = given.value;
  }
  const fields: UnhashedSubmission = {
    format: 'camnang-submission',
    formatVersion: 1,
    examId: attempt.quizId,
    examVersion: attempt.quizVersion,
    attemptId: attempt.id,
    draw: attempt.draw,
    answers,
    startedAt: new Date(attempt.startedAt).toISOString(),
    submittedAt: new Date(attempt.submittedAt).toISOString(),
    submittedBy: attempt.submittedBy === 'timer' ? 'timer' : 'learner',
  };
  return { ...fields, hash: await submissionHash(fields, sha256) };
}

/** The file name the browser saves the submission under. */
export const submissionFileName = (submission: Submission): string =>
  `bai-lam-${submission.examId}-${submissionCode(submission.hash)}.json`;
