import { describe, expect, it } from 'vitest';
import {
  compileCitationGrammar,
  findCitations,
  GENERIC_GRAMMAR,
  MAX_EXPANSION,
  type CitableDocument,
  type Citation,
  type CitationContext,
} from '../../../src/lib/legal/citation.ts';

// Entries in the shape of content/regulations, plus an invented Kết luận that reuses the number
// 14-KL/TW in a later term, as Party numbering does.
const DOCUMENTS: CitableDocument[] = [
  {
    id: 'qd69',
    data: {
      type: 'Quy định',
      number: '69-QĐ/TW',
      issuedAt: '2022-07-06',
      aliases: ['QĐ 69', 'Quy định 69', 'QĐ 69-QĐ/TW'],
    },
  },
  {
    id: 'qd22',
    data: { type: 'Quy định', number: '22-QĐ/TW', issuedAt: '2021-07-28', aliases: ['QĐ 22'] },
  },
  {
    id: 'qd117',
    data: { type: 'Quy định', number: '117-QĐ/TW', issuedAt: '2023-08-18', aliases: [] },
  },
  {
    id: 'dld',
    data: {
      type: 'Điều lệ',
      citeAs: 'Điều lệ Đảng',
      issuedAt: '2011-01-19',
      aliases: ['Điều lệ Đảng', 'Điều lệ Đảng Cộng sản Việt Nam'],
    },
  },
  {
    id: 'nd73',
    data: {
      type: 'Nghị định',
      number: '73/2023/NĐ-CP',
      issuedAt: '2023-09-29',
      aliases: ['NĐ 73', 'Nghị định 73'],
    },
  },
  {
    id: 'ltc',
    data: {
      type: 'Luật',
      number: '25/2018/QH14',
      citeAs: 'Luật Tố cáo 2018',
      aliases: ['Luật Tố cáo', 'Luật 25/2018/QH14'],
    },
  },
  {
    id: 'pctn',
    data: {
      type: 'Luật',
      number: '36/2018/QH14',
      citeAs: 'Luật Phòng, chống tham nhũng 2018',
      issuedAt: '2018-11-20',
      aliases: ['Luật PCTN 2018', 'Luật PCTN'],
    },
  },
  {
    id: 'lkn',
    data: {
      type: 'Luật',
      number: '02/2011/QH13',
      citeAs: 'Luật Khiếu nại 2011',
      issuedAt: '2011-11-11',
      aliases: ['Luật Khiếu nại'],
    },
  },
  {
    id: 'lcbcc',
    data: {
      type: 'Luật',
      number: '22/2008/QH12',
      citeAs: 'Luật Cán bộ, công chức 2008',
      aliases: ['Luật CB,CC 2008'],
    },
  },
  {
    id: 'kl14',
    data: { type: 'Kết luận', number: '14-KL/TW', issuedAt: '2021-09-22', aliases: [] },
  },
  {
    id: 'kl14-khoa-xiv',
    data: { type: 'Kết luận', number: '14-KL/TW', issuedAt: '2026-03-02', aliases: [] },
  },
  {
    id: 'hd05',
    data: { type: 'Hướng dẫn', number: '05-HD/UBKTTW', issuedAt: '2022-11-22', aliases: [] },
  },
];
const grammar = compileCitationGrammar(DOCUMENTS);
const IN_QD69: CitationContext = { document: 'qd69', article: '5' };

/** One line per citation: "text | slug | path", with "| !" when it carries an error. */
function show(citation: Citation): string {
  const path =
    citation.path.map(({ kind, number }) => `${kind} ${number}`).join(' > ') || '(văn bản)';
  return (
    [citation.text, citation.document.slug ?? '∅', path].join(' | ') +
    (citation.error ? ' | !' : '')
  );
}
const find = (text: string, context?: CitationContext) =>
  findCitations(text, context, grammar).map(show);
const articles = (text: string, slug: string, numbers: (string | number)[], prefix = '') =>
  numbers.map((n) => `${text} | ${slug} | ${prefix}dieu ${n}`);

