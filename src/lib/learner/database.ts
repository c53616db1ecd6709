import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPObjectStore,
  type IDBPTransaction,
  type StoreKey,
} from 'idb';
import { questionCard } from './cards.ts';
import type { LearnerRows, LearnerTable, ReviewCardRow } from './records.ts';
import { CURRENT_VERSION, DATABASE_NAME, storesAt, type StoreSpec } from './schema.ts';
import { failureOf, requestPersistence, type SaveResult } from './storage.ts';

/** The learner's tables with their keys and indexes, as `schema.ts` declares them. */
export interface LearnerSchema extends DBSchema {
  attempts: { key: string; value: LearnerRows['attempts']; indexes: { quizId: string } };
  answers: {
    key: [string, string];
    value: LearnerRows['answers'];
    indexes: { attemptId: string };
  };
  questionStats: { key: string; value: LearnerRows['questionStats'] };
  lessonProgress: { key: string; value: LearnerRows['lessonProgress'] };
  bookmarks: { key: string; value: LearnerRows['bookmarks'] };
  notes: { key: string; value: LearnerRows['notes'] };
  highlights: { key: string; value: LearnerRows['highlights']; indexes: { place: string } };
  reviewCards: { key: string; value: LearnerRows['reviewCards']; indexes: { due: number } };
}

/** A table as a transaction reads it: every read of idb's object store, no write. */
export type ReadTable<Table extends LearnerTable> = IDBPObjectStore<
  LearnerSchema,
  LearnerTable[],
  Table,
  'readonly'
>;

export interface ReadTx {
  table<Table extends LearnerTable>(name: Table): ReadTable<Table>;
}

/** What a write transaction may do. Rows are copied to plain data here, the only place that writes. */
export interface WriteTx extends ReadTx {
  put<Table extends LearnerTable>(name: Table, row: LearnerRows[Table]): Promise<void>;
  delete<Table extends LearnerTable>(
    name: Table,
    key: StoreKey<LearnerSchema, Table>,
  ): Promise<void>;
  clear(name: LearnerTable): Promise<void>;
}

/**
 * A deep copy holding only plain data. Rows reach storage from Svelte state, whose proxies
 * IndexedDB refuses to clone (DataCloneError); a function or class instance has no place in a row.
 */
export function plain<T>(value: T): T {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint')
      throw new TypeError(`Không lưu được giá trị kiểu ${typeof value}.`);
    return value;
  }
  if (Array.isArray(value)) return value.map(plain) as T;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null)
    throw new TypeError('Chỉ lưu được dữ liệu thuần (đối tượng, mảng, chuỗi, số).');
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, plain(item)]),
  ) as T;
}

/**
 * Data upgrades, by the version that brings them: they run inside the version change, after
 * that version's tables exist. Only IndexedDB requests may be awaited here.
 */
const UPGRADES: Record<
  number,
  (tx: IDBPTransaction<unknown, string[], 'versionchange'>) => Promise<void>
> = {
  // Version 2: questions missed before review existed become cards too, due at once.
  2: async (tx) => {
    const now = Date.now();
    const stats = (await tx
      .objectStore('questionStats')
      .getAll()) as LearnerRows['questionStats'][];
    const cards = tx.objectStore('reviewCards');
    await Promise.all(
      stats
        .filter((row) => row.wrong > 0)
        .map((row) => cards.put(questionCard(row.questionKey, now) satisfies ReviewCardRow)),
    );
  },
};

/**
 * Brings the tables of one version into being. A version adds tables, or indexes to a table;
 * dropping or re-keying one would need a data upgrade written for it.
 */
function applyStores(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  stores: Map<string, StoreSpec>,
): void {
  for (const [name, spec] of stores) {
    const store = db.objectStoreNames.contains(name)
      ? tx.objectStore(name)
      : db.createObjectStore(name, {
          keyPath: spec.primaryKey.keyPath,
          autoIncrement: spec.primaryKey.autoIncrement,
        });
    for (const index of spec.indexes) {
      if (store.indexNames.contains(index.name)) continue;
      store.createIndex(index.name, index.keyPath ?? index.name, {
        unique: index.unique,
        multiEntry: index.multiEntry,
      });
    }
  }
}

/**
 * Opens the database at the current version, upgrading an older one (by the versions in
 * `schema.ts` and `UPGRADES`). IndexedDB numbers each version ten times ours, as Dexie, which
 * created the databases learners already hold, did.
 */
