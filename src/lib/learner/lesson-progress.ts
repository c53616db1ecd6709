import { openCamnangDB, type CamnangDB } from './db.ts';

/**
 * The "đã học" marks of lessons. Opened lazily by reading pages, which otherwise ship no
 * storage code; null when the browser gives no storage.
 */
export async function openLessonProgress(): Promise<LessonProgressStore | null> {
  const db = await openCamnangDB();
  return db && new LessonProgressStore(db);
}

export class LessonProgressStore {
  readonly #db: CamnangDB;

  constructor(db: CamnangDB) {
    this.#db = db;
  }

  /** The ids among `lessonIds` that are marked done. */
  async done(lessonIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.#db.lessonProgress.bulkGet([...lessonIds]);
    return new Set(rows.flatMap((row) => (row?.done ? [row.lessonId] : [])));
  }

  async mark(lessonId: string, done: boolean, now = Date.now()): Promise<void> {
    await this.#db.lessonProgress.put({ lessonId, done, doneAt: done ? now : null });
  }
}
