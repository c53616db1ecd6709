import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { openQuizDatabase } from '../../../src/lib/learner/connection.ts';
import { openCamnangDB } from '../../../src/lib/learner/db.ts';
import { openQuizProgress, type QuizProgress } from '../../../src/lib/learner/quiz-progress.ts';
import { VERSIONS } from '../../../src/lib/learner/schema.ts';
import { bank, content, quiz, single } from '../quiz/fixtures.ts';
import { attemptRow, statsRows } from './fixtures.ts';

/** Everything IndexedDB records about a database's tables. */
function nativeSchema(db: IDBDatabase) {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  const stores = names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].map((indexName) => {
      const { keyPath, unique, multiEntry } = store.index(indexName);
      return { indexName, keyPath, unique, multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  return { version: db.version, stores };
}

let databases = 0;
const freshName = () => `camnang-ket-noi-${++databases}`;
const open: { close(): void }[] = [];
const keep = <T extends { close(): void } | null>(db: T) => {
  if (db) open.push(db);
  return db;
};
afterEach(() => open.splice(0).forEach((db) => db.close()));

const page = content(quiz(), [
  bank(
    'ngan-hang',
    ['cau-1', 'cau-2', 'cau-3'].map((id) => single(id)),
  ),
]);

describe('opening the learner database for a quiz, without Dexie', () => {
  it('creates a new database exactly as Dexie would', async () => {
    const dexie = keep(await openCamnangDB({ name: freshName() }));
    const quizDb = keep(await openQuizDatabase(freshName()));
    if (!dexie || !quizDb) throw new Error('storage unavailable');
    expect(nativeSchema(unwrap(quizDb))).toEqual(nativeSchema(dexie.backendDB()));
    expect(quizDb.version).toBe(VERSIONS.length * 10);
  });

  it('leaves a database Dexie then opens unchanged, with the quiz rows readable', async () => {
    const name = freshName();
    const progress: QuizProgress = keep(await openQuizProgress({ name }));
    const started = await progress.startOrResume(page);
    if (started.kind === 'limit-reached') throw new Error('limit reached');
    progress.close();

    const dexie = keep(await openCamnangDB({ name }));
    if (!dexie) throw new Error('storage unavailable');
    expect(dexie.backendDB().version).toBe(VERSIONS.length * 10);
    expect([...dexie.backendDB().objectStoreNames]).not.toContain('$meta');
    expect((await dexie.attempts.toArray()).map((row) => row.id)).toEqual([started.attempt.id]);
  });

  it('has Dexie upgrade an older database first, keeping its rows', async () => {
    const name = freshName();
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores(VERSIONS[0] ?? {});
    await old.open();
    await old.table('attempts').put(attemptRow());
    await old.table('questionStats').bulkPut(statsRows());
    old.close();

    const quizDb = keep(await openQuizDatabase(name));
    if (!quizDb) throw new Error('storage unavailable');
    expect(quizDb.version).toBe(20);
    expect((await quizDb.getAll('attempts')).map((row) => row.id)).toEqual(['luot-1']);
    // Version 2's upgrade ran: the question missed before review existed is now a card.
    expect((await quizDb.getAll('reviewCards')).map((card) => card.id)).toEqual(['cau:cau-2']);
  });

  it('uses a newer database as it is, and reopens after another tab upgrades it', async () => {
    const name = freshName();
    const progress = keep(await openQuizProgress({ name }));
    const started = await progress.startOrResume(page);
    if (started.kind === 'limit-reached') throw new Error('limit reached');

    // A newer release in another tab adds a table: this tab's connection steps aside.
    const newer = new Dexie(name, { indexedDB, IDBKeyRange });
    VERSIONS.forEach((stores, index) => newer.version(index + 1).stores(stores));
    newer.version(VERSIONS.length + 1).stores({ laterTable: 'id' });
    await newer.open();
    newer.close();

    const [first] = started.attempt.draw.questionKeys;
    expect(await progress.saveAnswer(page, started.attempt.id, first ?? '', 'a')).toMatchObject({
      ok: true,
    });
    const again = keep(await openQuizProgress({ name }));
    expect((await again.startOrResume(page)).kind).toBe('resumed');
  });
});
