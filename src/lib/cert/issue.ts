import type { CertificatePayload, Submission } from '../../schemas/cert.ts';
import type { AttemptResult } from '../quiz/grade.ts';
import { submissionCode } from './submission.ts';

const VIETNAM_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** YYYY-MM-DD of an instant in Vietnam, whatever the trainer's computer clock zone. */
export const vietnamDate = (ms: number): string => VIETNAM_DATE.format(ms);

/** What a certificate for a passed, graded submission states. */
export function certificatePayload(options: {
  submission: Submission;
  result: AttemptResult;
  passMark: number;
  examTitle: string;
  learner: string;
  issuer: string;
  keyId: string;
  issuedAt: number;
}): CertificatePayload {
  const { submission, result } = options;
  return {
    format: 'camnang-certificate',
    formatVersion: 1,
    // One spelling of each letter, whichever keyboard typed the name.
    learner: options.learner.normalize('NFC').trim().replace(/\s+/g, ' '),
    exam: { id: submission.examId, title: options.examTitle, version: submission.examVersion },
    score: Math.round(result.score * 100) / 100,
    max: result.max,
    percentage: result.percentage,
    passMark: options.passMark,
    passedOn: vietnamDate(Date.parse(submission.submittedAt)),
    issuedOn: vietnamDate(options.issuedAt),
    issuer: options.issuer,
    keyId: options.keyId,
    submissionCode: submissionCode(submission.hash),
  };
}
