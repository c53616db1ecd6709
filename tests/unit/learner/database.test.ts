import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLearnerDB, plain, type LearnerDB } from '../../../src/lib/learner/database.ts';
import { openQuizProgress } from '../../../src/lib/learner/quiz-progress.ts';
import { VERSIONS } from '../../../src/lib/learner/schema.ts';
import { bank, content, quiz, single } from '../quiz/fixtures.ts';
import { attemptRow, statsRows } from './fixtures.ts';
import { fillableDB } from './quota.ts';

/** Everything IndexedDB records about a database's tables. */
function nativeSchema(db: IDBDatabase) {
  const names = [...db.objectStoreNames].sort();
  const tx = db.transaction(names);
  const stores = names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((indexName) => {
      const { keyPath, unique, multiEntry } = store.index(indexName);
      return { indexName, keyPath, unique, multiEntry };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
  return { version: db.version, stores };
}

/** A database as the released site (Dexie) created it, at `version`. */
async function releasedDatabase(name: string, version = VERSIONS.length) {
  const dexie = new Dexie(name, { indexedDB, IDBKeyRange });
  VERSIONS.slice(0, version).forEach((stores, index) => dexie.version(index + 1).stores(stores));
  await dexie.open();
  return dexie;
}

let databases = 0;
const freshName = () => `camnang-csdl-${++databases}`;
const open: { close(): void }[] = [];
const keep = <T extends { close(): void } | null>(db: T) => {
  if (db) open.push(db);
  return db;
};
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('the learner database', () => {
  it('creates a new database exactly as the released site (Dexie) did, under the name "camnang"', async () => {
    const released = keep(await releasedDatabase(freshName()));
    const ours = keep(await openLearnerDB());
    if (!ours) throw new Error('storage unavailable');
    expect(ours.name).toBe('camnang');
    const connection = await ours.connection();
    expect(connection.version).toBe(VERSIONS.length * 10);
    expect(nativeSchema(connection as unknown as IDBDatabase)).toEqual(
      nativeSchema(released.backendDB()),
    );
  });

  it('opens a database the released site holds, rows and all, and the released site opens ours', async () => {
    const name = freshName();
    const released = await releasedDatabase(name);
    await released.table('attempts').put(attemptRow());
    released.close();
    const ours = keep(await openLearnerDB(name));
    if (!ours) throw new Error('storage unavailable');
    expect(await ours.read(['attempts'], (tx) => tx.table('attempts').getAll())).toEqual([
      attemptRow(),
    ]);
    ours.close();
    const again = keep(await releasedDatabase(name));
    expect(await again.table('attempts').count()).toBe(1);
  });

  it('stores plain copies of what it is given, and refuses what is not data', async () => {
    const { db } = await fillableDB();
    const row = new Proxy({ lessonId: 'bai-1', done: true, doneAt: 1 }, {});
    expect(await db.write(['lessonProgress'], (tx) => tx.put('lessonProgress', row))).toEqual({
      ok: true,
      value: undefined,
    });
    expect(
      await db.read(['lessonProgress'], (tx) => tx.table('lessonProgress').get('bai-1')),
    ).toEqual({
      lessonId: 'bai-1',
      done: true,
      doneAt: 1,
    });
    const withFunction = { lessonId: 'bai-2', done: true, doneAt: (() => 1) as unknown as number };
    expect(
      await db.write(['lessonProgress'], (tx) => tx.put('lessonProgress', withFunction)),
    ).toEqual({
      ok: false,
      failure: 'failed',
    });
    expect(plain({ a: [1, { b: null }], c: undefined })).toEqual({
      a: [1, { b: null }],
      c: undefined,
    });
    const bare = Object.assign(Object.create(null) as object, { a: 1 });
    expect(plain(bare)).toEqual({ a: 1 });
    for (const value of [() => 1, Symbol('x'), 1n]) {
      expect(() => plain({ value })).toThrow(`Không lưu được giá trị kiểu ${typeof value}.`);
    }
    expect(() => plain(new Map())).toThrow('Chỉ lưu được dữ liệu thuần');
  });

  it('writes all of a transaction or nothing, and returns the refusal instead of throwing', async () => {
    const { db, disk } = await fillableDB();
    await db.write(['lessonProgress'], (tx) =>
      tx.put('lessonProgress', { lessonId: 'a', done: true, doneAt: 1 }),
    );
    const both = (tx: Parameters<Parameters<LearnerDB['write']>[1]>[0]) =>
      Promise.all([
        tx.delete('lessonProgress', 'a'),
        tx.put('lessonProgress', { lessonId: 'b', done: true, doneAt: 2 }),
      ]);
    disk.full = true;
    expect(await db.write(['lessonProgress'], both)).toEqual({ ok: false, failure: 'quota' });
    expect(
      await db.read(['lessonProgress'], (tx) => tx.table('lessonProgress').getAllKeys()),
    ).toEqual(['a']);
    disk.full = false;
    expect((await db.write(['lessonProgress'], both)).ok).toBe(true);
    expect(
      await db.read(['lessonProgress'], (tx) => tx.table('lessonProgress').getAllKeys()),
    ).toEqual(['b']);
  });

  it('leaves an older database as it was when its upgrade fails, and opens nothing', async () => {
    const { disk, db: probe } = await fillableDB();
    probe.close();
    const name = probe.name;
    indexedDB.deleteDatabase(name);
    const released = await releasedDatabase(name, 1);
    await released.table('questionStats').bulkPut(statsRows());
    released.close();
    // The upgrade to version 2 writes review cards: a full disk makes it fail.
    disk.full = true;
    expect(await openLearnerDB(name)).toBeNull();
    disk.full = false;
    const again = keep(await releasedDatabase(name, 1));
    expect(again.verno).toBe(1);
    expect(await again.table('questionStats').count()).toBe(statsRows().length);
  });

  it('opens again when the browser closed its connection', async () => {
    const { db } = await fillableDB();
    (await db.connection()).close();
    expect(
      await db.write(['lessonProgress'], (tx) =>
        tx.put('lessonProgress', { lessonId: 'bai-1', done: true, doneAt: 1 }),
      ),
    ).toEqual({ ok: true, value: undefined });
  });

  it('uses a newer database as it is, and reopens after another tab upgrades it', async () => {
    const name = freshName();
    const page = content(quiz(), [
      bank(
        'ngan-hang',
        ['cau-1', 'cau-2', 'cau-3'].map((id) => single(id)),
      ),
    ]);
    const progress = keep(await openQuizProgress(name));
    const started = await progress.startOrResume(page);
    if (!started.ok || started.value.kind === 'limit-reached') throw new Error('not started');
    const attempt = started.value.attempt;

    // A newer release in another tab adds a table: this tab's connection steps aside.
    const newer = new Dexie(name, { indexedDB, IDBKeyRange });
    VERSIONS.forEach((stores, index) => newer.version(index + 1).stores(stores));
    newer.version(VERSIONS.length + 1).stores({ laterTable: 'id' });
    await newer.open();
    newer.close();

    const [first] = attempt.draw.questionKeys;
    expect(await progress.saveAnswer(page, attempt.id, first ?? '', 'a')).toMatchObject({
      ok: true,
      value: { ok: true },
    });
    const again = keep(await openQuizProgress(name));
    expect(await again.startOrResume(page)).toMatchObject({ ok: true, value: { kind: 'resumed' } });
  });
});
