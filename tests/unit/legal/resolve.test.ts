import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegulations } from '../../../src/lib/content/regulations.ts';
import { findCitations } from '../../../src/lib/legal/citation.ts';
import type { RegulationEntry } from '../../../src/lib/legal/document.ts';
import {
  buildRegistry,
  citationLabel,
  resolveAll,
  resolveCitation,
  type CitableBody,
  type CitationRegistry,
} from '../../../src/lib/legal/resolve.ts';
import { outlineToTree } from '../../../src/lib/legal/tree.ts';
import type { OutlineNode, StructureKind } from '../../../src/schemas/outline.ts';
import { regulationSchema } from '../../../src/schemas/regulation.ts';

const unit = (kind: StructureKind, number: string, children: OutlineNode[] = []): OutlineNode => ({
  kind,
  number,
  children,
});

function entry(id: string, fields: Record<string, unknown>): RegulationEntry {
  return {
    id,
    data: regulationSchema.parse({
      title: 'Văn bản mẫu',
      issuer: 'Cơ quan mẫu',
      status: 'con-hieu-luc',
      sources: [{ title: 'Nguồn mẫu', url: 'https://example.org/' }],
      verifiedAt: '2031-01-01',
      ...fields,
    }),
  };
}

// Invented documents: one with official text in chapters and sections, one with a partial
// outline, one with no body, one given as a bare node list.
const text = outlineToTree([
  unit('chuong', 'I', [
    unit('muc', '1', [unit('dieu', '1'), unit('dieu', '2')]),
    unit('muc', '2', [unit('dieu', '3')]),
  ]),
  unit('chuong', 'II', [
    unit('muc', '1', [unit('dieu', '4')]),
    unit('muc', '2', [
      unit('dieu', '5', [
        unit('khoan', '1', [unit('khoan', '1.1'), unit('khoan', '1.2')]),
        unit('khoan', '2', [unit('diem', 'a'), unit('diem', 'b'), unit('diem', 'đ')]),
        unit('khoan', '3'),
        unit('khoan', '4'),
      ]),
    ]),
  ]),
]);
const outline = outlineToTree([unit('dieu', '1'), unit('dieu', '2')]);
const charter = outlineToTree([
  unit('chuong', 'I', [unit('dieu', '1', [unit('khoan', '1'), unit('khoan', '2')])]),
]);

const registry: CitationRegistry = buildRegistry(
  [
    entry('quy-dinh-mau', {
      type: 'Quy định',
      number: '1-QĐ/MAU',
      issuedAt: '2031-01-01',
      aliases: ['QĐ mẫu'],
    }),
    entry('huong-dan-mau', { type: 'Hướng dẫn', number: '2-HD/MAU', aliases: ['HD mẫu'] }),
    entry('luat-mau-2031', { type: 'Luật', number: '99/2031/QH99', citeAs: 'Luật Mẫu 2031' }),
    entry('dieu-le-mau', { type: 'Điều lệ', citeAs: 'Điều lệ Mẫu' }),
  ],
  new Map<string, CitableBody>([
    ['quy-dinh-mau', { kind: 'text', nodes: text }],
    ['huong-dan-mau', { kind: 'outline', nodes: outline }],
    ['dieu-le-mau', charter],
  ]),
);

const one = (citation: string, context = {}) => {
  const [found] = findCitations(citation, context, registry.grammar);
  if (!found) throw new Error(`no citation in "${citation}"`);
  return resolveCitation(found, registry);
};

