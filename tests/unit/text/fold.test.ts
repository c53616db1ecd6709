import { describe, expect, it } from 'vitest';
import { compareVietnamese, sortByVietnamese } from '../../../src/lib/text/collate.ts';
import { foldVietnamese } from '../../../src/lib/text/fold.ts';
import { nearest } from '../../../src/lib/text/nearest.ts';
import { slugify } from '../../../src/lib/text/slug.ts';

describe('foldVietnamese', () => {
  it('drops tone and vowel marks and maps đ to d, in NFC and NFD alike', () => {
    expect(foldVietnamese('Kỷ luật Đảng')).toBe('ky luat dang');
    expect(foldVietnamese('Kỷ luật Đảng'.normalize('NFD'))).toBe('ky luat dang');
    expect(foldVietnamese('ĐIỀU LỆ')).toBe('dieu le');
  });
});

describe('slugify', () => {
  it('makes stable ASCII slugs from document names', () => {
    expect(slugify('Quy định 296-QĐ/TW')).toBe('quy-dinh-296-qd-tw');
    expect(slugify('  Luật Tố cáo 2018 ')).toBe('luat-to-cao-2018');
  });
});

describe('Vietnamese collation', () => {
  it('puts Ă and Â after A, Đ after D', () => {
    expect(sortByVietnamese(['Đảng', 'Dân', 'Ăn', 'An', 'Ân', 'Bình'], (x) => x)).toEqual([
      'An',
      'Ăn',
      'Ân',
      'Bình',
      'Dân',
      'Đảng',
    ]);
    expect(compareVietnamese('điều', 'dưới')).toBeGreaterThan(0);
  });
});

describe('nearest', () => {
  it('suggests the closest names first', () => {
    expect(
      nearest('quy-dinh-69', ['quy-dinh-69-qd-tw', 'luat-to-cao-2018', 'dieu-le-dang'], 1),
    ).toEqual(['quy-dinh-69-qd-tw']);
  });
});
