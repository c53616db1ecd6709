import type { Submission } from '../../../src/schemas/cert.ts';
import { answerKeySchema, type AnswerValue } from '../../../src/schemas/quiz.ts';
import type { ExamMaterial } from '../../../src/lib/cert/grading.ts';
import { nodeSha256 } from '../../../src/lib/cert/node-crypto.ts';
import { createSubmission, submissionHash } from '../../../src/lib/cert/submission.ts';
import {
  attemptQuestions,
  createAttempt,
  recordAnswer,
  submitAttempt,
  type AttemptState,
} from '../../../src/lib/quiz/attempt.ts';
import { splitQuestions } from '../../../src/lib/quiz/key.ts';
import { inShippingOrder } from '../../../src/lib/quiz/ship.ts';
import { bank, quiz } from '../quiz/fixtures.ts';

export const T0 = Date.UTC(2026, 10, 27, 1, 0, 0);

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Phương án ${id}` }));

/** One question of every type, written as an exam bank is: no answer, no explanation. */
export const examBank = bank('de-thi', [
  { id: 'mot', type: 'single', tags: ['thi'], prompt: 'Một lựa chọn?', options },
  { id: 'nhieu', type: 'multiple', tags: ['thi'], prompt: 'Nhiều lựa chọn?', options },
  { id: 'dung-sai', type: 'true-false', tags: ['thi'], prompt: 'Đúng hay sai?' },
  { id: 'sap-xep', type: 'ordering', tags: ['thi'], prompt: 'Sắp xếp?', items: options },
  {
    id: 'ghep',
    type: 'matching',
    tags: ['thi'],
    prompt: 'Ghép?',
    left: [
      { id: 'x', text: 'X' },
      { id: 'y', text: 'Y' },
    ],
    right: options,
  },
  {
    id: 'tinh-huong',
    type: 'scenario',
    tags: ['thi'],
    scenario: 'Một tình huống giả định.',
    questions: [
      { id: 'tinh-huong-1', type: 'true-false', prompt: 'Câu nhỏ 1?' },
      { id: 'tinh-huong-2', type: 'single', prompt: 'Câu nhỏ 2?', options },
    ],
  },
]);

export const KEY_TEXT = 'BÍ MẬT: lời giải câu';

export const examKey = answerKeySchema.parse({
  version: 2,
  answers: {
    mot: { answer: 'b', explanation: `${KEY_TEXT} một lựa chọn, theo Điều 35 Điều lệ Đảng.` },
    nhieu: { answer: ['a', 'c'], explanation: `${KEY_TEXT} nhiều lựa chọn.` },
    'dung-sai': { answer: false, explanation: `${KEY_TEXT} đúng sai.` },
    'sap-xep': { answer: ['a', 'b', 'c', 'd'], explanation: `${KEY_TEXT} sắp xếp.` },
    ghep: { answer: { x: 'a', y: 'b' }, explanation: `${KEY_TEXT} ghép.` },
    'tinh-huong-1': { answer: true, explanation: `${KEY_TEXT} tình huống 1.` },
    'tinh-huong-2': { answer: 'd', explanation: `${KEY_TEXT} tình huống 2.` },
  },
});

export const examQuiz = quiz(
  {
    title: 'Bài thi mẫu',
    mode: 'exam',
    version: 2,
    banks: ['de-thi'],
    draw: [{ tag: 'thi', count: 6 }],
    passMark: 70,
    timeLimitMinutes: 10,
  },
  'thi-mau',
);

/** The exam's questions as the trainer's CLI reads them: in the written order. */
export const publicBanks = [
  { id: 'de-thi', questions: splitQuestions(examBank.questions).questions },
];

/** The same questions as the exam page ships them, options reordered; attempts are taken on these. */
export const shippedBanks = publicBanks.map((bank) => ({
  id: bank.id,
  questions: inShippingOrder('thi-mau', bank.questions),
}));

export const material: ExamMaterial = {
  quiz: examQuiz,
  banks: publicBanks,
  key: Object.fromEntries(
    Object.entries(examKey.answers).map(([id, { answer }]) => [id, { answer }]),
  ),
  keyVersion: 2,
};

export const findExam = (id: string) => (id === 'thi-mau' ? material : undefined);

/** The right answer to every question. */
export const RIGHT: Record<string, AnswerValue> = Object.fromEntries(
  Object.entries(examKey.answers).map(([id, { answer }]) => [id, answer]),
);

/** An exam attempt taken in the browser: answered `answers` (by key) at one-minute steps, submitted `minutes` after the start. */
export function takeExam(
  answers: Record<string, AnswerValue>,
  minutes = 5,
  seed = 'hat-giong',
): AttemptState {
  let state = createAttempt({
    id: `luot-${seed}`,
    quiz: examQuiz,
    banks: shippedBanks,
    seenCounts: {},
    seed,
    now: T0,
  });
  const questions = attemptQuestions(state, shippedBanks);
  Object.entries(answers).forEach(([key, value], index) => {
    const outcome = recordAnswer(state, questions, key, value, T0 + (index + 1) * 1000);
    if (!outcome.ok) throw new Error(outcome.message);
    state = outcome.state;
  });
  return submitAttempt(state, questions, undefined, T0 + minutes * 60_000);
}

export const submit = (answers: Record<string, AnswerValue>, minutes?: number, seed?: string) =>
  createSubmission(takeExam(answers, minutes, seed), nodeSha256);

/** A submission changed by hand, its hash recomputed as a careful forger would. */
export async function rehashed(
  submission: Submission,
  change: (copy: Submission) => void,
): Promise<Submission> {
  const copy = structuredClone(submission);
  change(copy);
  return { ...copy, hash: await submissionHash(copy, nodeSha256) };
}
