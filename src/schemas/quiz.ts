import { z } from './zod.ts';
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
const choices = z.array(choice).min(2);
const difficulty = z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2);
/** Citations of the clauses a question tests, e.g. "Điều 7 Quy định 69-QĐ/TW". */
const cites = z.array(nonEmpty).default([]);

/** The correct answer of one gradable question; its shape depends on the question type. */
const answerValue = z.union([z.boolean(), slug, z.array(slug).min(1), z.record(slug, slug)]);
export type AnswerValue = z.infer<typeof answerValue>;

// Fields every gradable question has. `answer` and `explanation` are the key: practice banks
// carry them, exam banks leave them to `quizzes/keys/<quiz-id>.yaml` so the site never ships them.
const gradableFields = {
  id: slug,
  cites,
  prompt: nonEmpty,
  /** Shown after answering, citing the clause tested. */
  explanation: nonEmpty.optional(),
};
const topLevelFields = { ...gradableFields, tags: z.array(slug).min(1), difficulty };
/** A scenario's sub-question takes the scenario's tags and cites when it lists none. */
const subFields = { ...gradableFields, tags: z.array(slug).default([]) };

const bodies = {
  single: { type: z.literal('single'), options: choices, answer: slug.optional() },
  multiple: {
    type: z.literal('multiple'),
    options: choices,
    answer: z.array(slug).min(1).optional(),
  },
  trueFalse: { type: z.literal('true-false'), answer: z.boolean().optional() },
  /** `items` are written in any order (they are always shuffled); `answer` lists their ids in the right order. */
  ordering: {
    type: z.literal('ordering'),
    items: choices,
    answer: z.array(slug).min(2).optional(),
  },
  /** `answer` maps each left id to a right id; a right item may match several left items. */
  matching: {
    type: z.literal('matching'),
    left: choices,
    right: choices,
    answer: z.record(slug, slug).optional(),
  },
};

interface ChoiceLists {
  type: string;
  options?: { id: string }[];
  items?: { id: string }[];
  left?: { id: string }[];
  right?: { id: string }[];
  answer?: unknown;
}

/** Choice ids are unique within their list and every answer points at a choice that exists. */
function checkChoices(question: ChoiceLists, ctx: z.RefinementCtx) {
  const ids = (list: 'options' | 'items' | 'left' | 'right') => {
    const seen = new Set<string>();
    question[list]?.forEach((item, index) => {
      if (seen.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          path: [list, index, 'id'],
          message: `mã lựa chọn "${item.id}" bị trùng trong câu này; mỗi lựa chọn cần một mã riêng`,
        });
      }
      seen.add(item.id);
    });
    return seen;
  };
  const unknown = (value: string, known: Set<string>, list: string, path: (string | number)[]) => {
    if (known.has(value)) return false;
    ctx.addIssue({
      code: 'custom',
      path,
      message: `đáp án "${value}" không có trong ${list} (có: ${[...known].join(', ')})`,
    });
    return true;
  };
  const { answer } = question;
  if (question.type === 'single' || question.type === 'multiple') {
    const options = ids('options');
    if (typeof answer === 'string') unknown(answer, options, 'options', ['answer']);
    if (Array.isArray(answer)) {
      answer.forEach((value: string, index) => {
        if (
          !unknown(value, options, 'options', ['answer', index]) &&
          answer.indexOf(value) !== index
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['answer', index],
            message: `đáp án "${value}" ghi hai lần`,
          });
        }
      });
    }
  }
  if (question.type === 'ordering') {
    const items = ids('items');
    if (Array.isArray(answer)) {
      answer.forEach((value: string, index) => unknown(value, items, 'items', ['answer', index]));
      const missing = [...items].filter((id) => !answer.includes(id));
      if (missing.length || answer.length !== items.size) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer'],
          message: `answer phải liệt kê mỗi mục của items đúng một lần${
            missing.length ? `; còn thiếu: ${missing.join(', ')}` : ''
          }`,
        });
      }
    }
  }
  if (question.type === 'matching') {
    const left = ids('left');
    const right = ids('right');
    if (answer && typeof answer === 'object' && !Array.isArray(answer)) {
      const pairs = Object.entries(answer as Record<string, string>);
      for (const [from, to] of pairs) {
        unknown(from, left, 'left', ['answer', from]);
        unknown(to, right, 'right', ['answer', from]);
      }
      const missing = [...left].filter((id) => !(id in answer));
      if (missing.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['answer'],
          message: `answer phải ghép mọi mục bên trái; còn thiếu: ${missing.join(', ')}`,
        });
      }
    }
  }
}

const single = z.strictObject({ ...topLevelFields, ...bodies.single }).superRefine(checkChoices);
const multiple = z
  .strictObject({ ...topLevelFields, ...bodies.multiple })
  .superRefine(checkChoices);
