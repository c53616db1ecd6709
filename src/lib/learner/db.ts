import { Dexie, type EntityTable, type Table } from 'dexie';
import { DATABASE_NAME } from './database-name.ts';
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
 * `this.version(n).stores({…})` (listing only the tables it adds or changes) with `.upgrade(tx => …)`
 * where existing rows need changing, and tests open every earlier version to prove the upgrade keeps them.
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
    this.version(1).stores({
      attempts: 'id, quizId',
      answers: '[attemptId+questionKey], attemptId',
      questionStats: 'questionKey',
      lessonProgress: 'lessonId',
    });
    // Version 2: notes, bookmarks, highlights and spaced-review cards.
    this.version(2)
      .stores({
        bookmarks: 'place',
        notes: 'place',
        highlights: 'id, place',
        reviewCards: 'id, due',
      })
      .upgrade(async (tx) => {
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
