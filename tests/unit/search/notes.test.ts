import { describe, expect, it, vi } from 'vitest';
import { notesProvider } from '../../../src/lib/search/notes-source.ts';
import { buildNotesIndex, searchNotes, type Note } from '../../../src/lib/search/notes.ts';

const NOTES: Note[] = [
  {
    id: 'a',
    title: 'Kỷ luật Đảng',
    text: 'Ghi nhớ: thời hiệu khiển trách là 5 năm.',
    url: '/thuat-ngu/ky-luat-dang/',
  },
  {
    id: 'b',
    title: 'Điều 32',
    text: 'Ủy ban kiểm tra kiểm tra đảng viên khi có dấu hiệu vi phạm.',
    url: '/van-ban/dieu-le-dang/dieu-32/',
  },
  {
    id: 'c',
    title: 'Dạng văn bản',
    text: 'Số, ký hiệu có dạng số-loại/cơ quan.',
    url: '/thuat-ngu/so-ky-hieu-van-ban/',
  },
];
const index = buildNotesIndex(NOTES);
const ids = (query: string) => searchNotes(index, query).map((hit) => hit.id);

describe('notes search (lunr with Vietnamese folding)', () => {
  it('finds the same notes with or without marks', () => {
    expect(ids('kỷ luật')).toEqual(['a']);
    expect(ids('ky luat')).toEqual(['a']);
    expect(ids('THỜI HIỆU')).toEqual(['a']);
  });

  it('reads d for đ, both ways', () => {
    expect(ids('dang vien')).toEqual(['b']);
    expect(ids('đảng')).toEqual(expect.arrayContaining(['a', 'b']));
    expect(ids('dạng')).toEqual(expect.arrayContaining(['c']));
  });

  it('keeps precomposed letters whole (lunr’s trimmer alone cuts "kỷ" to "k")', () => {
    expect(ids('k lu')).toEqual([]);
    expect(ids('ký hiệu').sort()).toEqual(['a', 'c']);
  });

  it('needs every word, matches the last one as a prefix, and ignores query syntax', () => {
    expect(ids('kiem tra vi pham')).toEqual(['b']);
    expect(ids('uy ban kie')).toEqual(['b']);
    expect(ids('điều: +32^ ~')).toEqual(['b']);
    expect(ids('  ')).toEqual([]);
  });
});

describe('notes provider', () => {
  it('reads the notes once and lists what matches', async () => {
    const load = vi.fn(async () => NOTES);
    const search = notesProvider(load);
    expect(await search('ky luat')).toEqual([
      {
        id: 'a',
        title: 'Kỷ luật Đảng',
        url: '/thuat-ngu/ky-luat-dang/',
        excerpt: 'Ghi nhớ: thời hiệu khiển trách là 5 năm.',
      },
    ]);
    expect(await search('xyz')).toEqual([]);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('finds nothing, without building an index, when there are no notes', async () => {
    expect(await notesProvider(async () => [])('ky luat')).toEqual([]);
  });
});
