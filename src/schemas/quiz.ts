import { z } from 'astro/zod';
import { enumOf, nonEmpty, slug } from './common.ts';

export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true-false',
  'ordering',
  'matching',
  'scenario',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const choice = z.strictObject({ id: slug, text: nonEmpty });

const common = {
  id: slug,
  tags: z.array(slug).min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  /** Citations of the clauses the question tests, e.g. "Điều 7 Quy định 69-QĐ/TW". */
  cites: z.array(nonEmpty).default([]),
  prompt: nonEmpty,
  /** Shown after answering; exam banks keep it in the answer key instead. */
  explanation: nonEmpty.optional(),
};

const single = z.strictObject({
  ...common,
  type: z.literal('single'),
  options: z.array(choice).min(2),
  answer: slug.optional(),
});
const multiple = z.strictObject({
  ...common,
  type: z.literal('multiple'),
  options: z.array(choice).min(2),
  answer: z.array(slug).min(1).optional(),
});
const trueFalse = z.strictObject({
  ...common,
  type: z.literal('true-false'),
  answer: z.boolean().optional(),
});
const ordering = z.strictObject({
  ...common,
  type: z.literal('ordering'),
  /** Listed in the correct order when `answer` is omitted in a practice bank. */
  items: z.array(choice).min(2),
  answer: z.array(slug).min(2).optional(),
});
const matching = z.strictObject({
  ...common,
  type: z.literal('matching'),
  left: z.array(choice).min(2),
  right: z.array(choice).min(2),
  answer: z.record(z.string(), slug).optional(),
});

export const simpleQuestion = z.discriminatedUnion('type', [
  single,
  multiple,
  trueFalse,
  ordering,
  matching,
]);
export type SimpleQuestion = z.infer<typeof simpleQuestion>;

const scenario = z.strictObject({
  id: slug,
  type: z.literal('scenario'),
  tags: z.array(slug).min(1),
  difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  cites: z.array(nonEmpty).default([]),
  /** The short case shown before the sub-questions. */
  scenario: nonEmpty,
  questions: z.array(simpleQuestion).min(1),
});

export const question = z.discriminatedUnion('type', [
  single,
  multiple,
  trueFalse,
  ordering,
  matching,
  scenario,
]);
export type Question = z.infer<typeof question>;

/** `quizzes/banks/<bank>.yaml`: questions tagged by topic, difficulty and cited clauses. */
export const questionBankSchema = z.strictObject({
  title: nonEmpty,
  questions: z.array(question).min(1),
});
export type QuestionBank = z.infer<typeof questionBankSchema>;

export const QUIZ_MODES = ['practice', 'exam'] as const;
export const FEEDBACK_MODES = ['immediate', 'end'] as const;

/** `quizzes/<quiz-id>.yaml`: how a quiz draws from the banks and how it is taken. */
export const quizSchema = z.strictObject({
  title: nonEmpty,
  description: nonEmpty,
  mode: enumOf(QUIZ_MODES).default('practice'),
  /** Raised whenever questions or keys change, so old exam submissions are not graded against new keys. */
  version: z.number().int().positive().default(1),
  banks: z.array(slug).min(1),
  draw: z.array(z.strictObject({ tag: slug, count: z.number().int().positive() })).min(1),
  /** Percentage of the total score needed to pass. */
  passMark: z.number().min(0).max(100),
  timeLimitMinutes: z.number().positive().optional(),
  shuffleQuestions: z.boolean().default(true),
  shuffleOptions: z.boolean().default(true),
  /** Attempts allowed; omitted means unlimited. */
  attempts: z.number().int().positive().optional(),
  feedback: enumOf(FEEDBACK_MODES).default('end'),
});
export type Quiz = z.infer<typeof quizSchema>;
