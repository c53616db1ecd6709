import { describe, expect, it } from 'vitest';
import { excerptParts, excerptText } from '../../../src/lib/search/excerpt.ts';
import { rankPages, type AlternativeFound } from '../../../src/lib/search/rank.ts';
import { resultView } from '../../../src/lib/search/results.ts';

describe('excerpts', () => {
  it('turns Pagefind marks into parts, joining marked words that stand together', () => {
    expect(
      excerptParts(
        'thi hành <mark>kỷ</mark> <mark>luật</mark> <mark>đảng,</mark> và <mark>thanh</mark>',
      ),
    ).toEqual([
      { text: 'thi hành ', mark: false },
      { text: 'kỷ luật đảng,', mark: true },
      { text: ' và ', mark: false },
      { text: 'thanh', mark: true },
    ]);
  });

  it('gives escaped markup back as text, never as an element', () => {
    const parts = excerptParts('a &lt;script&gt;alert(1)&lt;/script&gt; <mark>b</mark>');
    expect(parts[0]).toEqual({ text: 'a <script>alert(1)</script> ', mark: false });
    expect(excerptText(parts)).toBe('a <script>alert(1)</script> b');
  });
});

describe('result views', () => {
  it('shows the title, kind, document and status, and the clauses where most of the words are', () => {
    const view = resultView({
      url: '/van-ban/dieu-le-dang/dieu-32/',
      content: 'kiểm tra',
      excerpt: '<mark>kiểm</mark> tra',
      meta: {
        title: 'Điều 32 Điều lệ Đảng',
        type: 'Văn bản',
        document: 'Điều lệ Đảng',
        status: 'Còn hiệu lực',
      },
      filters: {},
      sub_results: [
        {
          title: 'Điều 32 Điều lệ Đảng',
          url: '/van-ban/dieu-le-dang/dieu-32/',
          excerpt: 'x',
          weighted_locations: [{ balanced_score: 9 }],
        },
        {
          title: 'khoản 1 Điều 32 Điều lệ Đảng',
          url: '/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1',
          excerpt: 'tra',
          anchor: { id: 'dieu-32-khoan-1' },
          weighted_locations: [{ balanced_score: 1 }],
        },
        {
          title: 'khoản 2 Điều 32 Điều lệ Đảng',
          url: '/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-2',
          excerpt: '<mark>kiểm</mark> tra',
          anchor: { id: 'dieu-32-khoan-2' },
          weighted_locations: [{ balanced_score: 2 }, { balanced_score: 1 }],
        },
      ],
    });
    expect(view).toMatchObject({
      title: 'Điều 32 Điều lệ Đảng',
      type: 'Văn bản',
      document: 'Điều lệ Đảng',
      status: 'Còn hiệu lực',
    });
    expect(view.clauses.map((clause) => clause.title)).toEqual([
      'khoản 2 Điều 32 Điều lệ Đảng',
      'khoản 1 Điều 32 Điều lệ Đảng',
    ]);
    expect(view.clauses[0]).toEqual({
      title: 'khoản 2 Điều 32 Điều lệ Đảng',
      url: '/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-2',
      excerpt: [
        { text: 'kiểm', mark: true },
        { text: ' tra', mark: false },
      ],
    });
  });

  it('leaves out what a page does not have', () => {
    const view = resultView({
      url: '/bai-hoc/x/',
      content: '',
      excerpt: '',
      meta: { title: 'X', type: 'Bài học' },
      filters: {},
      sub_results: [],
    });
    expect(view).toMatchObject({ document: null, status: null, clauses: [] });
  });
});

describe('ranking', () => {
  const found = (pairs: [string, number][]) => pairs.map(([id, score]) => ({ id, score, hit: id }));

  it('puts pages where the words stand together first, then by score', () => {
    const alternatives: AlternativeFound<string>[] = [
      {
        words: found([
          ['apart', 9],
          ['together', 2],
          ['also', 5],
        ]),
        phrases: [],
        wholePhrase: found([
          ['together', 1],
          ['also', 1],
        ]),
      },
    ];
    expect(rankPages(alternatives).map((page) => [page.id, page.phrase])).toEqual([
      ['also', true],
      ['together', true],
      ['apart', false],
    ]);
  });

  it('keeps the best of every alternative for a page found several ways', () => {
    const ranked = rankPages<string>([
      {
        words: found([
          ['a', 1],
          ['b', 3],
        ]),
        phrases: [],
        wholePhrase: null,
      },
      { words: found([['a', 4]]), phrases: [], wholePhrase: null },
    ]);
    expect(ranked.map((page) => [page.id, page.score])).toEqual([
      ['a', 4],
      ['b', 3],
    ]);
  });

  it('keeps only pages holding every quoted phrase, showing the phrase search excerpt', () => {
    const ranked = rankPages([
      {
        words: [
          { id: 'a', score: 2, hit: 'words a' },
          { id: 'b', score: 5, hit: 'words b' },
        ],
        phrases: [[{ id: 'a', score: 1, hit: 'phrase a' }]],
        wholePhrase: null,
      },
    ]);
    expect(ranked).toEqual([{ id: 'a', score: 2, phrase: true, hit: 'phrase a' }]);
  });
});
