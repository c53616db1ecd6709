import type { Note } from '../search/notes.ts';
import { mayHaveLearnerDatabase } from './schema.ts';

/**
 * The learner's notes as site search indexes them. A learner who never saved anything has no
 * database, and then nothing (not even the storage code) is downloaded.
 */
export async function learnerNotes(): Promise<Note[]> {
  if (!(await mayHaveLearnerDatabase())) return [];
  const [{ openNotesStore }, { entriesOf, searchableNotes }] = await Promise.all([
    import('./notes-store.ts'),
    import('./notes-list.ts'),
  ]);
  const store = await openNotesStore();
  return store ? searchableNotes(entriesOf(await store.all())) : [];
}
