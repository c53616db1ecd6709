import type { Note } from './notes.ts';

/** A note found for a query, as the search page lists it. */
export interface NoteResult {
  id: string;
  title: string;
  url: string;
  /** The start of the note, as plain text. */
  excerpt: string;
}

/** Where the search page gets the learner's notes from; absent until the notes feature plugs one in. */
export type NotesProvider = (query: string) => Promise<NoteResult[]>;

const EXCERPT_LENGTH = 160;

/**
 * Searches the notes `load` returns (read once, on the first query). lunr is imported only when
 * there is at least one note, so a learner without notes never downloads it.
 */
export function notesProvider(load: () => Promise<readonly Note[]>): NotesProvider {
  let ready: Promise<(query: string) => NoteResult[]> | undefined;
  return async (query) => {
    ready ??= (async () => {
      const notes = await load();
      if (notes.length === 0) return () => [];
      const { buildNotesIndex, searchNotes } = await import('./notes.ts');
      const index = buildNotesIndex(notes);
      const byId = new Map(notes.map((note) => [note.id, note]));
      return (text: string) =>
        searchNotes(index, text).flatMap(({ id }) => {
          const note = byId.get(id);
          if (!note) return [];
          const excerpt =
            note.text.length > EXCERPT_LENGTH
              ? `${note.text.slice(0, EXCERPT_LENGTH).trimEnd()}…`
              : note.text;
          return [{ id, title: note.title, url: note.url, excerpt }];
        });
    })();
    ready.catch(() => {
      ready = undefined;
    });
    return (await ready)(query);
  };
}
