import type { APIRoute } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';
import { quizData } from '../../../components/quiz/data.ts';

export async function getStaticPaths() {
  return (await getCollection('quizzes')).map((entry) => ({
    params: { id: entry.id },
    props: { entry },
  }));
}

/** The quiz's questions (and, for practice, its key) as a file of its own, so the page paints first. */
export const GET: APIRoute<{ entry: CollectionEntry<'quizzes'> }> = async ({ props }) =>
  new Response(JSON.stringify(await quizData(props.entry)), {
    headers: { 'content-type': 'application/json' },
  });