describe('resolveCitation', () => {
  it('links an article, its units, and units above it', () => {
    expect(one('Điều 5 QĐ mẫu')).toEqual({
      resolved: true,
      anchor: 'dieu-5',
      url: '/van-ban/quy-dinh-mau/dieu-5/#dieu-5',
    });
    expect(one('điểm đ khoản 2 Điều 5 QĐ mẫu').url).toBe(
      '/van-ban/quy-dinh-mau/dieu-5/#dieu-5-khoan-2-diem-dd',
    );
    expect(one('tiết 1.2 Điều 5 QĐ mẫu').url).toBe(
      '/van-ban/quy-dinh-mau/dieu-5/#dieu-5-khoan-1-2',
    );
    expect(one('tiết 1.2 khoản 1 Điều 5 QĐ mẫu').anchor).toBe('dieu-5-khoan-1-2');
    expect(one('Chương II QĐ mẫu').url).toBe('/van-ban/quy-dinh-mau/#chuong-2');
    expect(one('Mục 2 Chương II QĐ mẫu').url).toBe('/van-ban/quy-dinh-mau/#chuong-2-muc-2');
    expect(one('khoản 2 Điều 1 Điều lệ Mẫu').url).toBe(
      '/van-ban/dieu-le-mau/dieu-1/#dieu-1-khoan-2',
    );
  });

  it('links the whole document, with or without a body', () => {
    expect(one('QĐ mẫu')).toEqual({ resolved: true, anchor: null, url: '/van-ban/quy-dinh-mau/' });
    expect(one('Luật số 99/2031/QH99')).toEqual({
      resolved: true,
      anchor: null,
      url: '/van-ban/luat-mau-2031/',
    });
  });

  it('resolves relative citations against the context', () => {
    const context = { document: 'quy-dinh-mau', article: '5' };
    expect(one('khoản 3 Điều này', context).url).toBe(
      '/van-ban/quy-dinh-mau/dieu-5/#dieu-5-khoan-3',
    );
    expect(one('Điều 2 của Quy định này', context).url).toBe(
      '/van-ban/quy-dinh-mau/dieu-2/#dieu-2',
    );
  });

  it('counts what the document has when a unit is missing', () => {
    expect(one('Điều 99 QĐ mẫu').error).toBe('Quy định 1-QĐ/MAU có 5 điều, không có Điều 99');
    expect(one('khoản 7 Điều 5 QĐ mẫu').error).toBe(
      'Điều 5 Quy định 1-QĐ/MAU có 4 khoản, không có khoản 7',
    );
    expect(one('điểm e khoản 2 Điều 5 QĐ mẫu').error).toBe(
      'khoản 2 Điều 5 Quy định 1-QĐ/MAU có 3 điểm, không có điểm e',
    );
    expect(one('tiết 1.3 Điều 5 QĐ mẫu').error).toBe(
      'Điều 5 Quy định 1-QĐ/MAU có 2 tiết, không có tiết 1.3',
    );
    expect(one('khoản 1 Điều 3 QĐ mẫu').error).toBe('Điều 3 Quy định 1-QĐ/MAU không có khoản 1');
    expect(one('Chương IX QĐ mẫu').error).toBe('Quy định 1-QĐ/MAU có 2 chương, không có Chương IX');
    expect(one('Điều 5 Chương I QĐ mẫu').error).toBe(
      'Chương I Quy định 1-QĐ/MAU có 3 điều, không có Điều 5',
    );
    expect(one('Điều 99 QĐ mẫu')).toMatchObject({ resolved: false, anchor: null, url: null });
  });

  it('asks for the containing unit when a number occurs more than once', () => {
    expect(one('Mục 2', { document: 'quy-dinh-mau' }).error).toBe(
      'Quy định 1-QĐ/MAU có nhiều Mục 2: ghi kèm đơn vị chứa nó (Chương, Điều, khoản)',
    );
  });

  it('says a unit is not in the outline yet, and points to the closest page', () => {
    expect(one('Điều 9 HD mẫu')).toEqual({
      resolved: false,
      anchor: null,
      url: null,
      error: 'chưa có Điều 9 trong phần tóm lược của Hướng dẫn 2-HD/MAU (phần tóm lược có 2 điều)',
      fallbackUrl: '/van-ban/huong-dan-mau/',
    });
    expect(one('khoản 3 Điều 2 HD mẫu')).toMatchObject({
      error: 'chưa có khoản 3 Điều 2 trong phần tóm lược của Hướng dẫn 2-HD/MAU',
      fallbackUrl: '/van-ban/huong-dan-mau/dieu-2/#dieu-2',
    });
  });

  it('says a document has no detailed content on the site', () => {
    expect(one('Điều 1 Luật Mẫu 2031')).toEqual({
      resolved: false,
      anchor: null,
      url: null,
      error: 'chưa có nội dung chi tiết của Luật Mẫu 2031 trên trang',
      fallbackUrl: '/van-ban/luat-mau-2031/',
    });
  });

  it('names an unknown document as written, and passes on parse errors', () => {
    expect(one('Điều 5 QĐ 999').error).toBe('không tìm thấy văn bản "QĐ 999"');
    expect(one('Quy định số 1-QĐ/MAU, ngày 2/2/2030').error).toBe(
      'không tìm thấy văn bản "Quy định số 1-QĐ/MAU, ngày 2/2/2030"; trên trang chỉ có Quy định 1-QĐ/MAU ngày 1/1/2031',
    );
    expect(one('Điều 5').error).toBe(
      'chưa rõ "Điều 5" thuộc văn bản nào: ghi kèm tên hoặc số hiệu văn bản',
    );
  });
});

