import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  backupFileName,
  clearLearnerData,
  createBackup,
  importBackup,
  parseBackup,
  previewImport,
  readLearnerData,
} from '../../../src/lib/learner/backup.ts';
import { openLearnerDB } from '../../../src/lib/learner/database.ts';
import { LEARNER_TABLES, type LearnerData } from '../../../src/lib/learner/records.ts';
import { clause, learnerData, t0 } from './fixtures.ts';
import { fillableDB } from './quota.ts';

/** Rows as text with keys in order, so rows compare whatever order their fields were written in. */
const canonical = (row: unknown) =>
  JSON.stringify(row, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)))
      : value,
  );
const sorted = (data: LearnerData) =>
  Object.fromEntries(LEARNER_TABLES.map((table) => [table, data[table].map(canonical).sort()]));

async function filled(name: string) {
  const db = (await openLearnerDB(name))!;
  expect((await importBackup(db, learnerData())).ok).toBe(true);
  return db;
}

describe('backup', () => {
  it('exports every table with its counts, and imports it back into an emptied database', async () => {
    const db = await filled('camnang-sao-luu-1');
    const backup = createBackup(await readLearnerData(db), t0);
    expect(backup).toMatchObject({
      format: 'camnang-backup',
      version: 1,
      createdAt: '2026-01-05T08:00:00.000Z',
      counts: {
        attempts: 1,
        answers: 2,
        questionStats: 2,
        lessonProgress: 2,
        bookmarks: 1,
        notes: 1,
        highlights: 1,
        reviewCards: 1,
      },
    });
    const text = JSON.stringify(backup, null, 2);

    expect(await clearLearnerData(db)).toMatchObject({ ok: true });
    for (const table of LEARNER_TABLES)
      expect(await db.read([table], (tx) => tx.table(table).count())).toBe(0);

    const read = parseBackup(text);
    if (!read.ok) throw new Error(read.error.code);
    const preview = await previewImport(db, read.data);
    expect(preview.notes).toMatchObject({ add: 1, replace: 0, keep: 0 });
    expect(await importBackup(db, read.data)).toMatchObject({ ok: true });
    expect(sorted(await readLearnerData(db))).toEqual(sorted(learnerData()));
    db.close();
  });

  it('merges without duplicates: importing twice adds nothing the second time', async () => {
    const db = await filled('camnang-sao-luu-2');
    const result = await importBackup(db, learnerData());
    expect(result.ok && result.value.notes).toMatchObject({ add: 0, replace: 0, keep: 1 });
    expect(await db.read(['notes'], (tx) => tx.table('notes').count())).toBe(1);
    db.close();
  });

  it('writes nothing when storage fills up halfway through the import', async () => {
    const { db, disk } = await fillableDB();
    await db.write(['notes'], (tx) =>
      tx.put('notes', { ...clause, text: 'đã có', createdAt: t0, updatedAt: t0 }),
    );
    const before = await readLearnerData(db);
    disk.full = true;
    const incoming = learnerData();
    incoming.notes = [{ ...clause, text: 'mới hơn', createdAt: t0, updatedAt: t0 + 10 }];
    expect(await importBackup(db, incoming)).toEqual({ ok: false, failure: 'quota' });
    disk.full = false;
    expect(await readLearnerData(db)).toEqual(before);
    db.close();
  });

  it('names the file by the local date', () => {
    expect(backupFileName(new Date(2026, 10, 7, 23, 30).getTime())).toBe(
      'camnang-sao-luu-2026-11-07.json',
    );
  });
});
