import { z } from './zod.ts';
import { slug } from './common.ts';

/** An instant written as `Date#toISOString` writes it, the only form submissions use. */
const instant = z
  .string()
  .refine(
    (text) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(text) && !Number.isNaN(Date.parse(text)),
    'thời điểm phải viết dạng 2026-11-27T08:30:00.000Z',
  );

/** A learner's answer as stored; an empty selection is kept as given (it grades as unanswered). */
const givenAnswer = z.union([z.boolean(), slug, z.array(slug), z.record(slug, slug)]);

/**
 * The file a learner downloads after an exam ("Tải bài làm") and hands to the trainer. `hash`
 * is SHA-256 over the canonical JSON of every other field (src/lib/cert/canonical.ts), so any
 * edit after submission shows; its first characters are the code the learner reads aloud.
 */
export const submissionSchema = z.strictObject({
  format: z.literal('camnang-submission'),
  formatVersion: z.literal(1),
  examId: slug,
  /** The exam's `version` when the attempt began; graded only against a key of that version. */
  examVersion: z.number().int().positive(),
  attemptId: z.string().min(1).max(100),
  /** What the learner was shown, as stored in the attempt (see QuizDraw). */
  draw: z.strictObject({
    questionIds: z.array(slug).min(1),
    questionKeys: z.array(slug).min(1),
    choiceOrder: z.record(slug, z.array(slug)),
  }),
  /** By question key; answers given after time ran out are left out. */
  answers: z.record(slug, givenAnswer),
  startedAt: instant,
  submittedAt: instant,
  /** "timer" when time ran out before the learner pressed "Nộp bài". */
  submittedBy: z.enum(['learner', 'timer']),
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'mã băm phải là 64 chữ số thập lục phân'),
});
export type Submission = z.infer<typeof submissionSchema>;
export type UnhashedSubmission = Omit<Submission, 'hash'>;

/*
 * The types below are checked by hand, in src/lib/cert/certificate.ts, in the browser too
 * (/xac-minh/). The key set that verifies them has its schema in key-set.ts.
 */

/** What a certificate states; signed as its canonical JSON. */
export interface CertificatePayload {
  format: 'camnang-certificate';
  formatVersion: 1;
  learner: string;
  exam: { id: string; title: string; version: number };
  /** Rounded to two decimals. */
  score: number;
  max: number;
  percentage: number;
  passMark: number;
  /** YYYY-MM-DD (Vietnam time) of the submission that passed. */
  passedOn: string;
  /** YYYY-MM-DD (Vietnam time). */
  issuedOn: string;
  issuer: string;
  keyId: string;
  /** The graded submission's code, so the trainer's records lead back to it. */
  submissionCode: string;
}

/** A certificate file (`*.chung-chi.json`). */
export interface CertificateFile {
  payload: CertificatePayload;
  /** Ed25519 over the UTF-8 of `canonicalJson(payload)`, base64url. */
  signature: string;
}
