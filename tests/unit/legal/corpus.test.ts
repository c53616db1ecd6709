import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  normalizeLegalText,
  parseLegalText,
  type LegalNode,
  type ParsedDocument,
} from '../../../src/lib/legal/parse.ts';

// Real laws, read at run time from the shared folder next to the checkout; their text is never
// copied into this repository. CI places `shared/` beside the clone.
const dir = resolve(process.cwd(), '../shared/corpus/laws');

interface Expected {
  number: string;
  title: string;
  issuedAt: string;
  articles: number;
  chapters: number;
  /** Genuine irregularities of the published text, each explained where it is listed. */
  warnings: { line: number; message: string }[];
}

const EXPECTED: Record<string, Expected> = {
  'Luat-thanh-tra-2010-115311.txt': {
    number: '56/2010/QH12',
    title: 'THANH TRA',
    issuedAt: '2010-11-15',
    articles: 78,
    chapters: 7,
    warnings: [
      // Điều 71 is numbered 1, 2, 2, 4, 5 in this text: the second "2." stands for khoản 3.
      {
        line: 515,
        message:
          'Khoản 2 của Điều 71 được đánh số hai lần (có lẽ là khoản 3): dòng này được giữ trong khoản 2 Điều 71',
      },
    ],
  },
  'Luat-Phong-chong-tham-nhung-322049.txt': {
    number: '36/2018/QH14',
    title: 'PHÒNG, CHỐNG THAM NHŨNG',
    issuedAt: '2018-11-20',
    articles: 96,
    chapters: 10,
    warnings: [],
  },
  'Luat-To-cao-336713.txt': {
    number: '25/2018/QH14',
    title: 'TỐ CÁO',
    issuedAt: '2018-06-12',
    articles: 67,
    chapters: 9,
    warnings: [],
  },
  'Luat-khieu-nai-2011-132446.txt': {
    number: '02/2011/QH13',
    title: 'KHIẾU NẠI',
    issuedAt: '2011-11-11',
    articles: 70,
    chapters: 8,
    warnings: [
      // Khoản 2 Điều 31 lists điểm a … i and then "i)" again where "k)" is meant.
      {
        line: 243,
        message:
          'Điểm i (khoản 2 Điều 31) được đánh số hai lần (có lẽ là điểm k): dòng này được giữ trong điểm i khoản 2 Điều 31',
      },
    ],
  },
  'Luat-kiem-toan-nha-nuoc-2015-282381.txt': {
    number: '81/2015/QH13',
    title: 'KIỂM TOÁN NHÀ NƯỚC',
    issuedAt: '2015-06-24',
    articles: 73,
    chapters: 9,
    warnings: [],
  },
  'Luat-can-bo-cong-chuc-2008-22-2008-QH12-82202.txt': {
    number: '22/2008/QH12',
    title: 'CÁN BỘ, CÔNG CHỨC',
    issuedAt: '2008-11-13',
    articles: 87,
    chapters: 10,
    warnings: [],
  },
  'Luat-tiep-cong-dan-2013-215839.raw.txt': {
    number: '42/2013/QH13',
    title: 'TIẾP CÔNG DÂN',
    issuedAt: '2013-11-25',
    articles: 36,
    chapters: 9,
    warnings: [],
  },
  'Luat-thuc-hanh-tiet-kiem-chong-lang-phi-2013-215837.raw.txt': {
    number: '44/2013/QH13',
    title: 'THỰC HÀNH TIẾT KIỆM, CHỐNG LÃNG PHÍ',
    issuedAt: '2013-11-26',
    articles: 80,
    chapters: 5,
    warnings: [],
  },
};

function flatten(nodes: readonly LegalNode[]): LegalNode[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** Article headings found by reading the text line by line, independently of the parser. */
function articleHeadings(text: string): string[] {
  const numbers = new Set<string>();
  for (const line of normalizeLegalText(text).split('\n')) {
    const match = /^Điều (\d+[a-zđ]?)\. \S/u.exec(line);
    if (match?.[1]) numbers.add(match[1]);
  }
  return [...numbers];
}

/** Every word of the source is in the parse, except the labels of the lines that open units. */
function droppedWords(text: string, document: ParsedDocument): string[] {
  const units = flatten(document.body);
  const output = [
    document.header,
    document.meta.type?.toLocaleUpperCase('vi'),
    document.meta.title,
    document.preamble,
    document.closing,
  ];
  for (const node of units) output.push(node.title, node.text);
  const have = new Map<string, number>();
  for (const word of output.join(' ').split(/\s+/)) have.set(word, (have.get(word) ?? 0) + 1);
  const headingLines = new Set(units.map((node) => node.line));
  const dropped: string[] = [];
  normalizeLegalText(text)
    .split('\n')
    .forEach((raw, index) => {
      const line = headingLines.has(index + 1)
        ? raw.replace(
            /^(?:Điều \d+[a-zđ]?\.|(?:Chương|CHƯƠNG|Mục|MỤC|Tiểu mục) [\dIVXLC]+[.:]?|\d+\.|[a-zđ]\))/u,
            '',
          )
        : raw;
      for (const word of line.split(/\s+/)) {
        if (word === '' || /^[-–—_=*~]+$/u.test(word)) continue;
        const count = have.get(word) ?? 0;
        if (count === 0) dropped.push(`${index + 1}: ${word}`);
        have.set(word, count - 1);
      }
    });
  return dropped;
}

describe.skipIf(!existsSync(dir))('real laws in shared/corpus/laws', () => {
  const files = existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.txt')) : [];

  it('has an expectation for every file in the folder', () => {
    expect(files.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of files) {
    describe(file, () => {
      const text = readFileSync(join(dir, file), 'utf8');
      const document = parseLegalText(text);
      const expected = EXPECTED[file];
      const units = flatten(document.body);
      const articles = units.filter((node) => node.kind === 'dieu');

      it('reads the header', () => {
        expect(document.meta).toEqual({
          type: 'Luật',
          number: expected?.number,
          title: expected?.title,
          issuer: 'QUỐC HỘI',
          issuedAt: expected?.issuedAt,
          place: 'Hà Nội',
        });
        expect(document.preamble).toMatch(/^Căn cứ Hiến pháp/u);
        expect(document.closing).toMatch(
          /^Luật này (?:đã )?được Quốc hội[^\n]*\nCHỦ TỊCH QUỐC HỘI\n\S/u,
        );
      });

      it('finds every article heading of the text, in sequence', () => {
        const headings = articleHeadings(text);
        expect(headings).toHaveLength(expected?.articles ?? -1);
        expect(articles.map((node) => node.number)).toEqual(headings);
        expect(articles.map((node) => node.number)).toEqual(
          Array.from({ length: expected?.articles ?? 0 }, (_, i) => String(i + 1)),
        );
        expect(new Set(articles.map((node) => node.anchor)).size).toBe(articles.length);
      });

      it('finds the chapters, every article inside one', () => {
        const chapters = document.body.filter((node) => node.kind === 'chuong');
        expect(document.body).toEqual(chapters);
        expect(chapters).toHaveLength(expected?.chapters ?? -1);
        expect(chapters.map((node) => node.anchor)).toEqual(
          chapters.map((_, i) => `chuong-${i + 1}`),
        );
        for (const chapter of chapters) expect(chapter.title).toMatch(/^[^\p{Ll}]+$/u);
      });

      it('gives only the warnings the text deserves', () => {
        expect(document.warnings).toEqual(expected?.warnings);
      });

      it('drops nothing', () => {
        expect(droppedWords(text, document)).toEqual([]);
      });
    });
  }
});
