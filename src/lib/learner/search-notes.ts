import type { Note } from '../search/notes.ts';
import { DATABASE_NAME } from './database-name.ts';

/**
 * The learner's notes as site search indexes them. A learner who never saved anything has no
 * database, and then nothing (not even Dexie) is downloaded.
 */
export async function learnerNotes(): Promise<Note[]> {
  if (typeof indexedDB === 'undefined') return [];
  const existing = await indexedDB.databases?.().catch(() => undefined);
  if (existing && !existing.some((db) => db.name === DATABASE_NAME)) return [];
  const [{ openNotesStore }, { entriesOf, searchableNotes }] = await Promise.all([
    import('./notes-store.ts'),
    import('./notes-list.ts'),
  ]);
  const store = await openNotesStore();
  return store ? searchableNotes(entriesOf(await store.all())) : [];
}
