import { openLearnerDB, type LearnerDB } from './database.ts';
import {
  placeOf,
  type BookmarkRow,
  type HighlightRow,
  type NoteRow,
  type Place,
} from './records.ts';
import type { SaveResult } from './storage.ts';

/** What the learner has kept on the places of one page. */
export interface PageNotes {
  bookmarks: Set<string>;
  notes: Map<string, NoteRow>;
  highlights: HighlightRow[];
}

export interface AllNotes {
  bookmarks: BookmarkRow[];
  notes: NoteRow[];
  highlights: HighlightRow[];
}

/** Random hex; `crypto.getRandomValues` works on plain http too, unlike `randomUUID`. */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** Bookmarks, notes and highlights. Every write is one transaction, so a failure changes nothing. */
export class NotesStore {
  readonly #db: LearnerDB;

  constructor(db: LearnerDB) {
    this.#db = db;
  }

  onPage(places: readonly string[]): Promise<PageNotes> {
    return this.#db.read(['bookmarks', 'notes', 'highlights'], async (tx) => {
      const [bookmarks, notes, highlights] = await Promise.all([
        Promise.all(places.map((place) => tx.table('bookmarks').get(place))),
        Promise.all(places.map((place) => tx.table('notes').get(place))),
        Promise.all(places.map((place) => tx.table('highlights').index('place').getAll(place))),
      ]);
      return {
        bookmarks: new Set(bookmarks.flatMap((row) => (row ? [row.place] : []))),
        notes: new Map(notes.flatMap((row) => (row ? [[row.place, row] as const] : []))),
        highlights: highlights.flat(),
      };
    });
  }

  all(): Promise<AllNotes> {
    return this.#db.read(['bookmarks', 'notes', 'highlights'], async (tx) => ({
      bookmarks: await tx.table('bookmarks').getAll(),
      notes: await tx.table('notes').getAll(),
      highlights: await tx.table('highlights').getAll(),
    }));
  }

  bookmark(place: Place, now = Date.now()): Promise<SaveResult> {
    return this.#db.write(['bookmarks'], (tx) =>
      tx.put('bookmarks', { ...placeOf(place), createdAt: now, updatedAt: now }),
    );
  }

  unbookmark(place: string): Promise<SaveResult> {
    return this.#db.write(['bookmarks'], (tx) => tx.delete('bookmarks', place));
  }

  /** Saves the note of a place; an empty note deletes it. */
  saveNote(place: Place, text: string, now = Date.now()): Promise<SaveResult> {
    const clean = text.replace(/\r\n?/g, '\n').trim();
    if (!clean) return this.deleteNote(place.place);
    return this.#db.write(['notes'], async (tx) => {
      const before = await tx.table('notes').get(place.place);
      await tx.put('notes', {
        ...placeOf(place),
        text: clean,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      });
    });
  }

  deleteNote(place: string): Promise<SaveResult> {
    return this.#db.write(['notes'], (tx) => tx.delete('notes', place));
  }

  highlight(
    place: Place,
    passage: { quote: string; start: number; end: number },
    now = Date.now(),
  ): Promise<SaveResult<HighlightRow>> {
    const row: HighlightRow = {
      ...placeOf(place),
      id: randomId(),
      quote: passage.quote,
      start: passage.start,
      end: passage.end,
      createdAt: now,
      updatedAt: now,
    };
    return this.#db.write(['highlights'], async (tx) => {
      await tx.put('highlights', row);
      return row;
    });
  }

  deleteHighlight(id: string): Promise<SaveResult> {
    return this.#db.write(['highlights'], (tx) => tx.delete('highlights', id));
  }
}

/** Null when the browser gives no storage. */
export async function openNotesStore(name?: string): Promise<NotesStore | null> {
  const db = await openLearnerDB(name);
  return db && new NotesStore(db);
}
