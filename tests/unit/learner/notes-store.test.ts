import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { NotesStore, openNotesStore } from '../../../src/lib/learner/notes-store.ts';
import { clause, lesson, t0 } from './fixtures.ts';
import { fillableDB } from './quota.ts';

describe('notes, bookmarks and highlights', () => {
  it('keeps a bookmark, a note and highlights per place, and reads back what a page shows', async () => {
    const store = (await openNotesStore('camnang-ghi-chu-1'))!;
    expect(await store.bookmark(clause, t0)).toMatchObject({ ok: true });
    expect(
      await store.saveNote(clause, '  Dòng một\r\nDòng hai <script>alert(1)</script>  ', t0),
    ).toMatchObject({ ok: true });
    const marked = await store.highlight(clause, { quote: 'đảng viên', start: 3, end: 12 }, t0);
    expect(marked.ok && marked.value).toMatchObject({
      place: clause.place,
      quote: 'đảng viên',
      start: 3,
      end: 12,
    });
    await store.saveNote(lesson, 'Bài hay', t0);

    const page = await store.onPage([clause.place, '/van-ban/khac/']);
    expect([...page.bookmarks]).toEqual([clause.place]);
    expect(page.notes.get(clause.place)?.text).toBe('Dòng một\nDòng hai <script>alert(1)</script>');
    expect(page.highlights).toHaveLength(1);
    const all = await store.all();
    expect(all.notes.map((note) => note.place).sort()).toEqual([lesson.place, clause.place].sort());
  });

  it('keeps when a note was first written, deletes an emptied note, and removes bookmarks and highlights', async () => {
    const store = (await openNotesStore('camnang-ghi-chu-2'))!;
    await store.saveNote(clause, 'Một', t0);
    await store.saveNote(clause, 'Hai', t0 + 5);
    expect((await store.onPage([clause.place])).notes.get(clause.place)).toMatchObject({
      text: 'Hai',
      createdAt: t0,
      updatedAt: t0 + 5,
    });
    await store.saveNote(clause, '   \n ', t0 + 9);
    await store.bookmark(clause, t0);
    await store.unbookmark(clause.place);
    const marked = await store.highlight(clause, { quote: 'x', start: 0, end: 1 }, t0);
    if (marked.ok) await store.deleteHighlight(marked.value.id);
    expect(await store.all()).toEqual({ bookmarks: [], notes: [], highlights: [] });
  });

  it('says so when storage is full, and leaves what was saved untouched', async () => {
    const { db, disk } = await fillableDB();
    const store = new NotesStore(db);
    await store.saveNote(clause, 'Bản đã lưu', t0);
    await store.bookmark(lesson, t0);
    disk.full = true;
    expect(await store.saveNote(clause, 'Bản mới', t0 + 1)).toEqual({
      ok: false,
      failure: 'quota',
    });
    expect(await store.bookmark(clause, t0 + 1)).toEqual({ ok: false, failure: 'quota' });
    expect(await store.highlight(clause, { quote: 'x', start: 0, end: 1 })).toEqual({
      ok: false,
      failure: 'quota',
    });
    disk.full = false;
    const all = await store.all();
    expect(all.notes.map((note) => note.text)).toEqual(['Bản đã lưu']);
    expect(all.bookmarks.map((row) => row.place)).toEqual([lesson.place]);
    expect(all.highlights).toEqual([]);
    db.close();
  });
});
