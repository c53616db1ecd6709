import { Dexie, type EntityTable, type Table } from 'dexie';
import type { AttemptRecord, GivenAnswer } from '../quiz/attempt.ts';
import type { QuestionStats } from '../quiz/dashboard.ts';

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

export const DATABASE_NAME = 'camnang';

/**
 * The learner's own data in the browser. A released version is never edited: later versions
 * (notes, bookmarks, highlights, review cards) are added as `this.version(2).stores({…})` with
 * `.upgrade(tx => …)` where existing rows need changing, and tests open version 1 to prove the upgrade keeps them.
 */
export class CamnangDB extends Dexie {
  declare attempts: EntityTable<AttemptRecord, 'id'>;
  declare answers: Table<AnswerRow, [string, string], AnswerRow>;
  declare questionStats: EntityTable<QuestionStats, 'questionKey'>;
  declare lessonProgress: EntityTable<LessonProgress, 'lessonId'>;

  constructor(name: string, indexedDB: IDBFactory) {
    super(name, {
      indexedDB,
      ...(typeof IDBKeyRange === 'undefined' ? {} : { IDBKeyRange }),
    });
    this.version(1).stores({
      attempts: 'id, quizId',
      answers: '[attemptId+questionKey], attemptId',
      questionStats: 'questionKey',
      lessonProgress: 'lessonId',
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
