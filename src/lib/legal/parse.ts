import { STRUCTURE_KINDS, type StructureKind } from '../../schemas/outline.ts';
import {
  anchorFor,
  arabicToRoman,
  romanToArabic,
  vietnameseNumberWords,
  type StructureStep,
} from './anchor.ts';
import { UNIT_NAMES } from './tree.ts';

/** One unit of a document: Phần, Chương, Mục, Tiểu mục, Điều, khoản (or tiết "1.1") or điểm. */
export interface LegalNode {
  kind: StructureKind;
  /** As written: "II", "1", "5a", "1.1", "đ"; an ordinal ("thứ hai") becomes "2". */
  number: string;
  title?: string;
  text?: string;
  anchor: string;
  /** 1-based line of the heading in the source text. */
  line: number;
  children: LegalNode[];
}

export interface ParseWarning {
  line: number;
  message: string;
}

/** What the header says. A field the header does not give is null, never guessed. */
export interface DocumentMeta {
  /** "Luật", "Quy định", …: the type line of the header in sentence case. */
  type: string | null;
  /** Number and symbol as printed: "25/2018/QH14", "69-QĐ/TW". */
  number: string | null;
  /** As written in the header, capitals kept ("TỐ CÁO"): changing case would lose proper names. */
  title: string | null;
  /** As written: "QUỐC HỘI"; for a Party "/TW" header, the body named in the preamble. */
  issuer: string | null;
  /** ISO date, YYYY-MM-DD. */
  issuedAt: string | null;
  place?: string;
}

export interface ParsedDocument {
  meta: DocumentMeta;
  body: LegalNode[];
  warnings: ParseWarning[];
  /** Header lines before the type line (issuer, motto, number, place and date). */
  header?: string;
  /** Lines between the title and the first unit: "Căn cứ …", "Quốc hội ban hành …". */
  preamble?: string;
  /** Lines after the last article: adoption sentence, signature, "Nơi nhận". */
  closing?: string;
}

/** Điểm letters in Vietnamese order: no f, j, w, z; đ follows d. */
export const DIEM_LETTERS = 'abcdđeghiklmnopqrstuvxy';

type ContainerKind = 'phan' | 'chuong' | 'muc' | 'tieu-muc';

interface Heading {
  kind: ContainerKind | 'dieu';
  number: string;
  /** Arabic value used for sequence checks; for "5a" it is 5. */
  value: number;
  /** Letter of an inserted article ("a" in "Điều 5a"), else "". */
  suffix: string;
  title?: string;
}

/** A unit being filled, with the counters its children are checked against. */
interface Frame {
  node: LegalNode;
  rank: number;
  lastKhoan: number;
  lastTietMajor: number;
  lastTietMinor: number;
  /** Index in DIEM_LETTERS of the last điểm, -1 before the first. */
  lastDiem: number;
  /**
   * The khoản (or điểm index) a repeated number most likely stood for: "1, 2, 2, 4" is a typo
   * for 3, so the gap before 4 is the same mistake and is not reported twice.
   */
  typoKhoan: number;
  typoDiem: number;
}

const RANK = Object.fromEntries(STRUCTURE_KINDS.map((kind, index) => [kind, index * 2])) as Record<
  StructureKind,
  number
>;
// A tiết sits between khoản and điểm.
const TIET_RANK = RANK.khoan + 1;

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const SPACE_RUN = /\s+/g;
const LINE_BREAK = /\r\n|\r|\n/;

