import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openCamnangDB } from '../../../src/lib/learner/db.ts';

describe('CamnangDB', () => {
  it('opens the "camnang" database at version 2, with notes, bookmarks, highlights and review cards', async () => {
    const db = await openCamnangDB();
    expect(db).not.toBeNull();
    if (!db) return;
    expect(db.name).toBe('camnang');
    expect(db.verno).toBe(2);
    expect(
      Object.fromEntries(db.tables.map((table) => [table.name, table.schema.primKey.keyPath])),
    ).toEqual({
      attempts: 'id',
      answers: ['attemptId', 'questionKey'],
      questionStats: 'questionKey',
      lessonProgress: 'lessonId',
      bookmarks: 'place',
      notes: 'place',
      highlights: 'id',
      reviewCards: 'id',
    });
    await db.lessonProgress.put({ lessonId: 'bai-1', done: true, doneAt: 1 });
    expect(await db.lessonProgress.get('bai-1')).toEqual({
      lessonId: 'bai-1',
      done: true,
      doneAt: 1,
    });
    db.close();
  });
});
