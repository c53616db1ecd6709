import { questionBankSchema, quizSchema, type Question } from '../../../src/schemas/quiz.ts';
import type { QuizDefinition } from '../../../src/lib/quiz/attempt.ts';
import type { PublicBank } from '../../../src/lib/quiz/questions.ts';
import { splitQuestions, type AnswerKey } from '../../../src/lib/quiz/key.ts';

/** Small banks for the quiz and learner tests, parsed by the real schema so defaults apply. */
export function bank(id: string, questions: unknown[]): PublicBank & { questions: Question[] } {
  return { id, questions: questionBankSchema.parse({ title: id, questions }).questions };
}

export function quiz(fields: Record<string, unknown> = {}, id = 'luyen-tap'): QuizDefinition {
  return {
    id,
    ...quizSchema.parse({
      title: 'Luyện tập',
      description: 'Bài luyện tập',
      banks: ['ngan-hang'],
      draw: [{ tag: 'chung', count: 3 }],
      passMark: 50,
      ...fields,
    }),
  };
}

const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Phương án ${id}` }));

const base = (id: string) => ({
  id,
  tags: ['chung'],
  cites: ['Điều 1 Quy định 69-QĐ/TW'],
  prompt: `Câu ${id}?`,
  explanation: 'Theo Điều 1.',
});

export function single(id: string, tags = ['chung'], answer = 'a') {
  return { ...base(id), tags, type: 'single', options, answer };
}

export function multiple(id: string, answer = ['a', 'b']) {
  return { ...single(id), type: 'multiple', answer };
}

export function ordering(id: string) {
  return { ...base(id), type: 'ordering', items: options, answer: ['a', 'b', 'c', 'd'] };
}

export function matching(id: string) {
  return {
    ...base(id),
    type: 'matching',
    left: [
      { id: 'x', text: 'X' },
      { id: 'y', text: 'Y' },
    ],
    right: options,
    answer: { x: 'a', y: 'b' },
  };
}

export function scenario(id: string, subIds: string[]) {
  return {
    id,
    type: 'scenario',
    tags: ['chung'],
    cites: ['Điều 2 Quy định 69-QĐ/TW'],
    scenario: 'Một tình huống.',
    questions: subIds.map((subId) => ({
      id: subId,
      type: 'true-false',
      prompt: `Câu ${subId}?`,
      answer: true,
      explanation: 'Theo Điều 2.',
    })),
  };
}

/** A practice quiz's content as a page would hand it to the learner API. */
export function content(definition: QuizDefinition, banks: ReturnType<typeof bank>[]) {
  const key: AnswerKey = {};
  const shipped = banks.map((full) => {
    const split = splitQuestions(full.questions);
    Object.assign(key, split.key);
    return { id: full.id, questions: split.questions };
  });
  return { quiz: definition, banks: shipped, key };
}
