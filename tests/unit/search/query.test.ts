import { describe, expect, it } from 'vitest';
import { abbreviationSpans, compileAbbreviations } from '../../../src/lib/search/abbreviations.ts';
import {
  cleanQuery,
  hasDiacritics,
  searchKey,
  tokenizeQuery,
} from '../../../src/lib/search/normalize.ts';
import { MAX_ALTERNATIVES, planQuery } from '../../../src/lib/search/plan.ts';
import { spellingVariants } from '../../../src/lib/search/spelling.ts';

const TABLE = compileAbbreviations([
  { short: 'UBKT', long: 'Ủy ban Kiểm tra' },
  { short: 'TW', long: 'Trung ương' },
  { short: 'QĐ', long: 'Quy định' },
  { short: 'QĐ', long: 'Quyết định' },
  { short: 'PCTN', long: 'phòng, chống tham nhũng' },
]);

describe('normalisation', () => {
  it('compares words folded and without punctuation, in NFC and NFD alike', () => {
    expect(searchKey('Phòng, chống')).toBe('phong chong');
    expect(searchKey('ĐẢNG'.normalize('NFD'))).toBe('dang');
    expect(searchKey('69-QĐ/TW')).toBe('69 qd tw');
  });

  it('tells a query with marks from one without', () => {
    expect(hasDiacritics('kỷ luật')).toBe(true);
    expect(hasDiacritics('đang')).toBe(true);
    expect(hasDiacritics('Ky Luat Dang')).toBe(false);
    expect(hasDiacritics('điều 5'.normalize('NFD'))).toBe(true);
  });

  it('splits a query into lower-case words, keeping inner punctuation and quoted phrases', () => {
    expect(tokenizeQuery('  Điều 5,  QĐ 69-QĐ/TW. ').map((token) => token.text)).toEqual([
      'điều',
      '5',
      'qđ',
      '69-qđ/tw',
    ]);
    expect(
      tokenizeQuery('“thanh tra” 2025 "kỷ luật đảng"').map(({ text, phrase }) => [text, phrase]),
    ).toEqual([
      ['thanh', 0],
      ['tra', 0],
      ['2025', null],
      ['kỷ', 1],
      ['luật', 1],
      ['đảng', 1],
    ]);
  });

  it('reads an unclosed quote as no quote', () => {
    expect(tokenizeQuery('"thanh tra').map((token) => token.phrase)).toEqual([null, null]);
  });

  it('cleans the query for the URL', () => {
    expect(cleanQuery('  kỷ   luật\n')).toBe('kỷ luật');
  });
});

describe('spelling variants', () => {
  it('offers đ for a word starting with d, which Pagefind does not fold', () => {
    expect(spellingVariants('dang')).toEqual(['đang']);
    expect(spellingVariants('dieu')).toEqual(['đieu']);
    expect(spellingVariants('đảng')).toEqual([]);
    expect(spellingVariants('dạng')).toEqual([]);
  });

  it('leaves numbers, codes and words with inner punctuation alone', () => {
    expect(spellingVariants('69-qd/tw')).toEqual([]);
    expect(spellingVariants('2025')).toEqual([]);
  });

  it('offers the y that documents write for a final i (school spelling), keeping the tone mark', () => {
    expect(spellingVariants('kỉ')).toEqual(['kỷ']);
    expect(spellingVariants('lí')).toEqual(['lý']);
    expect(spellingVariants('quí')).toEqual(['quý']);
    expect(spellingVariants('ki')).toEqual(['ky']);
    expect(spellingVariants('kỷ')).toEqual([]);
    expect(spellingVariants('khi')).toEqual([]);
  });
});

describe('abbreviations', () => {
  it('expands both ways', () => {
    expect(TABLE.get('ubkt')).toEqual([['ủy', 'ban', 'kiểm', 'tra']]);
    expect(TABLE.get('uy ban kiem tra')).toEqual([['ubkt']]);
    expect(TABLE.get('qd')).toEqual([
      ['quy', 'định'],
      ['quyết', 'định'],
    ]);
    expect(TABLE.get('phong chong tham nhung')).toEqual([['pctn']]);
  });

  it('finds the longest runs first, without overlaps, with or without marks', () => {
    expect(
      abbreviationSpans(['uy', 'ban', 'kiem', 'tra', 'tw'], TABLE).map(({ start, end }) => [
        start,
        end,
      ]),
    ).toEqual([
      [0, 4],
      [4, 5],
    ]);
    expect(abbreviationSpans(['kiem', 'tra'], TABLE)).toEqual([]);
  });
});

describe('query plan', () => {
  const words = (query: string) =>
    planQuery(query, TABLE).alternatives.map((alternative) => alternative.words);

  it('searches the query as typed first, then with đ for d', () => {
    const alternatives = words('ky luat dang');
    expect(alternatives[0]).toBe('ky luat dang');
    expect(alternatives).toContain('ky luat đang');
  });

  it('tries every đ/d choice of a few words', () => {
    expect(words('dang doan dieu')).toEqual(
      expect.arrayContaining(['đang đoan đieu', 'dang đoan dieu', 'đang doan đieu']),
    );
  });

  it('expands and contracts abbreviations, keeping the other words', () => {
    expect(words('ubkt tw')).toEqual(
      expect.arrayContaining([
        'ủy ban kiểm tra trung ương',
        'ủy ban kiểm tra tw',
        'ubkt trung ương',
      ]),
    );
    expect(words('Ủy ban Kiểm tra')).toContain('ubkt');
    expect(words('qđ 69')).toEqual(expect.arrayContaining(['quy định 69', 'quyết định 69']));
    expect(words('phòng, chống tham nhũng')).toContain('pctn');
  });

  it('searches several words as a phrase too, unless the reader quoted', () => {
    const [first] = planQuery('thanh tra', TABLE).alternatives;
    expect(first).toMatchObject({
      words: 'thanh tra',
      wholePhrase: '"thanh tra"',
      phrases: [],
      changes: 0,
    });
    const [quoted] = planQuery('"thanh tra" 2025', TABLE).alternatives;
    expect(quoted).toMatchObject({
      words: 'thanh tra 2025',
      wholePhrase: null,
      phrases: ['"thanh tra"'],
    });
    expect(planQuery('thanh', TABLE).alternatives[0]?.wholePhrase).toBeNull();
  });

  it('applies variants inside quoted phrases', () => {
    const phrases = planQuery('"ky luat dang"', TABLE).alternatives.flatMap(
      (alternative) => alternative.phrases,
    );
    expect(phrases).toContain('"ky luat đang"');
  });

  it('stays within its budget of searches however many d-words there are', () => {
    const plan = planQuery('dang doan dieu dong dung dinh du dan', TABLE);
    expect(plan.alternatives.length).toBe(MAX_ALTERNATIVES);
    expect(plan.alternatives[1]?.words).toBe('đang đoan đieu đong đung đinh đu đan');
    expect(planQuery('  ', TABLE).alternatives).toEqual([]);
  });
});
