import type { ScenarioQuestion, SimpleQuestion, SubQuestion } from '../../schemas/quiz.ts';

export type { AnswerValue } from '../../schemas/quiz.ts';

/** What may be shipped to every browser: a question without its answer and explanation. */
export type WithoutKey<T> = T extends unknown ? Omit<T, 'answer' | 'explanation'> : never;

export type PublicSimpleQuestion = WithoutKey<SimpleQuestion>;
export type PublicSubQuestion = WithoutKey<SubQuestion>;
export type PublicScenario = Omit<ScenarioQuestion, 'questions'> & {
  questions: PublicSubQuestion[];
};
export type PublicQuestion = PublicSimpleQuestion | PublicScenario;

/** A question the learner answers and that is graded on its own: a simple question or a sub-question. */
export type GradableQuestion = PublicSimpleQuestion | PublicSubQuestion;
export type GradableType = GradableQuestion['type'];

/** A bank as the browser gets it; full bank data (with keys) fits too. */
export interface PublicBank {
  id: string;
  questions: readonly PublicQuestion[];
}

/** One gradable question, with what it inherits from its scenario. */
export interface GradableUnit {
  /** The question's id; answers and history are stored under it. */
  key: string;
  question: GradableQuestion;
  /** The case shown before the question, if it belongs to one. */
  scenario: PublicScenario | null;
  tags: string[];
  cites: string[];
}

/** The gradable questions of a bank question, in their written order. */
export function gradableUnits(question: PublicQuestion): GradableUnit[] {
  if (question.type !== 'scenario') {
    const { tags, cites } = question;
    return [{ key: question.id, question, scenario: null, tags, cites }];
  }
  return question.questions.map((sub) => ({
    key: sub.id,
    question: sub,
    scenario: question,
    tags: sub.tags.length ? sub.tags : question.tags,
    cites: sub.cites.length ? sub.cites : question.cites,
  }));
}

/** The ids of a question's choices as written: options, ordering items, or a matching question's right column. */
export function choiceIds(question: GradableQuestion): string[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.map((option) => option.id);
    case 'ordering':
      return question.items.map((item) => item.id);
    case 'matching':
      return question.right.map((item) => item.id);
    case 'true-false':
      return [];
  }
}