const trueFalse = z.strictObject({ ...topLevelFields, ...bodies.trueFalse });
const ordering = z
  .strictObject({ ...topLevelFields, ...bodies.ordering })
  .superRefine(checkChoices);
const matching = z
  .strictObject({ ...topLevelFields, ...bodies.matching })
  .superRefine(checkChoices);

export const simpleQuestion = z.discriminatedUnion('type', [
  single,
  multiple,
  trueFalse,
  ordering,
  matching,
]);
export type SimpleQuestion = z.infer<typeof simpleQuestion>;

export const subQuestion = z.discriminatedUnion('type', [
  z.strictObject({ ...subFields, ...bodies.single }).superRefine(checkChoices),
  z.strictObject({ ...subFields, ...bodies.multiple }).superRefine(checkChoices),
  z.strictObject({ ...subFields, ...bodies.trueFalse }),
  z.strictObject({ ...subFields, ...bodies.ordering }).superRefine(checkChoices),
  z.strictObject({ ...subFields, ...bodies.matching }).superRefine(checkChoices),
]);
export type SubQuestion = z.infer<typeof subQuestion>;

/** A short case shown before several sub-questions, each graded on its own. */
const scenario = z.strictObject({
  id: slug,
  type: z.literal('scenario'),
  tags: z.array(slug).min(1),
  difficulty,
  cites,
  /** The case text. */
  scenario: nonEmpty,
  questions: z.array(subQuestion).min(1),
});
export type ScenarioQuestion = z.infer<typeof scenario>;

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
export const questionBankSchema = z
  .strictObject({
    title: nonEmpty,
    questions: z.array(question).min(1),
  })
  .superRefine((bank, ctx) => {
    // Sub-question ids share the namespace: a learner's answers and history are stored by them.
    const first = new Map<string, number>();
    const claim = (id: string, path: (string | number)[], index: number) => {
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `mã câu hỏi "${id}" đã dùng ở câu thứ ${earlier + 1} của ngân hàng này; mỗi câu (kể cả câu hỏi nhỏ của tình huống) cần một mã riêng`,
        });
      }
    };
    bank.questions.forEach((item, index) => {
      claim(item.id, ['questions', index, 'id'], index);
      if (item.type === 'scenario') {
        item.questions.forEach((sub, subIndex) =>
          claim(sub.id, ['questions', index, 'questions', subIndex, 'id'], index),
        );
      }
    });
  });
export type QuestionBank = z.infer<typeof questionBankSchema>;

export const QUIZ_MODES = ['practice', 'exam'] as const;
export const FEEDBACK_MODES = ['immediate', 'end'] as const;

/** `quizzes/<quiz-id>.yaml`: how a quiz draws from the banks and how it is taken. */
export const quizSchema = z
  .strictObject({
    title: nonEmpty,
    description: nonEmpty,
    mode: enumOf(QUIZ_MODES).default('practice'),
    /** Raised whenever questions or keys change, so old exam submissions are not graded against new keys. */
    version: z.number().int().positive().default(1),
    banks: z.array(slug).min(1),
    /** How many questions to draw per tag; a scenario counts as one question however many sub-questions it has. */
    draw: z.array(z.strictObject({ tag: slug, count: z.number().int().positive() })).min(1),
    /** Percentage of the total score needed to pass. */
    passMark: z.number().min(0).max(100),
    timeLimitMinutes: z.number().positive().max(600).optional(),
    shuffleQuestions: z.boolean().default(true),
    /** Ordering items are shuffled even when this is false: written in order, they would give the answer away. */
    shuffleOptions: z.boolean().default(true),
    /** Attempts allowed; omitted means unlimited. */
    attempts: z.number().int().positive().optional(),
    feedback: enumOf(FEEDBACK_MODES).default('end'),
  })
  .superRefine((quiz, ctx) => {
    const repeated = (
      values: string[],
      path: (index: number) => (string | number)[],
      what: string,
    ) =>
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index) {
          ctx.addIssue({
            code: 'custom',
            path: path(index),
            message: `${what} "${value}" ghi hai lần`,
          });
        }
      });
    repeated(quiz.banks, (index) => ['banks', index], 'ngân hàng');
    repeated(
      quiz.draw.map((rule) => rule.tag),
      (index) => ['draw', index, 'tag'],
      'thẻ',
    );
  });
export type Quiz = z.infer<typeof quizSchema>;

/**
 * `quizzes/keys/<quiz-id>.yaml`: an exam's answers and explanations by question id. Only the
 * trainer's tools read it; the site build never does.
 */
export const answerKeySchema = z.strictObject({
  /** Must equal the quiz's `version`. */
  version: z.number().int().positive(),
  answers: z.record(
    slug,
    z.strictObject({ answer: answerValue, explanation: nonEmpty.optional() }),
  ),
});
export type AnswerKeyFile = z.infer<typeof answerKeySchema>;
