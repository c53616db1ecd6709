import { describe, expect, it } from 'vitest';
import {
  countWords,
  diacriticsTable,
  withDiacritics,
  withoutDiacritics,
  type WordCounts,
} from '../../../src/lib/search/suggest.ts';

describe('spelling suggestions', () => {
  const counts: WordCounts = new Map();
  countWords(
    'Kỷ luật Đảng. Đảng viên, đảng viên dự bị; đang xem xét. Thanh tra, tra cứu. 69-QĐ/TW',
    counts,
  );
  const table = diacriticsTable(counts);

  it('learns the spelling with marks most used on the site', () => {
    expect(table['dang']).toBe('đảng');
    expect(table['ky']).toBe('kỷ');
    expect(table['tra']).toBeUndefined();
    expect(table['69']).toBeUndefined();
  });

  it('suggests a query with marks for one typed without, and the reverse', () => {
    expect(withDiacritics('ky luat dang vien', table)).toBe('kỷ luật đảng viên');
    expect(withDiacritics('thanh tra', table)).toBeNull();
    expect(withoutDiacritics('  Kỷ luật   Đảng ')).toBe('ky luat dang');
  });

  it('suggests nothing for words every object knows, such as "constructor"', () => {
    // The table arrives as parsed JSON, a plain object.
    const fetched = JSON.parse(JSON.stringify(table)) as typeof table;
    expect(withDiacritics('constructor toString __proto__', fetched)).toBeNull();
    expect(withDiacritics('constructor dang', fetched)).toBe('constructor đảng');
  });
});