// [input, expected citations, context]
const TABLE: [string, string[], CitationContext?][] = [
  // Smallest unit first, every level (BRIEF §1 "Citation").
  [
    'điểm a khoản 2 Điều 5 Quy định 69-QĐ/TW',
    ['điểm a khoản 2 Điều 5 Quy định 69-QĐ/TW | qd69 | dieu 5 > khoan 2 > diem a'],
  ],
  ['Điều 5 Quy định 69-QĐ/TW', ['Điều 5 Quy định 69-QĐ/TW | qd69 | dieu 5']],
  [
    'khoản 3 Điều 7 Quy định 69-QĐ/TW',
    ['khoản 3 Điều 7 Quy định 69-QĐ/TW | qd69 | dieu 7 > khoan 3'],
  ],
  [
    'khoản 2 của Điều 5 Quy định 69-QĐ/TW',
    ['khoản 2 của Điều 5 Quy định 69-QĐ/TW | qd69 | dieu 5 > khoan 2'],
  ],
  ['Điều 35 Điều lệ Đảng', ['Điều 35 Điều lệ Đảng | dld | dieu 35']],
  ['Chương VII Điều lệ Đảng', ['Chương VII Điều lệ Đảng | dld | chuong VII']],
  [
    'Mục 2 Chương III Quy định 69-QĐ/TW',
    ['Mục 2 Chương III Quy định 69-QĐ/TW | qd69 | chuong III > muc 2'],
  ],
  ['Phần thứ hai Điều lệ Đảng', ['Phần thứ hai Điều lệ Đảng | dld | phan 2']],
  ['Chương thứ mười một Điều lệ Đảng', ['Chương thứ mười một Điều lệ Đảng | dld | chuong 11']],
  [
    'tiết 1.1 Điều 5 Quy định 69-QĐ/TW',
    ['tiết 1.1 Điều 5 Quy định 69-QĐ/TW | qd69 | dieu 5 > khoan 1.1'],
  ],
  [
    'tiết 1.2 khoản 1 Điều 5 QĐ 69',
    ['tiết 1.2 khoản 1 Điều 5 QĐ 69 | qd69 | dieu 5 > khoan 1 > khoan 1.2'],
  ],
  [
    'điểm đ khoản 1 Điều 8 Nghị định 73/2023/NĐ-CP',
    ['điểm đ khoản 1 Điều 8 Nghị định 73/2023/NĐ-CP | nd73 | dieu 8 > khoan 1 > diem đ'],
  ],
  [
    'điểm d khoản 1 Điều 8 NĐ 73',
    ['điểm d khoản 1 Điều 8 NĐ 73 | nd73 | dieu 8 > khoan 1 > diem d'],
  ],
  ['Điều 5a Quy định 69-QĐ/TW', ['Điều 5a Quy định 69-QĐ/TW | qd69 | dieu 5a']],
  [
    'Điều 7 Chương I Quy định 69-QĐ/TW',
    ['Điều 7 Chương I Quy định 69-QĐ/TW | qd69 | chuong I > dieu 7'],
  ],
  // Largest unit first, as officers also write.
  ['Điều 32 khoản 1 Điều lệ Đảng', ['Điều 32 khoản 1 Điều lệ Đảng | dld | dieu 32 > khoan 1']],
  [
    'Điều 5, khoản 2, điểm a Quy định 69-QĐ/TW',
    ['Điều 5, khoản 2, điểm a Quy định 69-QĐ/TW | qd69 | dieu 5 > khoan 2 > diem a'],
  ],
  [
    'Điều 3 khoản 1, 5 và 6 QĐ 69',
    [1, 5, 6].map((n) => `Điều 3 khoản 1, 5 và 6 QĐ 69 | qd69 | dieu 3 > khoan ${n}`),
  ],
  ['dieu 35 khoan 2 dieu le dang', ['dieu 35 khoan 2 dieu le dang | dld | dieu 35 > khoan 2']],
  // ... but a smaller unit followed by a larger one starts a citation of its own.
  [
    'Điều 5, khoản 2 Điều 6 QĐ 69',
    ['Điều 5 | qd69 | dieu 5', 'khoản 2 Điều 6 QĐ 69 | qd69 | dieu 6 > khoan 2'],
  ],
  // Party style: commas, "số", a date; the date picks between documents sharing a number.
  [
    'Khoản 1, Điều 19, Quy định số 22-QĐ/TW, ngày 28/7/2021',
    ['Khoản 1, Điều 19, Quy định số 22-QĐ/TW, ngày 28/7/2021 | qd22 | dieu 19 > khoan 1'],
  ],
  [
    'Điều 4, Quy định số 69-QĐ/TW, ngày 06/7/2022',
    ['Điều 4, Quy định số 69-QĐ/TW, ngày 06/7/2022 | qd69 | dieu 4'],
  ],
  [
    'Điều 2 Kết luận số 14-KL/TW ngày 22/9/2021',
    ['Điều 2 Kết luận số 14-KL/TW ngày 22/9/2021 | kl14 | dieu 2'],
  ],
  [
    'Điều 2 Kết luận số 14-KL/TW ngày 2/3/2026',
    ['Điều 2 Kết luận số 14-KL/TW ngày 2/3/2026 | kl14-khoa-xiv | dieu 2'],
  ],
  ['Điều 2 Kết luận 14-KL/TW', ['Điều 2 Kết luận 14-KL/TW | ∅ | dieu 2 | !']],
  [
    'Kết luận số 14-KL/TW, ngày 22 tháng 9 năm 2021',
    ['Kết luận số 14-KL/TW, ngày 22 tháng 9 năm 2021 | kl14 | (văn bản)'],
  ],
  [
    'Quy định số 22-QĐ/TW, ngày 28/7/2020',
    ['Quy định số 22-QĐ/TW, ngày 28/7/2020 | ∅ | (văn bản) | !'],
  ],
  // State style.
  ['Điều 11 Nghị định 73/2023/NĐ-CP', ['Điều 11 Nghị định 73/2023/NĐ-CP | nd73 | dieu 11']],
  ['khoản 2 Điều 3 Luật Tố cáo 2018', ['khoản 2 Điều 3 Luật Tố cáo 2018 | ltc | dieu 3 > khoan 2']],
  ['Luật số 25/2018/QH14', ['Luật số 25/2018/QH14 | ltc | (văn bản)']],
  ['Luật số: 25/2018/QH14', ['Luật số: 25/2018/QH14 | ltc | (văn bản)']],
  ['Điều 14 Luật Tố cáo năm 2018', ['Điều 14 Luật Tố cáo năm 2018 | ltc | dieu 14']],
  ['Điều 9 Luật Khiếu nại năm 2020', ['Điều 9 Luật Khiếu nại năm 2020 | ∅ | dieu 9']],
  [
    'Điều 3 Luật Phòng, chống tham nhũng 2018',
    ['Điều 3 Luật Phòng, chống tham nhũng 2018 | pctn | dieu 3'],
  ],
  ['Điều 2 Luật CB, CC 2008', ['Điều 2 Luật CB, CC 2008 | lcbcc | dieu 2']],
  ['Điều 20 Luật Đất đai 2024', ['Điều 20 Luật Đất đai 2024 | ∅ | dieu 20']],
  ['Điều 6 Luật Thanh tra quy định', ['Điều 6 Luật Thanh | ∅ | dieu 6 | !']],
  ['Điều 2 Hiến pháp năm 2013', ['Điều 2 Hiến pháp năm 2013 | ∅ | dieu 2']],
  ['Điều 51 Bộ luật Hình sự 2015', ['Điều 51 Bộ luật Hình sự 2015 | ∅ | dieu 51']],
  ['Chương I Quy định chung', ['Chương I | qd69 | chuong I'], IN_QD69],
  ['Điều 5 Luật được thông qua năm 2018', ['Điều 5 | qd69 | dieu 5'], IN_QD69],
  ['Điều 5 Thông tư 06/2021/TT-TTCP', ['Điều 5 Thông tư 06/2021/TT-TTCP | ∅ | dieu 5']],
  ['Quyết định số 1234/QĐ-TTg', ['Quyết định số 1234/QĐ-TTg | ∅ | (văn bản)']],
  // Short names, from the data: aliases, citeAs, type + number, type + short number.
  ['QĐ 69', ['QĐ 69 | qd69 | (văn bản)']],
  ['QĐ 69-QĐ/TW', ['QĐ 69-QĐ/TW | qd69 | (văn bản)']],
  ['NĐ 73', ['NĐ 73 | nd73 | (văn bản)']],
  ['Luật Tố cáo 2018', ['Luật Tố cáo 2018 | ltc | (văn bản)']],
  ['Điều lệ Đảng', ['Điều lệ Đảng | dld | (văn bản)']],
  ['Luật PCTN 2018', ['Luật PCTN 2018 | pctn | (văn bản)']],
  ['Điều 5 QĐ 69', ['Điều 5 QĐ 69 | qd69 | dieu 5']],
  ['Quy định 117', ['Quy định 117 | qd117 | (văn bản)']],
  ['khoản 2 Điều 3 HD 05', ['khoản 2 Điều 3 HD 05 | hd05 | dieu 3 > khoan 2']],
  ['QĐ 999', ['QĐ 999 | ∅ | (văn bản)']],
  // Lists.
  [
    'khoản 1, 5 và 6 Điều 3 QĐ 69',
    [1, 5, 6].map((n) => `khoản 1, 5 và 6 Điều 3 QĐ 69 | qd69 | dieu 3 > khoan ${n}`),
  ],
  [
    'điểm a, b khoản 2 Điều 5 QĐ 69',
    ['a', 'b'].map((l) => `điểm a, b khoản 2 Điều 5 QĐ 69 | qd69 | dieu 5 > khoan 2 > diem ${l}`),
  ],
  ['Điều 4, Điều 5 QĐ 69', articles('Điều 4, Điều 5 QĐ 69', 'qd69', [4, 5])],
  ['Điều 4 và Điều 5 Điều lệ Đảng', articles('Điều 4 và Điều 5 Điều lệ Đảng', 'dld', [4, 5])],
  [
    'điểm a hoặc điểm c khoản 1 Điều 2 QĐ 69',
    ['a', 'c'].map(
      (l) => `điểm a hoặc điểm c khoản 1 Điều 2 QĐ 69 | qd69 | dieu 2 > khoan 1 > diem ${l}`,
    ),
  ],
  [
    'khoản 1, 2 Điều 4 và khoản 3 Điều 6 QĐ 69',
    [
      'khoản 1, 2 Điều 4 | qd69 | dieu 4 > khoan 1',
      'khoản 1, 2 Điều 4 | qd69 | dieu 4 > khoan 2',
      'khoản 3 Điều 6 QĐ 69 | qd69 | dieu 6 > khoan 3',
    ],
  ],
  [
    'Điều 5 QĐ 69 và Điều 35 Điều lệ Đảng',
    ['Điều 5 QĐ 69 | qd69 | dieu 5', 'Điều 35 Điều lệ Đảng | dld | dieu 35'],
  ],
  // Ranges expand to one citation per unit.
  [
    'từ Điều 10 đến Điều 15 QĐ 69',
    articles('từ Điều 10 đến Điều 15 QĐ 69', 'qd69', [10, 11, 12, 13, 14, 15]),
  ],
  ['Điều 8–12 QĐ 69', articles('Điều 8–12 QĐ 69', 'qd69', [8, 9, 10, 11, 12])],
  [
    'từ khoản 1 đến khoản 3 Điều 5 QĐ 69',
    [1, 2, 3].map((n) => `từ khoản 1 đến khoản 3 Điều 5 QĐ 69 | qd69 | dieu 5 > khoan ${n}`),
  ],
  [
    'từ điểm c đến điểm e khoản 1 Điều 8 NĐ 73',
    ['c', 'd', 'đ', 'e'].map(
      (l) => `từ điểm c đến điểm e khoản 1 Điều 8 NĐ 73 | nd73 | dieu 8 > khoan 1 > diem ${l}`,
    ),
  ],
  [
    'Chương II đến Chương IV Điều lệ Đảng',
    ['II', 'III', 'IV'].map((n) => `Chương II đến Chương IV Điều lệ Đảng | dld | chuong ${n}`),
  ],
  ['Điều 1 đến Điều 900 QĐ 69', ['Điều 1 đến Điều 900 QĐ 69 | qd69 | dieu 1 | !']],
  ['Điều 15 đến Điều 10 QĐ 69', ['Điều 15 đến Điều 10 QĐ 69 | qd69 | dieu 15 | !']],
  // Relative to the document (and article) the text is in.
  ['khoản 2 Điều này', ['khoản 2 Điều này | qd69 | dieu 5 > khoan 2'], IN_QD69],
  ['điểm b khoản 2 Điều này', ['điểm b khoản 2 Điều này | ∅ | dieu này > khoan 2 > diem b | !']],
  ['Điều 5 của Quy định này', ['Điều 5 của Quy định này | qd69 | dieu 5'], IN_QD69],
  ['Quy định này', ['Quy định này | qd69 | (văn bản)'], IN_QD69],
  ['Văn bản này', ['Văn bản này | qd69 | (văn bản)'], IN_QD69],
  ['Điều 5 của Luật này', ['Điều 5 của Luật này | ∅ | dieu 5 | !'], IN_QD69],
  ['Điều 5', ['Điều 5 | qd69 | dieu 5'], IN_QD69],
  ['Điều 5', ['Điều 5 | ∅ | dieu 5 | !']],
  ['Chương II', ['Chương II | qd69 | chuong II'], IN_QD69],
  ['Mục 1 Chương II', ['Mục 1 Chương II | qd69 | chuong II > muc 1'], IN_QD69],
  // Typed without case or diacritics.
  ['dieu 5 qd 69', ['dieu 5 qd 69 | qd69 | dieu 5']],
  ['khoan 2 dieu 35 dieu le dang', ['khoan 2 dieu 35 dieu le dang | dld | dieu 35 > khoan 2']],
  ['ĐIỀU 5 QĐ 69', ['ĐIỀU 5 QĐ 69 | qd69 | dieu 5']],
  [
    'diem a khoan 2 dieu 5 quy dinh 69-qd/tw',
    ['diem a khoan 2 dieu 5 quy dinh 69-qd/tw | qd69 | dieu 5 > khoan 2 > diem a'],
  ],
  ['chuong vii dieu le dang', ['chuong vii dieu le dang | dld | chuong VII']],
  ['dieu 11 nd 73/2023/nd-cp', ['dieu 11 nd 73/2023/nd-cp | nd73 | dieu 11']],
  ['qd 69', ['qd 69 | qd69 | (văn bản)']],
  // Not citations.
  ['Điều kiện để được miễn kỷ luật', []],
  ['Điều này cho thấy kỷ luật phải nghiêm', []],
  ['Điều này cho thấy kỷ luật phải nghiêm', [], IN_QD69],
  ['1. Khoản tiền bồi thường', []],
  ['Cơ quan điều chỉnh khoản vay', []],
  ['khoản 500 triệu đồng', []],
  ['khoản 2.000.000 đồng', []],
  ['điểm a là điểm mới', []],
  ['điểm mới của Quy định 69-QĐ/TW', ['Quy định 69-QĐ/TW | qd69 | (văn bản)']],
  ['Phần vi phạm của ông A', [], IN_QD69],
  ['chương 2 của giáo trình', [], IN_QD69],
  ['Chương II', []],
  ['Chương trình kiểm tra năm 2024', [], IN_QD69],
  ['Mức phạt cao nhất', [], IN_QD69],
  ['theo quy định 5 năm một lần', []],
  ['Điều 5 quy định 3 trường hợp', ['Điều 5 | ∅ | dieu 5 | !']],
  ['pháp luật khiếu nại, tố cáo', []],
  ['điều lệ đảng', []],
  ['Luật này có hiệu lực từ ngày 01/7/2019', []],
  ['Luật 2018 của Quốc hội', []],
  ['Chỉ thị của Bộ Chính trị', []],
  ['Nghị quyết Đại hội XIII', []],
];

