import { stringsFor } from '../../i18n/index.ts';

/**
 * The words of the learner's controls on reading pages, fetched by their script when it loads:
 * a page with hundreds of clauses carries them once, and only when they are used.
 */
export function GET(): Response {
  return Response.json({ ...stringsFor('notes.'), ...stringsFor('storage.') });
}