const CONTAINER_HEADING = /^(Phần|PHẦN|Chương|CHƯƠNG|Tiểu mục|TIỂU MỤC|Mục|MỤC)\s+(.+)$/u;
const CONTAINER_KINDS: Record<string, ContainerKind> = {
  phần: 'phan',
  chương: 'chuong',
  'tiểu mục': 'tieu-muc',
  mục: 'muc',
};
// "Điều" must be followed by a number: "Điều kiện …", "Điều này …" are text.
const ARTICLE_HEADING = /^(?:Điều|ĐIỀU)\s+(\d{1,4})([a-zđA-ZĐ]?)(?![\p{L}\p{N}])\s*(.*)$/u;
const ARABIC_NUMERAL = /^(\d{1,3})(?!\d)(.*)$/u;
const ROMAN_NUMERAL = /^([IVXLC]+)(?![\p{L}\p{N}])(.*)$/u;
const ORDINAL_NUMERAL = /^(?:thứ|THỨ|Thứ)\s+(.+)$/u;
const HEADING_SEPARATOR = /^[.:\-–]\s*/u;
// "1." or "1-" (older Party texts); not "1.5 triệu", "2018." or a date.
const KHOAN_LINE = /^(\d{1,3})\s?[.\-–](?:\s+|(?=[\p{Lu}“"(]))(\S.*)$/u;
const TIET_LINE = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/u;
const DIEM_LINE = /^([a-zđ])\)\s*(.*)$/u;
const LOWERCASE = /\p{Ll}/u;
const LETTER = /\p{L}/u;
// A line of only rules or stars ("-------", "***") carries no text.
const DECORATION = /^[-–—_=*~]+$/u;
const QUOTE_CHAR = /[“”"]/;
const QUOTE_CLOSE = /[”"]/;

const TYPE_LINE =
  /^(BỘ LUẬT|LUẬT|PHÁP LỆNH|NGHỊ ĐỊNH|THÔNG TƯ LIÊN TỊCH|THÔNG TƯ|NGHỊ QUYẾT LIÊN TỊCH|NGHỊ QUYẾT|QUYẾT ĐỊNH|QUY ĐỊNH|KẾT LUẬN|HƯỚNG DẪN|CHỈ THỊ|ĐIỀU LỆ|QUY CHẾ|THÔNG TRI)(?:\s*[:.]?\s+(.+))?$/u;
const PREAMBLE_START = /^[-–•+*]?\s*Căn cứ(?!\p{L})/u;
const HEADER_SCAN_LIMIT = 40;
const MOTTO =
  /C[ỘO]NG H(?:ÒA|OÀ) XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/iu;
const HEADER_RULE = /\s*(?:[-–_=]{3,}|\*+)/u;
const DOCUMENT_NUMBER =
  /(?:^|[\s,.;:])(?:(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Quy định|Thông tư|Kết luận|Hướng dẫn|Chỉ thị)\s+)?(?:Số|SỐ|số)\s*:?\s*(\d[\p{L}\p{N}/.\-–]*)/u;
const PLACE_AND_DATE = /^(.*?),?\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u;
// The place is what precedes ", ngày" once the motto, rules and the number are cut away.
const PLACE_SEPARATORS = new RegExp(`${MOTTO.source}|[-–_=]{3,}|\\*+|\\S*\\d\\S*`, 'iu');
const PARTY_BODY_IN_PREAMBLE =
  /(?<!\p{L})(Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương)\s+(?:quy định|kết luận|chỉ thị|quyết định|hướng dẫn|ban hành)(?!\p{L})/u;
const PARTY_BODY_IN_SIGNATURE = /T\/M\s+(BỘ CHÍNH TRỊ|BAN BÍ THƯ)/u;

// What ends the last article: these lines go to `closing`, not into the article's text.
const ADOPTION =
  /^(?:Luật|Bộ luật|Pháp lệnh|Nghị quyết) này (?:đã )?được (?:Quốc hội|Ủy ban [Tt]hường vụ Quốc hội|Uỷ ban [Tt]hường vụ Quốc hội)/u;
const SIGNATURE = /^(?:T\/M|TM\.|KT\.|K\/T|Q\.|TL\.|T\/L|TUQ\.)\s*\p{Lu}/u;
const RECIPIENTS = /^Nơi nhận\s*:/u;

/** One line as the parser sees it: zero-width characters gone, every space run one space. */
function normalizeLine(line: string): string {
  return line.replace(ZERO_WIDTH, '').replace(SPACE_RUN, ' ').trim();
}

/** The text split into normalised lines; line i of the result is line i + 1 of the source. */
export function legalLines(text: string): string[] {
  return text.normalize('NFC').split(LINE_BREAK).map(normalizeLine);
}

/**
 * The text as the importer stores it: NFC, LF line ends, no zero-width characters, spaces
 * collapsed, lines trimmed. Line numbers are kept, so warnings point into this text too.
 */
export function normalizeLegalText(text: string): string {
  const lines = legalLines(text);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}

function isUppercaseLine(text: string): boolean {
  return !LOWERCASE.test(text) && LETTER.test(text);
}

/** The rest of a heading line after its number: a title, no title (undefined), or not a heading (null). */
function headingTitle(tail: string): string | undefined | null {
  const rest = tail.trim();
  if (rest === '') return undefined;
  const separator = HEADING_SEPARATOR.exec(rest);
  if (separator) {
    // "Điều 10-15 …" is a range in running text, not a heading.
    if (/^[-–]\s*\d/u.test(rest)) return null;
    const title = rest.slice(separator[0].length).trim();
    return title === '' ? undefined : title;
  }
  // Without a separator only a title in capitals makes a heading ("Chương I NHỮNG QUY ĐỊNH CHUNG");
  // "Chương VI của Luật này …" is running text.
  return isUppercaseLine(rest) ? rest : null;
}

/** The numeral that opens `rest`: arabic, Roman or an ordinal in words ("thứ hai"). */
function readNumeral(rest: string): { number: string; value: number; tail: string } | null {
  const arabic = ARABIC_NUMERAL.exec(rest);
  if (arabic) return { number: arabic[1] ?? '', value: Number(arabic[1]), tail: arabic[2] ?? '' };
  const roman = ROMAN_NUMERAL.exec(rest);
  if (roman) {
    const value = romanToArabic(roman[1] ?? '');
    return value === null ? null : { number: roman[1] ?? '', value, tail: roman[2] ?? '' };
  }
  const ordinal = ORDINAL_NUMERAL.exec(rest);
  if (!ordinal) return null;
  const words = (ordinal[1] ?? '').split(' ');
  // The longest run of number words wins: "thứ hai mươi mốt" is 21, not 2.
  for (let count = Math.min(4, words.length); count >= 1; count--) {
    const taken = words.slice(0, count);
    const last = taken[count - 1] ?? '';
    const bare = last.replace(/[.:\-–]+$/u, '');
    taken[count - 1] = bare;
    const value = vietnameseNumberWords(taken);
    if (value !== null) {
      const after = words.slice(count).join(' ');
      return { number: String(value), value, tail: `${last.slice(bare.length)} ${after}` };
    }
  }
  return null;
}

/** A Phần, Chương, Mục, Tiểu mục or Điều heading, or null for any other line. */
function readHeading(text: string): Heading | null {
  const first = text.charCodeAt(0);
  // Every heading word starts with P, C, M, T or Đ: skip the regexes for all other lines.
  if (first !== 80 && first !== 67 && first !== 77 && first !== 84 && first !== 272) return null;
  const article = ARTICLE_HEADING.exec(text);
  if (article) {
    const title = headingTitle(article[3] ?? '');
    if (title === null) return null;
    const suffix = (article[2] ?? '').toLocaleLowerCase('vi');
    const value = Number(article[1]);
    return {
      kind: 'dieu',
      number: `${value}${suffix}`,
      value,
      suffix,
      ...(title === undefined ? {} : { title }),
    };
  }
  const container = CONTAINER_HEADING.exec(text);
  if (!container) return null;
  const kind = CONTAINER_KINDS[(container[1] ?? '').toLocaleLowerCase('vi')];
  const numeral = readNumeral(container[2] ?? '');
  if (!kind || !numeral) return null;
  const title = headingTitle(numeral.tail);
  if (title === null) return null;
  return {
    kind,
    number: numeral.number.toUpperCase(),
    value: numeral.value,
    suffix: '',
    ...(title === undefined ? {} : { title }),
  };
}

function typeName(typeLine: string): string {
  const lower = typeLine.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

function isoDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/** Issuer, number, place and date from the header lines before the type line. */
function readHeaderMeta(
  header: readonly { text: string; line: number }[],
  warn: (line: number, message: string) => void,
): Omit<DocumentMeta, 'type' | 'title'> {
  const meta: Omit<DocumentMeta, 'type' | 'title'> = { number: null, issuer: null, issuedAt: null };
  for (const { text, line } of header) {
    if (meta.issuer === null) {
      // The issuer is the first run of capitals, before the motto, a rule, the number or the date.
      let candidate = text;
      for (const stop of [MOTTO, HEADER_RULE, DOCUMENT_NUMBER, PLACE_AND_DATE]) {
        const found = stop.exec(candidate);
        if (found) candidate = candidate.slice(0, found.index);
      }
      candidate = candidate.trim();
      if (candidate !== '' && isUppercaseLine(candidate)) meta.issuer = candidate;
    }
    if (meta.number === null) {
      const number = DOCUMENT_NUMBER.exec(text);
      if (number) meta.number = (number[1] ?? '').replace(/[.\-–]+$/u, '');
    }
    if (meta.issuedAt === null) {
      const date = PLACE_AND_DATE.exec(text);
      if (date) {
        const [day, month, year] = [Number(date[2]), Number(date[3]), Number(date[4])];
        meta.issuedAt = isoDate(day, month, year);
        if (meta.issuedAt === null) {
          warn(line, `Ngày ban hành "ngày ${day} tháng ${month} năm ${year}" không có thật`);
        }
        const place = (date[1] ?? '').split(PLACE_SEPARATORS).pop()?.trim() ?? '';
        if (place !== '') meta.place = place;
      }
    }
  }
  return meta;
}

/** Vietnamese names of the numbers missing between two neighbours: "6" or "6–8". */
function missingRange(from: number, to: number, roman: boolean): string {
  const show = (value: number) => (roman ? arabicToRoman(value) : String(value));
  return from === to ? show(from) : `${show(from)}–${show(to)}`;
}

/**
 * Parses a Vietnamese legal or Party document, given as plain text, into its header facts and
 * its tree of units. One pass over the lines; nothing is dropped: every non-empty line ends up
 * in `header`, the meta title, `preamble`, a unit's title or text, or `closing`, and every line
 * that does not fit its place is reported in `warnings`.
 */
export function parseLegalText(input: string): ParsedDocument {
  const lines = legalLines(input);
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string): void => {
    warnings.push({ line, message });
  };

  // Quotes that never close must not swallow the rest of the document.
  let lastQuoteClose = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (QUOTE_CLOSE.test(lines[i] ?? '')) {
      lastQuoteClose = i;
      break;
    }
  }

  // Header: the type line ("LUẬT", "QUY ĐỊNH") ends it; without one there is no header at all,
  // since "Luật số …" in a preamble is a citation, not this document's number.
  let typeIndex = -1;
  for (let i = 0; i < Math.min(lines.length, HEADER_SCAN_LIMIT); i++) {
    const text = lines[i] ?? '';
    if (text === '') continue;
    if (PREAMBLE_START.test(text) || readHeading(text) !== null) break;
    if (TYPE_LINE.test(text)) {
      typeIndex = i;
      break;
    }
  }

  const meta: DocumentMeta = {
    type: null,
    number: null,
    title: null,
    issuer: null,
    issuedAt: null,
  };
  const headerLines: { text: string; line: number }[] = [];
  let cursor = 0;
  if (typeIndex >= 0) {
    for (let i = 0; i < typeIndex; i++) {
      const text = lines[i] ?? '';
      if (text !== '') headerLines.push({ text, line: i + 1 });
    }
    Object.assign(meta, readHeaderMeta(headerLines, warn));
    const typeLine = TYPE_LINE.exec(lines[typeIndex] ?? '');
    meta.type = typeName(typeLine?.[1] ?? '');
    const titleParts: string[] = typeLine?.[2] ? [typeLine[2]] : [];
    // A title in capitals may wrap over several lines; a Party title ("về …") continues in lower case.
    let capitals = titleParts.length > 0 ? isUppercaseLine(titleParts[0] ?? '') : true;
    cursor = typeIndex + 1;
    for (; cursor < lines.length; cursor++) {
      const text = lines[cursor] ?? '';
      if (text === '' || DECORATION.test(text)) continue;
      if (PREAMBLE_START.test(text) || readHeading(text) !== null) break;
      if (titleParts.length === 0) {
        capitals = isUppercaseLine(text);
      } else if (capitals ? !isUppercaseLine(text) : !LOWERCASE.test(text.charAt(0))) {
        break;
      }
      titleParts.push(text);
    }
    if (titleParts.length > 0) meta.title = titleParts.join(' ');
  }

  const body: LegalNode[] = [];
  const stack: Frame[] = [];
  const preamble: string[] = [];
  const closing: number[] = [];
  /** Closing began with an adoption sentence, signature or "Nơi nhận", not just a line in capitals. */
  let closingIsCertain = false;
  /** A Phần/Chương/Mục whose title may still continue on the next lines. */
  let titleOpen: LegalNode | null = null;
  /** The unit whose quoted (amending) text is still open. */
  let quoteHolder: LegalNode | null = null;
  let curlyDepth = 0;
  let straightOpen = false;

  let lastPhan = 0;
  let lastPhanWritten = '';
  let lastChuong = 0;
  let lastChuongWritten = '';
  let chaptersInPhan = 0;
  let lastMuc = 0;
  let lastMucWritten = '';
  let lastTieuMuc = 0;
  let lastTieuMucWritten = '';
  let lastArticle: Heading | null = null;
  const articleLines = new Map<string, number>();

  const top = (): Frame | undefined => stack[stack.length - 1];
  const currentArticle = (): Frame | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const frame = stack[i];
      if (frame?.node.kind === 'dieu') return frame;
    }
    return undefined;
  };
  /** "điểm a khoản 2 Điều 5": the open units from the deepest up to the article. */
  const describeOpen = (): string => {
    const parts: string[] = [];
    for (let i = stack.length - 1; i >= 0; i--) {
      const node = stack[i]?.node;
      if (!node) continue;
      parts.push(`${UNIT_NAMES[node.kind]} ${node.number}`);
      if (node.kind === 'dieu') break;
    }
    return parts.join(' ');
  };

  const appendText = (node: LegalNode, text: string): void => {
    node.text = node.text === undefined ? text : `${node.text}\n${text}`;
  };

  const open = (kind: StructureKind, number: string, rank: number, line: number): LegalNode => {
    while ((top()?.rank ?? -1) >= rank) stack.pop();
    const node: LegalNode = { kind, number, anchor: '', line, children: [] };
    const parent = top();
    if (parent) parent.node.children.push(node);
    else body.push(node);
    stack.push({
      node,
      rank,
      lastKhoan: 0,
      lastTietMajor: 0,
      lastTietMinor: 0,
      lastDiem: -1,
      typoKhoan: 0,
      typoDiem: -1,
    });
    return node;
  };

  const checkContainerSequence = (
    label: string,
    heading: Heading,
    previous: number,
    previousWritten: string,
    line: number,
  ): void => {
    if (heading.value === previous + 1) return;
    const roman = /^[IVXLC]+$/.test(heading.number);
    const written = `${label} ${heading.number}`;
    if (previous === 0) {
      warn(
        line,
        `${written} là ${label.toLocaleLowerCase('vi')} đầu tiên: thiếu ${label} ${missingRange(1, heading.value - 1, roman)}?`,
      );
    } else if (heading.value === previous) {
      warn(line, `${written} xuất hiện hai lần`);
    } else if (heading.value > previous) {
      warn(
        line,
        `${written} đứng sau ${label} ${previousWritten}: thiếu ${label} ${missingRange(previous + 1, heading.value - 1, roman)}?`,
      );
    } else {
      warn(line, `${written} đứng sau ${label} ${previousWritten}: số thứ tự bị lùi`);
    }
  };

  const checkArticleSequence = (heading: Heading, line: number): void => {
    const firstLine = articleLines.get(heading.number);
    if (firstLine !== undefined) {
      warn(line, `Điều ${heading.number} xuất hiện hai lần (dòng ${firstLine} và dòng ${line})`);
      return;
    }
    articleLines.set(heading.number, line);
    const previous = lastArticle;
    if (!previous) {
      if (heading.value !== 1 || heading.suffix !== '') {
        warn(
          line,
          `Điều ${heading.number} là điều đầu tiên: thiếu Điều ${missingRange(1, Math.max(1, heading.value - 1), false)}?`,
        );
      }
      return;
    }
    const nextLetter = DIEM_LETTERS[DIEM_LETTERS.indexOf(previous.suffix) + 1] ?? '';
    const inserted = previous.suffix === '' ? 'a' : nextLetter;
    if (heading.value === previous.value + 1 && heading.suffix === '') return;
    if (heading.value === previous.value && heading.suffix === inserted) return;
    const after = `Điều ${heading.number} đứng sau Điều ${previous.number}`;
    if (heading.value > previous.value + 1 && heading.suffix === '') {
      warn(
        line,
        `${after}: thiếu Điều ${missingRange(previous.value + 1, heading.value - 1, false)}?`,
      );
    } else if (
      heading.value === previous.value &&
      heading.suffix > inserted &&
      DIEM_LETTERS.includes(heading.suffix)
    ) {
      warn(line, `${after}: thiếu Điều ${previous.value}${inserted}?`);
    } else {
      warn(line, `${after}: số điều không theo thứ tự`);
    }
  };

  const openHeading = (heading: Heading, line: number): LegalNode => {
    switch (heading.kind) {
      case 'phan':
        checkContainerSequence('Phần', heading, lastPhan, lastPhanWritten, line);
        lastPhan = heading.value;
        lastPhanWritten = heading.number;
        chaptersInPhan = 0;
        lastMuc = 0;
        lastTieuMuc = 0;
        break;
      case 'chuong':
        // Chapter numbers may restart in each Phần.
        if (!(chaptersInPhan === 0 && lastPhan > 0 && heading.value === 1)) {
          checkContainerSequence('Chương', heading, lastChuong, lastChuongWritten, line);
        }
        lastChuong = heading.value;
        lastChuongWritten = heading.number;
        chaptersInPhan++;
        lastMuc = 0;
        lastTieuMuc = 0;
        break;
      case 'muc':
        checkContainerSequence('Mục', heading, lastMuc, lastMucWritten, line);
        lastMuc = heading.value;
        lastMucWritten = heading.number;
        lastTieuMuc = 0;
        break;
      case 'tieu-muc':
        checkContainerSequence('Tiểu mục', heading, lastTieuMuc, lastTieuMucWritten, line);
        lastTieuMuc = heading.value;
        lastTieuMucWritten = heading.number;
        break;
      case 'dieu':
        checkArticleSequence(heading, line);
        lastArticle = heading;
        break;
    }
    const node = open(heading.kind, heading.number, RANK[heading.kind], line);
    if (heading.title !== undefined) node.title = heading.title;
    return node;
  };

  /** A tiết ("1.1"): under khoản 1 when it is open, else directly under the article. */
  const openTiet = (text: string, line: number, article: Frame): LegalNode | null => {
    const match = TIET_LINE.exec(text);
    if (!match) return null;
    const major = Number(match[1]);
    const minor = Number(match[2]);
    const number = `${major}.${minor}`;
    let khoan: Frame | undefined;
    for (let i = stack.length - 1; i >= 0 && stack[i] !== article; i--) {
      if (stack[i]?.rank === RANK.khoan) khoan = stack[i];
    }
    let node: LegalNode;
    if (khoan && khoan.node.number === String(major)) {
      const expected = khoan.lastTietMinor + 1;
      // "2.5 triệu đồng" at a line start is an amount, not a tiết: only a near successor counts.
      if (minor < expected || minor > expected + 2) return null;
      if (minor > expected) {
        warn(
          line,
          `Tiết ${number} đứng sau tiết ${major}.${expected - 1} (${describeOpen()}): thiếu tiết ${major}.${expected}?`,
        );
      }
      khoan.lastTietMinor = minor;
      node = open('khoan', number, TIET_RANK, line);
    } else {
      const continues = major === article.lastTietMajor && minor === article.lastTietMinor + 1;
      const starts = major === article.lastKhoan + 1 && minor === 1;
      if (!continues && !starts) return null;
      article.lastTietMajor = major;
      article.lastTietMinor = minor;
      article.lastKhoan = major;
      // Under the article, not under whatever khoản is open.
      while (top() !== article) stack.pop();
      node = open('khoan', number, TIET_RANK, line);
    }
    node.text = match[3] ?? '';
    return node;
  };

  const openKhoan = (text: string, line: number, article: Frame): LegalNode | null => {
    const match = KHOAN_LINE.exec(text);
    if (!match) return null;
    const number = Number(match[1]);
    const expected = article.lastKhoan + 1;
    const where = `Điều ${article.node.number}`;
    if (number < expected || number > expected + 5) {
      const previous = article.lastKhoan;
      if (number === previous) article.typoKhoan = expected;
      warn(
        line,
        number === previous
          ? `Khoản ${number} của ${where} được đánh số hai lần (có lẽ là khoản ${expected}): dòng này được giữ trong ${describeOpen()}`
          : `Dòng bắt đầu bằng "${number}." không phải khoản tiếp theo của ${where} (khoản ${expected}): được giữ trong ${describeOpen()}`,
      );
      return null;
    }
    const typo = article.typoKhoan;
    article.typoKhoan = 0;
    if (number > expected && !(typo === expected && number === expected + 1)) {
      warn(
        line,
        expected === 1
          ? `Khoản ${number} là khoản đầu tiên của ${where}: thiếu khoản ${missingRange(1, number - 1, false)}?`
          : `Khoản ${number} đứng sau khoản ${expected - 1} (${where}): thiếu khoản ${missingRange(expected, number - 1, false)}?`,
      );
    }
    article.lastKhoan = number;
    const node = open('khoan', String(number), RANK.khoan, line);
    node.text = match[2] ?? '';
    return node;
  };

  const openDiem = (text: string, line: number): LegalNode | null => {
    const match = DIEM_LINE.exec(text);
    if (!match) return null;
    const letter = match[1] ?? '';
    let depth = stack.length - 1;
    while (depth >= 0 && stack[depth]?.node.kind === 'diem') depth--;
    const parent = stack[depth];
    if (!parent) return null;
    const where = (() => {
      const parts: string[] = [];
      for (let i = depth; i >= 0; i--) {
        const node = stack[i]?.node;
        if (!node) continue;
        parts.push(`${UNIT_NAMES[node.kind]} ${node.number}`);
        if (node.kind === 'dieu') break;
      }
      return parts.join(' ');
    })();
    const index = DIEM_LETTERS.indexOf(letter);
    const expected = parent.lastDiem + 1;
    if (index === -1) {
      warn(
        line,
        `Điểm ${letter} (${where}) không có trong thứ tự chữ cái tiếng Việt (a, b, c, d, đ, e, g, h, i, k…)`,
      );
    } else if (index < expected) {
      const next = DIEM_LETTERS[expected];
      const repeated = index === parent.lastDiem && next !== undefined;
      if (repeated) parent.typoDiem = expected;
      warn(
        line,
        repeated
          ? `Điểm ${letter} (${where}) được đánh số hai lần (có lẽ là điểm ${next}): dòng này được giữ trong ${describeOpen()}`
          : `Điểm ${letter} (${where}) sai thứ tự sau điểm ${DIEM_LETTERS[parent.lastDiem] ?? ''}: dòng này được giữ trong ${describeOpen()}`,
      );
      return null;
    } else if (index > expected && !(parent.typoDiem === expected && index === expected + 1)) {
      const missing = [...DIEM_LETTERS.slice(expected, index)].join(', ');
      warn(
        line,
        expected === 0
          ? `Điểm ${letter} là điểm đầu tiên của ${where}: thiếu điểm ${missing}?`
          : `Điểm ${letter} đứng sau điểm ${DIEM_LETTERS[expected - 1] ?? ''} (${where}): thiếu điểm ${missing}?`,
      );
    }
    if (index !== -1) {
      parent.lastDiem = index;
      parent.typoDiem = -1;
    }
    const node = open('diem', letter, RANK.diem, line);
    const rest = match[2] ?? '';
    if (rest !== '') node.text = rest;
    return node;
  };

  const trackQuotes = (text: string, index: number, holder: LegalNode): void => {
    if (!QUOTE_CHAR.test(text)) return;
    for (const char of text) {
      if (char === '“') curlyDepth++;
      else if (char === '”') curlyDepth = Math.max(0, curlyDepth - 1);
      else if (char === '"') straightOpen = !straightOpen;
    }
    if (curlyDepth === 0 && !straightOpen) {
      quoteHolder = null;
    } else if (index >= lastQuoteClose) {
      warn(
        index + 1,
        'Dấu ngoặc kép mở ở dòng này không được đóng: các dòng sau vẫn được phân tích như thường',
      );
      curlyDepth = 0;
      straightOpen = false;
      quoteHolder = null;
    } else {
      quoteHolder = holder;
    }
  };

  const isClosingStart = (text: string): { certain: boolean } | null => {
    if (ADOPTION.test(text) || SIGNATURE.test(text) || RECIPIENTS.test(text))
      return { certain: true };
    return isUppercaseLine(text) ? { certain: false } : null;
  };

  const handleLine = (index: number, closingAllowed: boolean): void => {
    const text = lines[index] ?? '';
    if (text === '' || DECORATION.test(text)) return;
    const line = index + 1;

    // Quoted amending text belongs to the unit that quotes it, whatever it looks like.
    if (quoteHolder) {
      appendText(quoteHolder, text);
      trackQuotes(text, index, quoteHolder);
      return;
    }

    const heading = readHeading(text);
    if (closing.length > 0) {
      const structural =
        heading !== null ||
        (!closingIsCertain &&
          (KHOAN_LINE.test(text) || TIET_LINE.test(text) || DIEM_LINE.test(text)));
      if (!structural) {
        closing.push(index);
        if (isClosingStart(text)?.certain) closingIsCertain = true;
        return;
      }
      // More structure follows, so those lines were text after all.
      const buffered = closing.splice(0);
      closingIsCertain = false;
      for (const earlier of buffered) handleLine(earlier, false);
    }

    if (heading) {
      const node = openHeading(heading, line);
      titleOpen = heading.kind === 'dieu' ? null : node;
      trackQuotes(text, index, node);
      return;
    }

    if (titleOpen) {
      const node = titleOpen;
      if (node.title === undefined && !KHOAN_LINE.test(text) && !DIEM_LINE.test(text)) {
        node.title = text;
        return;
      }
      if (node.title !== undefined && isUppercaseLine(text)) {
        node.title = `${node.title} ${text}`;
        return;
      }
      titleOpen = null;
    }

    const current = top();
    if (!current) {
      preamble.push(text);
      return;
    }

    const article = currentArticle();
    if (article) {
      const unit =
        openTiet(text, line, article) ?? openKhoan(text, line, article) ?? openDiem(text, line);
      if (unit) {
        trackQuotes(text, index, unit);
        return;
      }
      if (closingAllowed) {
        const start = isClosingStart(text);
        if (start) {
          closing.push(index);
          closingIsCertain = start.certain;
          return;
        }
      }
    } else {
      warn(
        line,
        `Đoạn văn nằm ngoài mọi điều: được giữ trong ${UNIT_NAMES[current.node.kind]} ${current.node.number}`,
      );
    }
    appendText(current.node, text);
    trackQuotes(text, index, current.node);
  };

  for (let i = cursor; i < lines.length; i++) handleLine(i, true);

  if (meta.issuer !== null && /^BAN CHẤP HÀNH TRUNG ƯƠNG$/iu.test(meta.issuer)) {
    // "/TW" headers all say Ban Chấp hành Trung ương; the preamble or signature names the body.
    const closingText = closing.map((i) => lines[i] ?? '').join('\n');
    const named =
      PARTY_BODY_IN_PREAMBLE.exec(preamble.join('\n'))?.[1] ??
      PARTY_BODY_IN_SIGNATURE.exec(closingText)?.[1];
    if (named !== undefined) meta.issuer = named;
  }

  const result: ParsedDocument = { meta, body: finishTree(body), warnings };
  if (headerLines.length > 0) result.header = headerLines.map((h) => h.text).join('\n');
  if (preamble.length > 0) result.preamble = preamble.join('\n');
  if (closing.length > 0) result.closing = closing.map((i) => lines[i] ?? '').join('\n');
  return result;
}

/**
 * Fixes anchors and key order. Units above articles are anchored by their chapter path;
 * the Phần joins that path only when chapter (or Mục) numbers restart in each Phần, since
 * otherwise the shorter anchor is already unique.
 */
function finishTree(body: LegalNode[]): LegalNode[] {
  const build = (withPhan: boolean, seen: Set<string>): { nodes: LegalNode[]; clash: boolean } => {
    let clash = false;
    const walk = (nodes: LegalNode[], path: StructureStep[]): LegalNode[] =>
      nodes.map((node) => {
        const step = { kind: node.kind, number: node.number };
        const ownPath = node.kind === 'phan' && !withPhan ? [step] : [...path, step];
        const childPath = node.kind === 'phan' && !withPhan ? [] : ownPath;
        const anchor = anchorFor(ownPath);
        if (RANK[node.kind] < RANK.dieu) {
          if (seen.has(anchor)) clash = true;
          seen.add(anchor);
        }
        return {
          kind: node.kind,
          number: node.number,
          ...(node.title === undefined ? {} : { title: node.title }),
          ...(node.text === undefined ? {} : { text: node.text }),
          anchor,
          line: node.line,
          children: walk(node.children, childPath),
        };
      });
    const nodes = walk(body, []);
    return { nodes, clash };
  };
  const plain = build(false, new Set());
  if (!plain.clash || !body.some((node) => node.kind === 'phan')) return plain.nodes;
  return build(true, new Set()).nodes;
}
