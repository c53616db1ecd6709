import { describe, expect, it } from 'vitest';
import {
  allAnchors,
  articlesOf,
  clauseCitation,
  outlineToTree,
} from '../../../src/lib/legal/tree.ts';
import type { OutlineNode } from '../../../src/schemas/outline.ts';

const outline: OutlineNode[] = [
  {
    kind: 'chuong',
    number: 'II',
    title: 'Chương giả định',
    children: [
      {
        kind: 'dieu',
        number: '5',
        summary: 'Tóm lược.',
        children: [
          {
            kind: 'khoan',
            number: '1',
            children: [{ kind: 'diem', number: 'đ', children: [] }],
          },
        ],
      },
      { kind: 'dieu', number: '5a', children: [] },
    ],
  },
];

describe('outlineToTree', () => {
  it('gives outline units the same anchors as parsed text', () => {
    expect([...allAnchors(outlineToTree(outline))]).toEqual([
      'chuong-2',
      'dieu-5',
      'dieu-5-khoan-1',
      'dieu-5-khoan-1-diem-dd',
      'dieu-5a',
    ]);
  });

  it('lists articles with the chapter they sit in', () => {
    const articles = articlesOf(outlineToTree(outline));
    expect(articles.map(({ article }) => article.number)).toEqual(['5', '5a']);
    expect(articles[0]?.ancestors.map((node) => node.anchor)).toEqual(['chuong-2']);
  });
});

describe('clauseCitation', () => {
  it('cites the smallest unit first, without the chapter', () => {
    expect(
      clauseCitation(
        [
          { kind: 'chuong', number: 'II' },
          { kind: 'dieu', number: '5' },
          { kind: 'khoan', number: '1' },
          { kind: 'diem', number: 'a' },
        ],
        'Luật Tố cáo 2018 (25/2018/QH14)',
      ),
    ).toBe('điểm a khoản 1 Điều 5 Luật Tố cáo 2018 (25/2018/QH14)');
    expect(clauseCitation([{ kind: 'chuong', number: 'VIII' }], 'Điều lệ Đảng')).toBe(
      'Chương VIII Điều lệ Đảng',
    );
    expect(
      clauseCitation([{ kind: 'dieu', number: '3' }, { kind: 'khoan', number: '1.2' }], 'Quy định 1-QĐ/TW'),
    ).toBe('tiết 1.2 Điều 3 Quy định 1-QĐ/TW');
  });
});
