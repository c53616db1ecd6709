import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegulations } from '../../../src/lib/content/regulations.ts';
import { buildRegistry, resolveAll } from '../../../src/lib/legal/resolve.ts';
import { readAbbreviations } from '../../../src/lib/search/abbreviations-file.ts';
import { compileAbbreviations } from '../../../src/lib/search/abbreviations.ts';
import { buildCitationIndex, type CitationIndex } from '../../../src/lib/search/citation-index.ts';
import { citationJumps, looksLikeCitation } from '../../../src/lib/search/citation-query.ts';

const INDEX: CitationIndex = {
  names: {
    'quy dinh 69': ['qd-69'],
    'qd 69': ['qd-69'],
    '69 qd tw': ['qd-69'],
    'dieu le dang': ['dieu-le'],
    'luat thanh tra 2010': ['tt-2010'],
    'luat thanh tra 2025': ['tt-2025'],
  },
  documents: {
    'qd-69': {
      name: 'Quy định 69-QĐ/TW',
      status: 'con-hieu-luc',
      anchors: ['chuong-1', 'dieu-4', 'dieu-5'],
    },
    'dieu-le': {
      name: 'Điều lệ Đảng',
      status: 'con-hieu-luc',
      anchors: ['dieu-35', 'dieu-32', 'dieu-32-khoan-2', 'dieu-32-khoan-2-diem-dd'],
    },
    'tt-2010': { name: 'Luật Thanh tra 2010', status: 'het-hieu-luc', anchors: ['dieu-4'] },
    'tt-2025': { name: 'Luật Thanh tra 2025', status: 'con-hieu-luc', anchors: ['dieu-4'] },
  },
};

describe('citations with words every object knows', () => {
  it('are not taken for units or documents, and do not stop the search', () => {
    const index = JSON.parse(JSON.stringify(INDEX)) as CitationIndex;
    expect(citationJumps('điều 5 constructor', index)).toEqual([]);
    expect(citationJumps('constructor 3 điều 4 qd 69', index)[0]?.url).toBe(
      '/van-ban/qd-69/dieu-4/#dieu-4',
    );
  });
});

describe('citation detection', () => {
  it('notices a unit word with its number, with or without marks', () => {
    expect(looksLikeCitation('điều 35 điều lệ')).toBe(true);
    expect(looksLikeCitation('dieu 4 qd 69')).toBe(true);
    expect(looksLikeCitation('Khoản 2, Điều 5')).toBe(true);
    expect(looksLikeCitation('Chương II')).toBe(true);
    expect(looksLikeCitation('điều lệ đảng')).toBe(false);
    expect(looksLikeCitation('điều kiện kết nạp')).toBe(false);
    expect(looksLikeCitation('mục tiêu')).toBe(false);
  });

  it('links a clause in any order of units and document, typed any way', () => {
    for (const query of [
      'khoản 2 điều 32 điều lệ đảng',
      'dieu 32 khoan 2 dieu le',
      'Điều lệ Đảng, Điều 32, khoản 2',
    ]) {
      expect(citationJumps(query, INDEX)).toEqual([
        {
          document: 'dieu-le',
          label: 'khoản 2 Điều 32 Điều lệ Đảng',
          url: '/van-ban/dieu-le/dieu-32/#dieu-32-khoan-2',
          exact: true,
          closest: 'khoản 2 Điều 32 Điều lệ Đảng',
        },
      ]);
    }
    expect(citationJumps('điểm đ khoản 2 điều 32 điều lệ', INDEX)[0]?.url).toBe(
      '/van-ban/dieu-le/dieu-32/#dieu-32-khoan-2-diem-dd',
    );
    expect(citationJumps('dieu 4 qd 69', INDEX)[0]?.url).toBe('/van-ban/qd-69/dieu-4/#dieu-4');
    expect(citationJumps('Chương I Quy định 69', INDEX)[0]?.url).toBe('/van-ban/qd-69/#chuong-1');
  });

  it('links the closest unit on the site when the cited one is not there', () => {
    expect(citationJumps('khoản 3 điều 5 qđ 69', INDEX)).toEqual([
      {
        document: 'qd-69',
        label: 'khoản 3 Điều 5 Quy định 69-QĐ/TW',
        url: '/van-ban/qd-69/dieu-5/#dieu-5',
        exact: false,
        closest: 'Điều 5 Quy định 69-QĐ/TW',
      },
    ]);
    expect(citationJumps('điều 99 qđ 69', INDEX)[0]).toMatchObject({
      url: '/van-ban/qd-69/',
      exact: false,
      closest: 'Quy định 69-QĐ/TW',
    });
  });

  it('takes the start of a name when it names one document, preferring those in force', () => {
    expect(citationJumps('điều 35 điều lệ', INDEX).map((jump) => jump.url)).toEqual([
      '/van-ban/dieu-le/dieu-35/#dieu-35',
    ]);
    expect(citationJumps('điều 4 luật thanh tra', INDEX).map((jump) => jump.document)).toEqual([
      'tt-2025',
    ]);
  });

  it('links nothing without a document, or for words that only look like one', () => {
    expect(citationJumps('điều 35', INDEX)).toEqual([]);
    expect(citationJumps('điều 35 của giáo trình', INDEX)).toEqual([]);
    expect(citationJumps('quy định 69', INDEX)).toEqual([]);
  });
});

describe('citation index of the real content', () => {
  const root = resolve('.');
  const { regulations, bodies } = loadRegulations(root);
  const registry = buildRegistry(regulations, bodies);
  const index = buildCitationIndex(
    regulations,
    registry,
    compileAbbreviations(readAbbreviations(root)),
  );

  it('knows documents by their names, numbers and abbreviated types', () => {
    expect(index.names['qd 69']).toEqual(['quy-dinh-69-qd-tw']);
    expect(index.names['quy dinh 69 qd tw']).toEqual(['quy-dinh-69-qd-tw']);
    expect(index.names['nd 73']).toEqual(['nghi-dinh-73-2023-nd-cp']);
    expect(index.names['dieu le dang']).toEqual(['dieu-le-dang']);
    expect(index.documents['dieu-le-dang']?.anchors).toContain('dieu-32-khoan-2');
  });

  it('leads where the citation resolver leads, for every citation it resolves', () => {
    const queries = [
      'Điều 35 Điều lệ Đảng',
      'khoản 2 Điều 32 Điều lệ Đảng',
      'khoản 1 Điều 30 Điều lệ Đảng',
      'Điều 4 Quy định 69-QĐ/TW',
      'Điều 7 QĐ 69',
      'Điều 8 Quy định 296-QĐ/TW',
      'Điều 2 Quy định 131-QĐ/TW',
      'Điều 5 Nghị định 73/2023/NĐ-CP',
    ];
    for (const query of queries) {
      const [expected] = resolveAll(query, registry).citations;
      expect(expected?.resolved, query).toBe(true);
      expect(
        citationJumps(query, index).map((jump) => jump.url),
        query,
      ).toEqual([expected?.url]);
    }
  });
});