describe('findCitations: grammar table', () => {
  it('has at least 60 forms', () => expect(TABLE.length).toBeGreaterThanOrEqual(60));

  it.each(TABLE)('%s', (text, expected, context) => {
    expect(find(text, context)).toEqual(expected);
  });
});

describe('findCitations in running text', () => {
  it('reports offsets of each citation in the input', () => {
    const text = 'Theo điểm a khoản 2 Điều 5 Quy định 69-QĐ/TW, và Điều 35 Điều lệ Đảng.';
    const found = findCitations(text, {}, grammar);
    expect(found.map(({ start, end, text: t }) => [t, text.slice(start, end)])).toEqual([
      ['điểm a khoản 2 Điều 5 Quy định 69-QĐ/TW', 'điểm a khoản 2 Điều 5 Quy định 69-QĐ/TW'],
      ['Điều 35 Điều lệ Đảng', 'Điều 35 Điều lệ Đảng'],
    ]);
    expect(found[0]?.start).toBe(5);
  });

  it('maps offsets back through decomposed (NFD) input', () => {
    const text = 'Xem điểm đ khoản 1 Điều 8 NĐ 73.'.normalize('NFD');
    const [citation] = findCitations(text, {}, grammar);
    expect(citation?.text).toBe('điểm đ khoản 1 Điều 8 NĐ 73'.normalize('NFD'));
    expect(text.slice(citation?.start, citation?.end)).toBe(citation?.text);
    expect(citation?.path.at(-1)).toEqual({ kind: 'diem', number: 'đ' });
  });

  it('keeps the document as written, and "" when it is implied', () => {
    const [named] = findCitations(
      'Khoản 1, Điều 19, Quy định số 22-QĐ/TW, ngày 28/7/2021',
      {},
      grammar,
    );
    expect(named?.document).toEqual({ raw: 'Quy định số 22-QĐ/TW, ngày 28/7/2021', slug: 'qd22' });
    const [relative] = findCitations('khoản 2 Điều này', IN_QD69, grammar);
    expect(relative?.document).toEqual({ raw: '', slug: 'qd69' });
  });

  it('says why a citation cannot be followed', () => {
    const error = (text: string, context?: CitationContext) =>
      findCitations(text, context, grammar)[0]?.error;
    expect(error('Điều 5')).toBe(
      'chưa rõ "Điều 5" thuộc văn bản nào: ghi kèm tên hoặc số hiệu văn bản',
    );
    expect(error('khoản 2 Điều này', { document: 'qd69' })).toBe(
      '"Điều này" cần biết điều đang xem',
    );
    expect(error('Điều 2 Kết luận 14-KL/TW')).toBe(
      '"Kết luận 14-KL/TW" có thể là Kết luận 14-KL/TW ngày 22/9/2021 hoặc Kết luận 14-KL/TW ngày 2/3/2026: ghi kèm số hiệu đầy đủ và ngày ban hành',
    );
    expect(error('Điều 1 đến Điều 900 QĐ 69')).toBe(
      `khoảng "từ Điều 1 đến Điều 900" gồm 900 đơn vị, quá giới hạn ${MAX_EXPANSION}: hãy chia nhỏ`,
    );
    expect(error('Điều 15 đến Điều 10 QĐ 69')).toBe('khoảng "từ Điều 15 đến Điều 10" ngược thứ tự');
    expect(error('Điều 5a đến Điều 7 QĐ 69')).toBe('không hiểu khoảng "từ Điều 5a đến Điều 7"');
    expect(error('Điều 6 Luật Thanh tra')).toBe(
      'không rõ "Luật Thanh…" là văn bản nào: ghi kèm số hiệu (69-QĐ/TW) hoặc năm ban hành (Luật Tố cáo 2018)',
    );
  });

  it('caps a list of ranges at MAX_EXPANSION citations', () => {
    const found = findCitations('khoản 1 đến khoản 20 Điều 1 đến Điều 20 QĐ 69', {}, grammar);
    expect(found).toHaveLength(1);
    expect(found[0]?.error).toContain(`hơn ${MAX_EXPANSION} đơn vị`);
  });

  it('learns new documents from data, without code changes', () => {
    const more = compileCitationGrammar([
      ...DOCUMENTS,
      {
        id: 'qd300',
        data: {
          type: 'Quy định',
          number: '300-QĐ/TW',
          issuedAt: '2026-01-05',
          aliases: ['QĐ Ba trăm'],
        },
      },
    ]);
    expect(findCitations('Điều 2 QĐ Ba trăm và Điều 3 Quy định 300', {}, more).map(show)).toEqual([
      'Điều 2 QĐ Ba trăm | qd300 | dieu 2',
      'Điều 3 Quy định 300 | qd300 | dieu 3',
    ]);
  });

  it('finds generic forms with no registry at all', () => {
    expect(findCitations('Điều 5 Quy định số 69-QĐ/TW').map(show)).toEqual([
      'Điều 5 Quy định số 69-QĐ/TW | ∅ | dieu 5',
    ]);
    expect(GENERIC_GRAMMAR.names.size).toBe(0);
  });
});
