import { describe, expect, it } from 'vitest';
import { webSha256 } from '../../../src/lib/cert/digest.ts';
import { nodeSha256 } from '../../../src/lib/cert/node-crypto.ts';
import {
  createSubmission,
  submissionCode,
  submissionFileName,
  submissionHash,
} from '../../../src/lib/cert/submission.ts';
import { submissionSchema } from '../../../src/schemas/cert.ts';
import {
  attemptQuestions,
  createAttempt,
  recordAnswer,
  submitAttempt,
} from '../../../src/lib/quiz/attempt.ts';
import { examQuiz, publicBanks, RIGHT, T0, takeExam } from './fixtures.ts';

describe('createSubmission', () => {
  it('records the exam, version, drawn questions, choice order, answers and times', async () => {
    const attempt = takeExam({ mot: 'b', 'dung-sai': false }, 4);
    const submission = await createSubmission(attempt, nodeSha256);
    expect(submissionSchema.parse(submission)).toEqual(submission);
    expect(submission).toMatchObject({
      format: 'camnang-submission',
      examId: 'thi-mau',
      examVersion: 2,
      attemptId: attempt.id,
      answers: { mot: 'b', 'dung-sai': false },
      startedAt: new Date(T0).toISOString(),
      submittedAt: new Date(T0 + 4 * 60_000).toISOString(),
      submittedBy: 'learner',
    });
    expect(submission.draw).toEqual(attempt.draw);
    expect(submission.draw.questionKeys).toHaveLength(7);
    expect(submission.draw.choiceOrder['sap-xep']).toHaveLength(4);
  });

  it('hashes the same in the browser (WebCrypto) and the CLI (node:crypto)', async () => {
    const submission = await createSubmission(takeExam(RIGHT), nodeSha256);
    expect(await submissionHash(submission, webSha256)).toBe(submission.hash);
    expect(submission.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a ten-character code from the hash, and names the file after it', async () => {
    const submission = await createSubmission(takeExam(RIGHT), nodeSha256);
    const code = submissionCode(submission.hash);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(submissionFileName(submission)).toBe(`bai-lam-thi-mau-${code}.json`);
  });

  it('changes the hash when anything in it changes', async () => {
    const submission = await createSubmission(takeExam(RIGHT), nodeSha256);
    const edited = { ...submission, answers: { ...submission.answers, mot: 'c' } };
    expect(await submissionHash(edited, nodeSha256)).not.toBe(submission.hash);
  });

  it('leaves out answers saved after time ran out, as the browser grades', async () => {
    let state = createAttempt({
      id: 'muon',
      quiz: examQuiz,
      banks: publicBanks,
      seenCounts: {},
      seed: 's',
      now: T0,
    });
    const questions = attemptQuestions(state, publicBanks);
    const saved = recordAnswer(state, questions, 'mot', 'b', T0 + 1000);
    if (!saved.ok) throw new Error(saved.message);
    // Another tab with a slow clock let this one in after the deadline.
    state = {
      ...saved.state,
      answers: { ...saved.state.answers, nhieu: { value: ['a'], answeredAt: T0 + 11 * 60_000 } },
    };
    const submitted = submitAttempt(state, questions, undefined, T0 + 12 * 60_000);
    const submission = await createSubmission(submitted, nodeSha256);
    expect(submission.answers).toEqual({ mot: 'b' });
    expect(submission.submittedBy).toBe('timer');
    expect(submission.submittedAt).toBe(new Date(T0 + 10 * 60_000).toISOString());
  });

  it('refuses an attempt still in progress', async () => {
    const state = createAttempt({
      id: 'dang-lam',
      quiz: examQuiz,
      banks: publicBanks,
      seenCounts: {},
      seed: 's',
      now: T0,
    });
    await expect(createSubmission(state, nodeSha256)).rejects.toThrow('Bài chưa nộp');
  });
});

describe('webSha256', () => {
  it('falls back to the script digest where the page has no WebCrypto (plain http)', async () => {
    const submission = await createSubmission(takeExam(RIGHT), nodeSha256);
    const subtle = Object.getOwnPropertyDescriptor(globalThis.crypto, 'subtle');
    Object.defineProperty(globalThis.crypto, 'subtle', { value: undefined, configurable: true });
    try {
      expect(await submissionHash(submission, webSha256)).toBe(submission.hash);
    } finally {
      if (subtle) Object.defineProperty(globalThis.crypto, 'subtle', subtle);
      else Reflect.deleteProperty(globalThis.crypto, 'subtle');
    }
    expect(globalThis.crypto.subtle).toBeDefined();
  });
});