describe('resolveAll', () => {
  it('returns the JSON shape of `camnang cite --json`', () => {
    const { citations } = resolveAll('khoản 1, 3 Điều 5 QĐ mẫu và Điều 99 QĐ mẫu', registry);
    expect(citations).toEqual([
      {
        text: 'khoản 1, 3 Điều 5 QĐ mẫu',
        document: { raw: 'QĐ mẫu', slug: 'quy-dinh-mau' },
        path: [
          { kind: 'dieu', number: '5' },
          { kind: 'khoan', number: '1' },
        ],
        anchor: 'dieu-5-khoan-1',
        url: '/van-ban/quy-dinh-mau/dieu-5/#dieu-5-khoan-1',
        resolved: true,
      },
      {
        text: 'khoản 1, 3 Điều 5 QĐ mẫu',
        document: { raw: 'QĐ mẫu', slug: 'quy-dinh-mau' },
        path: [
          { kind: 'dieu', number: '5' },
          { kind: 'khoan', number: '3' },
        ],
        anchor: 'dieu-5-khoan-3',
        url: '/van-ban/quy-dinh-mau/dieu-5/#dieu-5-khoan-3',
        resolved: true,
      },
      {
        text: 'Điều 99 QĐ mẫu',
        document: { raw: 'QĐ mẫu', slug: 'quy-dinh-mau' },
        path: [{ kind: 'dieu', number: '99' }],
        anchor: null,
        url: null,
        resolved: false,
        error: 'Quy định 1-QĐ/MAU có 5 điều, không có Điều 99',
      },
    ]);
  });

  it('labels each citation in full', () => {
    const label = (citation: string) =>
      resolveAll(citation, registry).citations.map((c) => citationLabel(c, registry));
    expect(label('khoản 1, 3 Điều 5 QĐ mẫu')).toEqual([
      'khoản 1 Điều 5 Quy định 1-QĐ/MAU',
      'khoản 3 Điều 5 Quy định 1-QĐ/MAU',
    ]);
    expect(label('Luật số 99/2031/QH99')).toEqual(['Luật Mẫu 2031']);
    expect(label('Điều 5 QĐ 999')).toEqual(['Điều 5 QĐ 999']);
  });
});

describe('against the real content', () => {
  const { regulations, bodies } = loadRegulations(resolve(import.meta.dirname, '../../..'));
  const real = buildRegistry(regulations, bodies);
  const cite = (citation: string) => resolveAll(citation, real).citations;

  it('links citations used in lessons', () => {
    expect(cite('Điều 35 Điều lệ Đảng')).toEqual([
      {
        text: 'Điều 35 Điều lệ Đảng',
        document: { raw: 'Điều lệ Đảng', slug: 'dieu-le-dang' },
        path: [{ kind: 'dieu', number: '35' }],
        anchor: 'dieu-35',
        url: '/van-ban/dieu-le-dang/dieu-35/#dieu-35',
        resolved: true,
      },
    ]);
    expect(cite('khoản 7 Điều 39 Điều lệ Đảng')[0]?.url).toBe(
      '/van-ban/dieu-le-dang/dieu-39/#dieu-39-khoan-7',
    );
    expect(cite('Chương VII Điều lệ Đảng')[0]?.url).toBe('/van-ban/dieu-le-dang/#chuong-7');
    expect(cite('dieu 4 qd 69')[0]?.url).toBe('/van-ban/quy-dinh-69-qd-tw/dieu-4/#dieu-4');
    expect(cite('Luật số 25/2018/QH14')[0]?.url).toBe('/van-ban/luat-to-cao-2018/');
  });

  it('tells a unit missing from our outline from one missing in the document', () => {
    expect(cite('Điều 99 Quy định 69-QĐ/TW')[0]?.error).toMatch(
      /^chưa có Điều 99 trong phần tóm lược của Quy định 69-QĐ\/TW \(phần tóm lược có \d+ điều\)$/,
    );
    expect(cite('Khoản 1, Điều 19, Quy định số 22-QĐ/TW, ngày 28/7/2021')[0]).toMatchObject({
      document: { slug: 'quy-dinh-22-qd-tw' },
      resolved: false,
      error: 'chưa có nội dung chi tiết của Quy định 22-QĐ/TW trên trang',
    });
  });
});
