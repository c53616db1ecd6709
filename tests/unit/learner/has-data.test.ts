import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clearLearnerData } from '../../../src/lib/learner/backup.ts';
import { openLearnerDB } from '../../../src/lib/learner/database.ts';
import { hasLearnerData } from '../../../src/lib/learner/has-data.ts';
import { openNotesStore } from '../../../src/lib/learner/notes-store.ts';
import { DATABASE_NAME } from '../../../src/lib/learner/schema.ts';

const place = {
  place: '/van-ban/dieu-le-dang/dieu-32/',
  type: 'article' as const,
  docId: '/van-ban/dieu-le-dang/',
  docTitle: 'Điều lệ Đảng',
  label: 'Điều 32',
};

describe('whether the learner has data', () => {
  it('says no on a new browser, without creating the database', async () => {
    expect(await hasLearnerData()).toBe(false);
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).not.toContain(DATABASE_NAME);
  });

  it('says yes once anything is saved, and no again once it is all deleted', async () => {
    const notes = await openNotesStore();
    expect((await notes!.bookmark(place)).ok).toBe(true);
    expect(await hasLearnerData()).toBe(true);

    const db = await openLearnerDB();
    expect((await clearLearnerData(db!)).ok).toBe(true);
    db!.close();
    expect(await hasLearnerData()).toBe(false);
  });
});
