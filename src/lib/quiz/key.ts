import type { Question, SimpleQuestion, SubQuestion } from '../../schemas/quiz.ts';
import type { AnswerValue, PublicQuestion, WithoutKey } from './questions.ts';

/** The correct answer of one gradable question and why. */
export interface KeyEntry {
  answer: AnswerValue;
  explanation?: string;
}

/** Answers by question key (a simple question's id or a sub-question's id). */
export type AnswerKey = Record<string, KeyEntry>;

function keyEntry(question: {
  answer?: AnswerValue | undefined;
  explanation?: string | undefined;
}) {
  if (question.answer === undefined) return undefined;
  const entry: KeyEntry = { answer: question.answer };
  if (question.explanation !== undefined) entry.explanation = question.explanation;
  return entry;
}

function withoutKey<T extends SimpleQuestion | SubQuestion>(question: T): WithoutKey<T> {
  const { answer: _answer, explanation: _explanation, ...rest } = question;
  // TypeScript does not distribute Omit over the union by itself.
  return rest as WithoutKey<T>;
}

/**
 * Splits bank questions into what every browser may see and the answer key. An exam page
 * ships only `questions`; a practice page ships both, so feedback works offline.
 */
export function splitQuestions(questions: readonly Question[]): {
  questions: PublicQuestion[];
  key: AnswerKey;
} {
  const key: AnswerKey = {};
  const take = (question: SimpleQuestion | SubQuestion) => {
    const entry = keyEntry(question);
    if (entry) key[question.id] = entry;
  };
  const split = questions.map((question): PublicQuestion => {
    if (question.type !== 'scenario') {
      take(question);
      return withoutKey(question);
    }
    question.questions.forEach(take);
    return { ...question, questions: question.questions.map((sub) => withoutKey(sub)) };
  });
  return { questions: split, key };
}
