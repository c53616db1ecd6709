import { openCamnangDB, type CamnangDB } from './db.ts';
import {
  placeOf,
  type BookmarkRow,
  type HighlightRow,
  type NoteRow,
  type Place,
} from './records.ts';
import { trySave, type SaveResult } from './storage.ts';

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

/** Bookmarks, notes and highlights. Every write is one put or delete, so a failure changes nothing. */
export class NotesStore {
  readonly #db: CamnangDB;

  constructor(db: CamnangDB) {
    this.#db = db;
  }

  async onPage(places: readonly string[]): Promise<PageNotes> {
    const db = this.#db;
    return db.transaction('r', [db.bookmarks, db.notes, db.highlights], async () => {
      const [bookmarks, notes, highlights] = await Promise.all([
        db.bookmarks.bulkGet([...places]),
        db.notes.bulkGet([...places]),
        db.highlights
          .where('place')
          .anyOf([...places])
          .toArray(),
      ]);
      return {
        bookmarks: new Set(bookmarks.flatMap((row) => (row ? [row.place] : []))),
        notes: new Map(notes.flatMap((row) => (row ? [[row.place, row] as const] : []))),
        highlights,
      };
    });
  }

  async all(): Promise<AllNotes> {
    const db = this.#db;
    return db.transaction('r', [db.bookmarks, db.notes, db.highlights], async () => ({
      bookmarks: await db.bookmarks.toArray(),
      notes: await db.notes.toArray(),
      highlights: await db.highlights.toArray(),
    }));
  }

  bookmark(place: Place, now = Date.now()): Promise<SaveResult> {
    return trySave(() =>
      this.#db.bookmarks.put({ ...placeOf(place), createdAt: now, updatedAt: now }),
    );
  }

  unbookmark(place: string): Promise<SaveResult> {
    return trySave(() => this.#db.bookmarks.delete(place));
  }

  /** Saves the note of a place; an empty note deletes it. */
  saveNote(place: Place, text: string, now = Date.now()): Promise<SaveResult> {
    const clean = text.replace(/\r\n?/g, '\n').trim();
    if (!clean) return this.deleteNote(place.place);
    return trySave(async () => {
      const before = await this.#db.notes.get(place.place);
      await this.#db.notes.put({
        ...placeOf(place),
        text: clean,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
      });
    });
  }

  deleteNote(place: string): Promise<SaveResult> {
    return trySave(() => this.#db.notes.delete(place));
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
    return trySave(async () => {
      await this.#db.highlights.put(row);
      return row;
    });
  }

  deleteHighlight(id: string): Promise<SaveResult> {
    return trySave(() => this.#db.highlights.delete(id));
  }
}

/** Null when the browser gives no storage. */
export async function openNotesStore(
  options: { name?: string; indexedDB?: IDBFactory | undefined } = {},
): Promise<NotesStore | null> {
  const db = await openCamnangDB(options);
  return db && new NotesStore(db);
}
