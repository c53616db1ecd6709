import { Dexie, type EntityTable, type Table } from 'dexie';
import { DATABASE_NAME, VERSIONS } from './schema.ts';
import type { AttemptRecord, GivenAnswer } from '../quiz/attempt.ts';
import type { QuestionStats } from '../quiz/dashboard.ts';
import { questionCard } from './cards.ts';
import type { BookmarkRow, HighlightRow, NoteRow, ReviewCardRow } from './records.ts';

/** One answer, its own row, so two tabs answering different questions never overwrite each other. */
export interface AnswerRow extends GivenAnswer {
  attemptId: string;
  questionKey: string;
}

export interface LessonProgress {
  lessonId: string;
  done: boolean;
  doneAt: number | null;
}

export { DATABASE_NAME };

/**
 * The learner's own data in the browser. A released version is never edited: each change is a new
 * entry in `VERSIONS` (schema.ts), declared here as `this.version(n).stores(…)` with
 * `.upgrade(tx => …)` where existing rows need changing; tests open every earlier version to prove
 * the upgrade keeps them.
 */
export class CamnangDB extends Dexie {
  declare attempts: EntityTable<AttemptRecord, 'id'>;
  declare answers: Table<AnswerRow, [string, string], AnswerRow>;
  declare questionStats: EntityTable<QuestionStats, 'questionKey'>;
  declare lessonProgress: EntityTable<LessonProgress, 'lessonId'>;
  declare bookmarks: EntityTable<BookmarkRow, 'place'>;
  declare notes: EntityTable<NoteRow, 'place'>;
  declare highlights: EntityTable<HighlightRow, 'id'>;
  declare reviewCards: EntityTable<ReviewCardRow, 'id'>;

  constructor(name: string, indexedDB: IDBFactory) {
    super(name, {
      indexedDB,
      ...(typeof IDBKeyRange === 'undefined' ? {} : { IDBKeyRange }),
    });
    VERSIONS.forEach((stores, index) => this.version(index + 1).stores(stores));
    this.version(2).upgrade(async (tx) => {
      // Questions missed before review existed become cards too, due at once.
      const now = Date.now();
      const missed = await tx
        .table<QuestionStats>('questionStats')
        .filter((row) => row.wrong > 0)
        .toArray();
      await tx
        .table<ReviewCardRow>('reviewCards')
        .bulkPut(missed.map((row) => questionCard(row.questionKey, now)));
    });
  }
}

/**
 * Opens the database, or returns null when the browser gives no storage (private mode,
 * blocked storage, no `indexedDB`, or `open()` refused), so callers can run in memory instead.
 */
export async function openCamnangDB(
  options: { name?: string; indexedDB?: IDBFactory | undefined } = {},
): Promise<CamnangDB | null> {
  const factory = options.indexedDB ?? (typeof indexedDB === 'undefined' ? undefined : indexedDB);
  if (!factory) return null;
  try {
    const db = new CamnangDB(options.name ?? DATABASE_NAME, factory);
    await db.open();
    return db;
  } catch {
    return null;
  }
}
