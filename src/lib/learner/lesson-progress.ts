import { openLearnerDB, type LearnerDB } from './database.ts';
import type { SaveResult } from './storage.ts';

/**
 * The "đã học" marks of lessons. Opened lazily by reading pages, which otherwise ship no
 * storage code; null when the browser gives no storage.
 */
export async function openLessonProgress(name?: string): Promise<LessonProgressStore | null> {
  const db = await openLearnerDB(name);
  return db && new LessonProgressStore(db);
}

export class LessonProgressStore {
  readonly #db: LearnerDB;

  constructor(db: LearnerDB) {
    this.#db = db;
  }

  /** The ids among `lessonIds` that are marked done. */
  done(lessonIds: readonly string[]): Promise<Set<string>> {
    return this.#db.read(['lessonProgress'], async (tx) => {
      const rows = await Promise.all(lessonIds.map((id) => tx.table('lessonProgress').get(id)));
      return new Set(rows.flatMap((row) => (row?.done ? [row.lessonId] : [])));
    });
  }

  mark(lessonId: string, done: boolean, now = Date.now()): Promise<SaveResult> {
    return this.#db.write(['lessonProgress'], (tx) =>
      tx.put('lessonProgress', { lessonId, done, doneAt: done ? now : null }),
    );
  }
}
