import { getEntry, type CollectionEntry } from 'astro:content';
import { resolveAll } from '../../lib/legal/resolve.ts';
import type { PublicBank } from '../../lib/quiz/questions.ts';
import { splitQuestions, type AnswerKey } from '../../lib/quiz/key.ts';
import { gradableUnits } from '../../lib/quiz/questions.ts';
import { inShippingOrder } from '../../lib/quiz/ship.ts';
import { citationRegistry } from '../regulation/data.ts';

/** What a quiz page's island downloads after the page has painted. */
export interface QuizData {
  banks: PublicBank[];
  /** Practice only: an exam's key stays with the trainer. */
  key?: AnswerKey;
  /** Every citation the learner may see (cites and explanations) → the clause's URL. */
  citeLinks: Record<string, string>;
}

export async function quizData(entry: CollectionEntry<'quizzes'>): Promise<QuizData> {
  const quiz = entry.data;
  const banks = await Promise.all(
    quiz.banks.map(async (id) => {
      const bank = await getEntry('questionBanks', id);
      if (!bank) throw new Error(`quizzes/${entry.id}.yaml: banks: không có ngân hàng "${id}"`);
      const { questions, key } = splitQuestions(bank.data.questions);
      // An exam's written order would give its key away; a practice page ships the key anyway.
      return {
        id,
        key,
        questions: quiz.mode === 'exam' ? inShippingOrder(entry.id, questions) : questions,
      };
    }),
  );
  const key: AnswerKey | undefined =
    quiz.mode === 'practice' ? Object.assign({}, ...banks.map((bank) => bank.key)) : undefined;
  const registry = await citationRegistry();
  const citeLinks: Record<string, string> = {};
  const cited = banks.flatMap((bank) => [
    ...bank.questions.flatMap((question) => gradableUnits(question).flatMap((unit) => unit.cites)),
    ...Object.values(key ?? {}).flatMap((entry) => (entry.explanation ? [entry.explanation] : [])),
  ]);
  for (const text of cited) {
    for (const citation of resolveAll(text, registry).citations) {
      if (citation.resolved && citation.url) citeLinks[citation.text] ??= citation.url;
    }
  }
  return {
    banks: banks.map(({ id, questions }) => ({ id, questions })),
    ...(key && { key }),
    citeLinks,
  };
}
