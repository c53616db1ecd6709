import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { AttemptRecord } from '../quiz/attempt.ts';
import type { QuestionStats } from '../quiz/dashboard.ts';
import type { AnswerRow } from './db.ts';
import type { ReviewCardRow } from './records.ts';
import { CURRENT_VERSION, DATABASE_NAME, currentStores } from './schema.ts';

/** The tables a quiz reads and writes, as `CamnangDB` (db.ts) declares them. */
export interface QuizTables extends DBSchema {
  attempts: { key: string; value: AttemptRecord; indexes: { quizId: string } };
  answers: { key: [string, string]; value: AnswerRow; indexes: { attemptId: string } };
  questionStats: { key: string; value: QuestionStats };
  reviewCards: { key: string; value: ReviewCardRow; indexes: { due: number } };
}

export type QuizDatabase = IDBPDatabase<QuizTables>;

const errorName = (error: unknown) => (error instanceof DOMException ? error.name : '');

/**
 * Opens the learner database with plain IndexedDB (through `idb`), so a quiz page ships without
 * Dexie, which stays the owner of the schema and its upgrades:
 * - no database yet: creates the current version's tables exactly as Dexie would;
 * - an older version: loads Dexie once to run its upgrades, then opens again;
 * - a newer version (a newer page in another tab): uses it, as every version keeps these tables.
 * Returns null when the browser gives no storage.
 */
export async function openQuizDatabase(name = DATABASE_NAME): Promise<QuizDatabase | null> {
  if (typeof indexedDB === 'undefined') return null;
  try {
    return await openCurrent(name);
  } catch (error) {
    try {
      if (errorName(error) === 'VersionError') return await openDB<QuizTables>(name);
      if (errorName(error) !== 'AbortError') return null;
      const { openCamnangDB } = await import('./db.ts');
      (await openCamnangDB({ name }))?.close();
      return await openCurrent(name);
    } catch {
      return null;
    }
  }
}

async function openCurrent(name: string): Promise<QuizDatabase> {
  // Untyped here: a fresh database gets every table, not only the quiz's.
  const db = await openDB(name, CURRENT_VERSION * 10, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      // Upgrading an existing database is Dexie's work (its `.upgrade()` functions move data).
      if (oldVersion !== 0) {
        transaction.done.catch(() => undefined);
        return transaction.abort();
      }
      for (const [table, { primaryKey, indexes }] of currentStores()) {
        const store = db.createObjectStore(table, {
          keyPath: primaryKey.keyPath,
          autoIncrement: primaryKey.autoIncrement,
        });
        for (const index of indexes) {
          store.createIndex(index.name, index.keyPath ?? index.name, {
            unique: index.unique,
            multiEntry: index.multiEntry,
          });
        }
      }
    },
    // Another tab is upgrading the database: step aside, as Dexie does (`QuizProgress` reopens).
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
  });
  return db as unknown as QuizDatabase;
}
