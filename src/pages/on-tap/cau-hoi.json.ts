import { getCollection } from 'astro:content';
import { citationRegistry } from '../../components/regulation/data.ts';
import { resolveAll } from '../../lib/legal/resolve.ts';
import { reviewQuestions } from '../../lib/learner/review-questions.ts';

/**
 * Practice questions with their keys, by question key, for /on-tap/ to ask a missed question
 * again. Fetched only when a question card is due, so the review page itself stays light.
 */
export async function GET(): Promise<Response> {
  const quizzes = await getCollection('quizzes');
  const banks = new Map(
    (await getCollection('questionBanks')).map((bank) => [bank.id, bank.data.questions]),
  );
  const registry = await citationRegistry();
  const linkCitations = (texts: readonly string[]) => {
    const links: Record<string, string> = {};
    for (const text of texts) {
      for (const citation of resolveAll(text, registry).citations) {
        if (citation.resolved && citation.url) links[citation.text] ??= citation.url;
      }
    }
    return links;
  };
  return Response.json(
    reviewQuestions(
      quizzes.map((quiz) => ({ id: quiz.id, ...quiz.data })),
      banks,
      linkCitations,
    ),
  );
}