async function connect(name: string, onBlocking: () => void): Promise<IDBPDatabase<LearnerSchema>> {
  try {
    return await openVersion(name, onBlocking);
  } catch (error) {
    // A newer release in another tab has upgraded it: every version keeps these tables.
    if (error instanceof DOMException && error.name === 'VersionError')
      return openDB<LearnerSchema>(name, undefined, { blocking: onBlocking });
    throw error;
  }
}

function openVersion(name: string, onBlocking: () => void) {
  return openDB<LearnerSchema>(name, CURRENT_VERSION * 10, {
    upgrade(db, oldVersion, _newVersion, transaction) {
      const untypedDb = db as unknown as IDBPDatabase<unknown>;
      const tx = transaction as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
      const run = async () => {
        for (let version = Math.floor(oldVersion / 10) + 1; version <= CURRENT_VERSION; version++) {
          applyStores(untypedDb, tx, storesAt(version));
          // On a fresh database an upgrade finds no rows, and does nothing.
          const upgrade = UPGRADES[version];
          if (upgrade) await upgrade(tx);
        }
      };
      // A failed upgrade changes nothing: the old version stays, and opening fails (the open
      // request reports it; the transaction's own promise is not left unhandled).
      transaction.done.catch(() => undefined);
      run().catch(() => {
        try {
          transaction.abort();
        } catch {
          // Already ended.
        }
      });
    },
    blocking: onBlocking,
  });
}

/**
 * The learner's database: the one way any page reads or writes what a learner keeps. Writes
 * return a result to handle instead of throwing; a refusal (full disk, storage error) leaves
 * what was stored before untouched, as each write is one transaction.
 */
export class LearnerDB {
  readonly name: string;
  #db: IDBPDatabase<LearnerSchema> | null = null;

  constructor(name = DATABASE_NAME) {
    this.name = name;
  }

  /** The connection, opened again after another tab's upgrade closed it. */
  async connection(): Promise<IDBPDatabase<LearnerSchema>> {
    this.#db ??= await connect(this.name, () => this.#stepAside());
    return this.#db;
  }

  /** Another tab is upgrading the database: close, as it waits for us; the next use reopens. */
  #stepAside(): void {
    this.#db?.close();
    this.#db = null;
  }

  #begin = async <Mode extends IDBTransactionMode>(tables: readonly LearnerTable[], mode: Mode) => {
    const db = await this.connection();
    try {
      return db.transaction([...tables], mode);
    } catch (error) {
      // Closed by the browser (or by an upgrade we did not hear of): open once more.
      if (!(error instanceof DOMException && error.name === 'InvalidStateError')) throw error;
      this.#db = null;
      return (await this.connection()).transaction([...tables], mode);
    }
  };

  /** Reads in one transaction, a consistent view of those tables. */
  async read<T>(tables: readonly LearnerTable[], work: (tx: ReadTx) => Promise<T>): Promise<T> {
    const tx = await this.#begin(tables, 'readonly');
    const result = await work({ table: (name) => tx.objectStore(name) });
    await tx.done;
    return result;
  }

  /**
   * Runs `work` in one readwrite transaction, which IndexedDB serialises across tabs: all of it
   * is stored, or none. `work` may await only this transaction's requests.
   */
  async write<T>(
    tables: readonly LearnerTable[],
    work: (tx: WriteTx) => Promise<T>,
  ): Promise<SaveResult<T>> {
    let tx: IDBPTransaction<LearnerSchema, LearnerTable[], 'readwrite'> | undefined;
    try {
      const open = await this.#begin(tables, 'readwrite');
      tx = open;
      // Rejects when a request fails; the error is read from `work` or here, never left unhandled.
      open.done.catch(() => undefined);
      const value = await work({
        table: (name) => open.objectStore(name) as unknown as ReadTable<typeof name>,
        put: async (name, row) => {
          await open.objectStore(name).put(plain(row));
        },
        delete: (name, key) => open.objectStore(name).delete(key),
        clear: (name) => open.objectStore(name).clear(),
      });
      await open.done;
      void requestPersistence();
      return { ok: true, value };
    } catch (error) {
      try {
        tx?.abort();
      } catch {
        // Already ended: IndexedDB aborted it itself, the error came from a request.
      }
      return { ok: false, failure: failureOf(error) };
    }
  }

  close(): void {
    this.#db?.close();
    this.#db = null;
  }
}

/**
 * Opens the learner database, or returns null when the browser gives no storage (private mode,
 * blocked storage, no `indexedDB`, or `open()` refused), so callers can run in memory instead.
 */
export async function openLearnerDB(name = DATABASE_NAME): Promise<LearnerDB | null> {
  if (typeof indexedDB === 'undefined') return null;
  const db = new LearnerDB(name);
  try {
    await db.connection();
    return db;
  } catch {
    return null;
  }
}
