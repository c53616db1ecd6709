import { describe, expect, it } from 'vitest';
import {
  entriesOf,
  groupByDocument,
  searchableNotes,
  siteHref,
} from '../../../src/lib/learner/notes-list.ts';
import type { Place } from '../../../src/lib/learner/records.ts';
import { buildNotesIndex, searchNotes } from '../../../src/lib/search/notes.ts';
import { clause, lesson, t0 } from './fixtures.ts';

const article = (n: number, doc = clause): Place => ({
  ...doc,
  type: 'article',
  place: `${doc.docId}dieu-${n}/#dieu-${n}`,
  label: `Điều ${n} ${doc.docTitle}`,
});
const other: Place = {
  ...clause,
  docId: '/van-ban/dao-luat/',
  docTitle: 'Đạo luật',
  place: '/van-ban/dao-luat/dieu-1/#dieu-1',
  label: 'Điều 1 Đạo luật',
};
const stamps = { createdAt: t0, updatedAt: t0 };

const all = {
  bookmarks: [
    { ...article(10), ...stamps },
    { ...lesson, ...stamps },
    { ...other, ...stamps },
  ],
  notes: [
    { ...article(10), text: 'Thời hạn xử lý kỷ luật', ...stamps },
    { ...article(5), text: 'Ghi chú\nhai dòng', ...stamps },
  ],
  highlights: [
    { ...article(5), id: 'b', quote: 'sau', start: 20, end: 23, ...stamps },
    { ...article(5), id: 'a', quote: 'trước', start: 2, end: 7, ...stamps },
  ],
};

describe('the notes page', () => {
  it('groups by document in Vietnamese order, and lists places in reading order', () => {
    const groups = groupByDocument(entriesOf(all));
    // Đ sorts before H, and "Đạo" before "Điều", as in a Vietnamese dictionary.
    expect(groups.map((group) => [group.docTitle, group.docType])).toEqual([
      ['Đạo luật', 'regulation'],
      ['Điều lệ Đảng', 'regulation'],
      ['Hình thức kỷ luật', 'lesson'],
    ]);
    expect(
      groups[1]?.entries.map((entry) => `${entry.place.label}/${entry.kind}/${entry.key}`),
    ).toEqual([
      'Điều 5 Điều lệ Đảng/note/' + article(5).place,
      'Điều 5 Điều lệ Đảng/highlight/a',
      'Điều 5 Điều lệ Đảng/highlight/b',
      'Điều 10 Điều lệ Đảng/bookmark/' + article(10).place,
      'Điều 10 Điều lệ Đảng/note/' + article(10).place,
    ]);
  });

  it('finds notes with or without diacritics, through the site search’s Vietnamese folding', () => {
    const entries = entriesOf(all);
    const index = buildNotesIndex(searchableNotes(entries));
    const found = (query: string) =>
      searchNotes(index, query)
        .map((hit) => hit.id)
        .sort();
    expect(found('thoi han')).toEqual([`note:${article(10).place}`]);
    expect(found('hình thức')).toEqual([`bookmark:${lesson.place}`]);
    expect(found('dao luat')).toEqual([`bookmark:${other.place}`]);
  });

  it('links only to pages of this site', () => {
    expect(siteHref('/van-ban/x/dieu-1/#dieu-1')).toBe('/van-ban/x/dieu-1/#dieu-1');
    for (const bad of [
      'javascript:alert(1)',
      '//evil.example/',
      'https://evil.example/',
      '/\\evil',
    ]) {
      expect(siteHref(bad)).toBe('#');
    }
  });
});
