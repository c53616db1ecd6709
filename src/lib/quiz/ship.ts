import type { PublicQuestion, PublicSubQuestion, PublicSimpleQuestion } from './questions.ts';
import { createRandom, hashSeed, shuffled } from './random.ts';

type Choosable = PublicSimpleQuestion | PublicSubQuestion;

/** The lists whose order is shown: options, ordering items, both columns of a matching question. */
const CHOICE_LISTS = ['options', 'items', 'left', 'right'] as const;
type ChoiceLists = Partial<Record<(typeof CHOICE_LISTS)[number], readonly unknown[]>>;

/**
 * The question with each of its choice lists shuffled. Seeded by the quiz id and the question's
 * own text, never its key: the same order on every build until the question changes, and one
 * that says nothing of which option is right.
 */
function shuffleChoices<T extends Choosable>(quizId: string, question: T): T {
  const random = createRandom(`${quizId}:${question.id}:${hashSeed(JSON.stringify(question))}`);
  const written = question as ChoiceLists;
  const lists: ChoiceLists = {};
  for (const name of CHOICE_LISTS) {
    const list = written[name];
    if (list) lists[name] = shuffled(list, random);
  }
  // Authors write ordering items in order and matching pairs side by side, and a fair shuffle
  // still lands there now and then (1 in 120 for four pairs of five); a rotation moves every
  // item off it. Options are left to chance: a right option never first would say something too.
  if (lists.items && sameOrder(lists.items, written.items)) lists.items = rotated(lists.items);
  if (lists.left && lists.right && written.left && written.right) {
    const partner = new Map(written.left.map((item, index) => [item, written.right?.[index]]));
    if (lists.left.every((item, index) => partner.get(item) === lists.right?.[index]))
      lists.right = rotated(lists.right);
  }
  return { ...question, ...lists };
}

const sameOrder = (a: readonly unknown[], b: readonly unknown[] = []) =>
  a.length === b.length && a.every((item, index) => item === b[index]);
const rotated = <T>(list: readonly T[]): T[] => [...list.slice(1), ...list.slice(0, 1)];

/**
 * An exam's questions as they ship: authors write the right option first, ordering items in
 * their order and matching pairs side by side, so the written order would give the key away.
 * Grading never looks at positions (keys name option ids), so nothing else changes.
 */
export function inShippingOrder(
  quizId: string,
  questions: readonly PublicQuestion[],
): PublicQuestion[] {
  return questions.map((question) =>
    question.type === 'scenario'
      ? { ...question, questions: question.questions.map((sub) => shuffleChoices(quizId, sub)) }
      : shuffleChoices(quizId, question),
  );
}
