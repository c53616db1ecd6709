import type { StructureKind } from '../../schemas/outline.ts';
import {
  REGULATION_TYPES,
  type Regulation,
  type RegulationType,
} from '../../schemas/regulation.ts';
import { foldVietnamese } from '../text/fold.ts';
import { arabicToRoman, romanToArabic, type StructureStep } from './anchor.ts';
import { formatVietnameseDate } from '../text/date.ts';
import { documentName } from './document.ts';
import { DIEM_LETTERS } from './parse.ts';
import { unitName } from './tree.ts';

/**
 * Vietnamese legal citations in running text: "điểm a khoản 2 Điều 5 Quy định 69-QĐ/TW",
 * "Khoản 1, Điều 19, Quy định số 22-QĐ/TW, ngày 28/7/2021", "khoản 1, 5 và 6 Điều 3",
 * "từ Điều 10 đến Điều 15", "dieu 5 qd 69". Matching runs on a folded copy of the text (no
 * case, no diacritics) whose offsets map back to the input.
 *
 * Rules for what is not a citation (a false link is worse than a missing one):
 * - a unit word needs a number: "Điều kiện", "điều chỉnh", "khoản vay", "1. Khoản tiền";
 * - "Điều này" alone is the common "this (thing)": it is relative only after a khoản/điểm;
 * - khoản/điểm without an article ("khoản 500 triệu") count only before a document
 *   ("khoản 2 QĐ 69", "khoản 2 Quy định này");
 * - with no document named, a chain with an article is a citation of the context document,
 *   or of none (slug null, with an error); a bare Chương/Mục/Phần counts only with a context
 *   document and a capital letter ("Chương II", not "chương 2 của giáo trình");
 * - a full type word before a bare number needs a capital ("Quy định 69", not "quy định 3
 *   trường hợp"), as do "Quy định này" (unless after "của"), a law named by its title and year
 *   ("Luật Đất đai 2024"), and a document named alone without a unit; abbreviations ("qd 69")
 *   and full numbers ("69-qđ/tw") match in any case;
 * - Roman numerals in a bare chain must be capitals ("Phần VI", not "phần vi phạm").
 */

/** What the text is part of: the targets of "Quy định này", "khoản 2 Điều này" and a bare "Điều 5". */
export interface CitationContext {
  /** Slug of the document the text is in. */
  document?: string | undefined;
  /** Number of the article the text is in, e.g. "5". */
  article?: string | undefined;
}

/** One cited unit; a list or range gives one per unit, all with the span of the expression. */
export interface Citation {
  /** The exact substring matched. */
  text: string;
  start: number;
  end: number;
  /** `raw` is the document part as written, "" when the document is implied by the context. */
  document: { raw: string; slug: string | null };
  /** Largest unit first; empty when the whole document is cited. */
  path: StructureStep[];
  /** Why the citation cannot be followed as written. */
  error?: string;
}

/** A regulation as the grammar needs it (a subset of the content entry). */
export interface CitableDocument {
  id: string;
  data: Pick<Regulation, 'type' | 'number' | 'citeAs' | 'aliases' | 'issuedAt'>;
}

interface KnownDocument {
  name: string;
  type: RegulationType;
  issuedAt: string | null;
  year: string | null;
  /** Party numbers restart every term: the date tells two documents with one number apart. */
  renumbered: boolean;
}

/** Everything needed to find citations of a set of documents, compiled once. */
export interface CitationGrammar {
  readonly documents: ReadonlyMap<string, KnownDocument>;
  /** Folded name → slugs: aliases, citeAs, "type number". */
  readonly names: ReadonlyMap<string, readonly string[]>;
  /** Folded full number ("69-qd/tw", "73/2023/nd-cp") → slugs. */
  readonly numbers: ReadonlyMap<string, readonly string[]>;
  /** "type|short number" ("Quy định|69", "Nghị định|73/2023") → slugs. */
  readonly shortNumbers: ReadonlyMap<string, readonly string[]>;
  readonly namePattern: RegExp | null;
  /** Where a citation may start; everything else is skipped without running the grammar. */
  readonly starts: RegExp;
}

/** Ranges and lists expand to at most this many citations per expression. */
export const MAX_EXPANSION = 200;

type UnitWord = 'diem' | 'tiet' | 'khoan' | 'dieu' | 'tieu muc' | 'muc' | 'chuong' | 'phan';

// Rank orders a chain, smallest first; a tiết sits between khoản and điểm.
const UNIT_WORDS: Readonly<Record<UnitWord, { kind: StructureKind; rank: number }>> = {
  diem: { kind: 'diem', rank: 0 },
  tiet: { kind: 'khoan', rank: 1 },
  khoan: { kind: 'khoan', rank: 2 },
  dieu: { kind: 'dieu', rank: 3 },
  'tieu muc': { kind: 'tieu-muc', rank: 4 },
  muc: { kind: 'muc', rank: 5 },
  chuong: { kind: 'chuong', rank: 6 },
  phan: { kind: 'phan', rank: 7 },
};
const ARTICLE_RANK = 3;

// Folded text is lower-case ASCII for every Vietnamese letter, so `[a-z0-9]` is a word character.
const NOT_WORD = '(?![a-z0-9])';
const NUMBER_END = '(?![a-z0-9]|[.,]\\d)';
const ROMAN_OR_DIGITS = `(?:\\d{1,3}|[ivxlc]{1,7})${NUMBER_END}`;
const UNIT_WORD_PATTERN = 'diem|tiet|khoan|dieu|tieu\\s+muc|muc|chuong|phan';
const UNIT = new RegExp(`(${UNIT_WORD_PATTERN})(?![a-z])\\s*`, 'y');
const NUMBERS: Readonly<Record<UnitWord, RegExp>> = {
  diem: new RegExp(`[${DIEM_LETTERS.replace('đ', '')}]${NOT_WORD}`, 'y'),
  tiet: new RegExp(`\\d{1,3}(?:\\.\\d{1,3})*${NUMBER_END}`, 'y'),
  // A dotted khoản ("1.1") is a tiết; "2.000.000 đồng" is money and fails NUMBER_END.
  khoan: new RegExp(`\\d{1,3}(?:\\.\\d{1,2})?${NUMBER_END}`, 'y'),
  dieu: new RegExp(`\\d{1,4}[a-z]?${NUMBER_END}`, 'y'),
  'tieu muc': new RegExp(ROMAN_OR_DIGITS, 'y'),
  muc: new RegExp(ROMAN_OR_DIGITS, 'y'),
  chuong: new RegExp(ROMAN_OR_DIGITS, 'y'),
  phan: new RegExp(ROMAN_OR_DIGITS, 'y'),
};
const ORDINAL_START = /thu\s+/y;
const SPACES = /\s+/y;
const ORDINAL_WORD = /(nhat|mot|hai|ba|tu|bon|nam|lam|sau|bay|tam|chin|muoi)(?![a-z0-9])/y;
const ORDINAL_VALUES: Readonly<Record<string, number>> = {
  nhat: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  tu: 4,
  bon: 4,
  nam: 5,
  lam: 5,
  sau: 6,
  bay: 7,
  tam: 8,
  chin: 9,
};
const RANGE_SEP = /\s*(?:den|toi|-|–|—)\s*/y;
// Between items of a list, and between chains that share the document after the last one.
const LIST_SEP = /\s*,\s*(?:va\s+|hoac\s+)?|\s+(?:va|hoac)\s+/y;
const CHAIN_SEP = /(?:\s*,\s*|\s+)(cua\s+)?/y;
const FROM = /tu\s+/y;
const THIS_ARTICLE = /dieu\s+nay(?![a-z0-9])/y;

// Type words as folded in text, with the types they may name.
const FULL_TYPES = new Map<string, readonly RegulationType[]>(
  REGULATION_TYPES.map((type) => [foldVietnamese(type), [type]]),
);
const ABBREVIATIONS = new Map<string, readonly RegulationType[]>([
  ['qd', ['Quy định', 'Quyết định']],
  ['nd', ['Nghị định']],
  ['tt', ['Thông tư']],
  ['kl', ['Kết luận']],
  ['hd', ['Hướng dẫn']],
  ['nq', ['Nghị quyết']],
  ['ct', ['Chỉ thị']],
]);
const ANY_DOCUMENT = 'van ban';
// Laws and charters are cited by name or full number, never "Luật 25".
const NO_SHORT_NUMBER = new Set(['luat', 'bo luat', 'dieu le', ANY_DOCUMENT]);

const alternation = (words: Iterable<string>) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((word) => escapeRegExp(word).replace(/ /g, '\\s+'))
    .join('|');
const FULL_TYPE_WORDS = alternation([...FULL_TYPES.keys(), ANY_DOCUMENT]);
const TYPE_WORDS = alternation([...FULL_TYPES.keys(), ...ABBREVIATIONS.keys(), ANY_DOCUMENT]);

const DOCUMENT_NUMBER = [
  '\\d+\\/\\d{4}\\/[a-z0-9]+(?:-[a-z0-9]+)*', // 73/2023/nd-cp, 25/2018/qh14
  '\\d+-[a-z]+\\/[a-z]+(?:-[a-z]+)?', // 69-qd/tw, 05-hd/ubkttw
  '\\d+\\/[a-z]+(?:-[a-z0-9]+)+', // 123/qd-ttg
  '\\d+(?:\\/\\d{4})?', // 69, 73/2023: needs the registry
].join('|');
const NAME_END = '(?![a-z0-9]|[\\/-][a-z0-9])';
const THIS_DOCUMENT = new RegExp(`(${FULL_TYPE_WORDS})\\s+nay${NOT_WORD}`, 'y');
const NUMBERED = new RegExp(
  `(${TYPE_WORDS})(?:\\s+so)?\\s*:?\\s*(${DOCUMENT_NUMBER})${NAME_END}`,
  'y',
);
// A law by its title and year, "Luật Đất đai 2024": the title's first word has a capital.
const TITLED = new RegExp(
  `(?:hien\\s+phap|(?:bo\\s+)?luat\\s+([a-z]+),?(?:\\s+[a-z]+,?){0,11}?)\\s+(?:nam\\s+)?\\d{4}${NOT_WORD}`,
  'dy',
);
// A type word before a name the registry does not know, "Luật Thanh tra" (not "Quy định chung").
const UNNAMED = new RegExp(`(?:${FULL_TYPE_WORDS}|hien\\s+phap)\\s+([a-z]+)${NOT_WORD}`, 'dy');
const DATE =
  /\s*,?\s*(?:ban\s+hanh\s+)?ngay\s+(\d{1,2})(?:\s*[/.-]\s*|\s+thang\s+)(\d{1,2})(?:\s*[/.-]\s*|\s+nam\s+)(\d{4})(?![0-9])/y;
const YEAR = /\s+(?:nam\s+)?(\d{4})(?![a-z0-9])/y;

/** Text as quoted in a message: line breaks and runs of spaces become one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** The form names are compared in: "Luật CB, CC 2008" → "luat cb,cc 2008". */
function nameKey(text: string): string {
  return foldedNameKey(foldVietnamese(text));
}

function foldedNameKey(folded: string): string {
  return folded
    .trim()
    .replace(/\s*,\s*/g, ',')
    .replace(/\s+/g, ' ');
}

function add(map: Map<string, string[]>, key: string, slug: string): void {
  const slugs = map.get(key);
  if (!slugs) map.set(key, [slug]);
  else if (!slugs.includes(slug)) slugs.push(slug);
}

/** Compiles the names, numbers and patterns of `documents`; build it once and reuse it. */
export function compileCitationGrammar(documents: readonly CitableDocument[]): CitationGrammar {
  const known = new Map<string, KnownDocument>();
  const names = new Map<string, string[]>();
  const numbers = new Map<string, string[]>();
  const shortNumbers = new Map<string, string[]>();
  for (const { id, data } of documents) {
    const number = data.number ? foldVietnamese(data.number) : null;
    const year =
      data.issuedAt?.slice(0, 4) ??
      number?.match(/\/(\d{4})\//)?.[1] ??
      data.citeAs?.match(/(\d{4})$/)?.[1] ??
      null;
    known.set(id, {
      name: documentName(data),
      type: data.type,
      issuedAt: data.issuedAt ?? null,
      year,
      renumbered: number !== null && /^\d+-/.test(number),
    });
    for (const name of [
      documentName(data),
      ...(data.citeAs ? [data.citeAs] : []),
      ...data.aliases,
    ]) {
      add(names, nameKey(name), id);
    }
    if (number) {
      add(numbers, number, id);
      const short = number.match(/^(\d+)(?:\/(\d{4})\/)?/);
      if (short?.[1]) {
        add(shortNumbers, `${data.type}|${Number(short[1])}`, id);
        if (short[2]) add(shortNumbers, `${data.type}|${Number(short[1])}/${short[2]}`, id);
      }
    }
  }
  const firstWords = [...names.keys()].map((key) => key.split(/[ ,]/)[0] ?? key);
  const typeFirstWords = [...FULL_TYPES.keys(), ...ABBREVIATIONS.keys(), ANY_DOCUMENT].map(
    (word) => word.split(' ')[0] ?? word,
  );
  const starts = new RegExp(
    `(?<![a-z0-9])(?:tu\\s+(?=${UNIT_WORD_PATTERN}))?(?:${UNIT_WORD_PATTERN}|${alternation([
      ...typeFirstWords,
      ...firstWords,
    ])})(?![a-z])`,
    'g',
  );
  const namePattern = names.size
    ? new RegExp(
        `(${[...names.keys()]
          .sort((a, b) => b.length - a.length)
          .map((key) => escapeRegExp(key).replace(/,/g, '\\s*,\\s*').replace(/ /g, '\\s+'))
          .join('|')})${NAME_END}`,
        'y',
      )
    : null;
  return { documents: known, names, numbers, shortNumbers, namePattern, starts };
}

/** Finds generic forms only ("Quy định số 22-QĐ/TW"); names and short numbers need a registry. */
export const GENERIC_GRAMMAR = compileCitationGrammar([]);

/**
 * Every citation in `text`, in order. `grammar` knows the documents' names and numbers;
 * `context` says which document (and article) the text is in, for relative citations.
 */
export function findCitations(
  text: string,
  context: CitationContext = {},
  grammar: CitationGrammar = GENERIC_GRAMMAR,
): Citation[] {
  return new Scanner(text, context, grammar).run();
}

// ---------------------------------------------------------------------------------------------

/** The folded text, and for each folded position the input offset it came from. */
interface FoldedText {
  text: string;
  origin: Uint32Array;
}

// Folded UTF-16 units above ASCII, filled on first use: 0 unknown, DROPPED for combining marks.
const FOLDED = new Uint16Array(0x10000);
const DROPPED = 0xffff;
const UTF16 = new TextDecoder('utf-16le');

function foldUnit(code: number): number {
  const text = foldVietnamese(String.fromCharCode(code));
  const folded = text.length ? text.charCodeAt(0) : DROPPED;
  FOLDED[code] = folded;
  return folded;
}

// Folding unit by unit (not foldVietnamese on the whole string) keeps a map back to the input.
function foldWithOrigin(input: string): FoldedText {
  const codes = new Uint16Array(input.length);
  const origin = new Uint32Array(input.length + 1);
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    let code = input.charCodeAt(i);
    if (code >= 0x80) {
      code = FOLDED[code] || foldUnit(code);
      if (code === DROPPED) continue;
    } else if (code >= 65 && code <= 90) {
      code += 32;
    }
    codes[length] = code;
    origin[length++] = i;
  }
  origin[length] = input.length;
  return { text: UTF16.decode(codes.subarray(0, length)), origin };
}

interface NumberToken {
  start: number;
  end: number;
  /** Normalised: "5a", "1.1", "đ", "VII"; an ordinal ("thứ hai") becomes "2". */
  value: string;
  roman: boolean;
  /** Written in capitals (matters for Roman numerals in a bare chain). */
  upper: boolean;
}

interface Group {
  word: UnitWord;
  kind: StructureKind;
  rank: number;
  start: number;
  end: number;
  items: { from: NumberToken; to?: NumberToken }[];
  /** "Điều này": the context article. */
  thisArticle?: true;
}

interface Chain {
  start: number;
  end: number;
  /** Smallest first, whichever order it was written in. */
  groups: Group[];
}

interface DocumentMatch {
  end: number;
  raw: string;
  slug: string | null;
  error?: string;
}

class Scanner {
  readonly input: string;
  readonly folded: string;
  readonly origin: Uint32Array;
  readonly context: CitationContext;
  readonly grammar: CitationGrammar;
  readonly found: Citation[] = [];

  constructor(input: string, context: CitationContext, grammar: CitationGrammar) {
    const { text, origin } = foldWithOrigin(input);
    this.input = input;
    this.folded = text;
    this.origin = origin;
    this.context = context;
    this.grammar = grammar;
  }

  run(): Citation[] {
    const starts = this.grammar.starts;
    starts.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = starts.exec(this.folded)) !== null) {
      const end = this.citationAt(match.index);
      if (end > 0) starts.lastIndex = end;
    }
    return this.found;
  }

  at(pattern: RegExp, position: number): RegExpExecArray | null {
    pattern.lastIndex = position;
    return pattern.exec(this.folded);
  }

  /** The input behind folded positions start..end. */
  original(start: number, end: number): string {
    return this.input.slice(this.origin[start], this.origin[end]);
  }

  capitalAt(position: number): boolean {
    const char = this.input[this.origin[position] ?? 0] ?? '';
    return char !== char.toLowerCase();
  }

  /** Parses a citation starting at `position`; returns where it ends, or -1. */
  citationAt(position: number): number {
    let chain = this.chainAt(position);
    if (!chain) return this.documentAlone(position);
    const chains: Chain[] = [];
    let document: DocumentMatch | null = null;
    while (chain) {
      chains.push(chain);
      if (chain.groups.at(-1)?.thisArticle) break;
      const separator = this.at(CHAIN_SEP, chain.end);
      if (separator)
        document = this.documentAt(separator.index + separator[0].length, 'after', !!separator[1]);
      if (document) break;
      // "khoản 1 Điều 3 và khoản 2 Điều 5 Luật X": both chains cite Luật X.
      const next = this.at(LIST_SEP, chain.end);
      chain = next ? this.chainAt(next.index + next[0].length) : null;
    }
    let end = -1;
    chains.forEach((each, index) => {
      const last = index === chains.length - 1;
      const spanEnd = last && document ? document.end : each.end;
      if (this.emit(each, document, spanEnd)) end = spanEnd;
    });
    return end;
  }

  chainAt(position: number): Chain | null {
    const from = this.at(FROM, position);
    const first = this.groupAt(from ? position + from[0].length : position);
    if (!first) return null;
    // "từ" belongs to the citation only when a range follows it.
    const start = from && first.items[0]?.to ? position : first.start;
    const groups = [first];
    let end = first.end;
    // Smallest unit first, as the law writes it, or largest first, as people also do:
    // "Điều 32 khoản 1", "Điều 5, khoản 2, điểm a".
    let largestFirst: boolean | null = null;
    for (;;) {
      const last = groups[groups.length - 1] ?? first;
      const separator = this.at(CHAIN_SEP, end);
      if (!separator) break;
      const next = separator.index + separator[0].length;
      if (last.rank < ARTICLE_RANK && !largestFirst) {
        const here = this.at(THIS_ARTICLE, next);
        if (here) {
          const stop = next + here[0].length;
          groups.push({
            word: 'dieu',
            kind: 'dieu',
            rank: ARTICLE_RANK,
            start: next,
            end: stop,
            items: [],
            thisArticle: true,
          });
          end = stop;
          break;
        }
      }
      const group = this.groupAt(next);
      if (!group || group.rank === last.rank) break;
      // "Điều 5, khoản 2 Điều 6" is two citations, Điều 5 and khoản 2 Điều 6.
      largestFirst ??= group.rank < last.rank && !this.climbsAfter(group);
      if (largestFirst !== group.rank < last.rank) break;
      groups.push(group);
      end = group.end;
    }
    return { start, end, groups: largestFirst ? groups.reverse() : groups };
  }

  /** Whether a larger unit follows `group`, as in "khoản 2 Điều 6". */
  climbsAfter(group: Group): boolean {
    const separator = this.at(CHAIN_SEP, group.end);
    const next = separator && this.groupAt(separator.index + separator[0].length);
    return !!next && next.rank > group.rank;
  }

  groupAt(position: number): Group | null {
    const unit = this.at(UNIT, position);
    if (!unit?.[1]) return null;
    const word = unit[1].replace(/\s+/g, ' ') as UnitWord;
    const first = this.numberAt(word, position + unit[0].length);
    if (!first) return null;
    const items: Group['items'] = [{ from: first }];
    let end = first.end;
    for (;;) {
      const item = items[items.length - 1];
      const range = item && !item.to ? this.at(RANGE_SEP, end) : null;
      const to = range && this.repeatedNumberAt(word, range.index + range[0].length);
      if (item && to) {
        item.to = to;
        end = to.end;
        continue;
      }
      const list = this.at(LIST_SEP, end);
      const next = list && this.repeatedNumberAt(word, list.index + list[0].length);
      if (!next) break;
      items.push({ from: next });
      end = next.end;
    }
    const { kind, rank } = UNIT_WORDS[word];
    // "khoản 1.1" is a tiết whatever word is used.
    const dotted = word === 'khoan' && first.value.includes('.');
    return { word, kind, rank: dotted ? UNIT_WORDS.tiet.rank : rank, start: position, end, items };
  }

  /** A number in a list or range, optionally after the same unit word: "Điều 4, Điều 5". */
  repeatedNumberAt(word: UnitWord, position: number): NumberToken | null {
    const unit = this.at(UNIT, position);
    if (unit?.[1] && unit[1].replace(/\s+/g, ' ') !== word) return null;
    return this.numberAt(word, unit ? position + unit[0].length : position);
  }

  numberAt(word: UnitWord, position: number): NumberToken | null {
    if (word === 'chuong' || word === 'phan') {
      const ordinal = this.ordinalAt(position);
      if (ordinal) return ordinal;
    }
    const match = this.at(NUMBERS[word], position);
    if (!match) return null;
    const end = position + match[0].length;
    const folded = match[0];
    if (word === 'diem') {
      // The input tells điểm đ from điểm d; the folded text does not.
      const letter = this.original(position, end).normalize('NFC').toLowerCase();
      return { start: position, end, value: letter, roman: false, upper: false };
    }
    if (/^[ivxlc]+$/.test(folded)) {
      const written = this.original(position, end);
      const value = folded.toUpperCase();
      return { start: position, end, value, roman: true, upper: written === value };
    }
    const value = folded.replace(/\d+/g, (digits) => String(Number(digits)));
    return { start: position, end, value, roman: false, upper: false };
  }

  /** "thứ hai", "thứ mười một", "thu hai muoi" (folded: mười and mươi are both "muoi"). */
  ordinalAt(position: number): NumberToken | null {
    const start = this.at(ORDINAL_START, position);
    if (!start) return null;
    let cursor = position + start[0].length;
    let tens = 0;
    let units = 0;
    let seenTens = false;
    let end = -1;
    for (;;) {
      const word = this.at(ORDINAL_WORD, cursor)?.[1];
      if (!word) break;
      if (word === 'muoi') {
        if (seenTens) break;
        tens = units === 0 ? 1 : units;
        units = 0;
        seenTens = true;
      } else {
        if (units !== 0) break;
        units = ORDINAL_VALUES[word] ?? 0;
      }
      end = cursor + word.length;
      const space = this.at(SPACES, end);
      if (!space) break;
      cursor = end + space[0].length;
    }
    if (end < 0) return null;
    return { start: position, end, value: String(tens * 10 + units), roman: false, upper: true };
  }

  /**
   * The document at `position`. After a chain ("Điều 5 …") more forms count than alone, where
   * a false positive would turn ordinary prose into a link.
   */
  documentAt(position: number, mode: 'after' | 'alone', followsCua = false): DocumentMatch | null {
    const capital = this.capitalAt(position);
    const relative = this.at(THIS_DOCUMENT, position);
    if (relative?.[1] && (capital || followsCua)) {
      return this.relativeDocument(position, relative[1], position + relative[0].length, mode);
    }
    const named = this.grammar.namePattern && this.at(this.grammar.namePattern, position);
    if (named?.[1] && (mode === 'after' || capital)) {
      let end = position + named[0].length;
      let slugs = this.grammar.names.get(foldedNameKey(named[1])) ?? [];
      // "Luật Khiếu nại năm 2020" is not the 2011 law the alias "Luật Khiếu nại" names.
      const year = this.at(YEAR, end);
      if (year?.[1]) {
        const written = year[1];
        slugs = slugs.filter(
          (slug) => (this.grammar.documents.get(slug)?.year ?? written) === written,
        );
        end += year[0].length;
      }
      return this.identified(position, end, slugs);
    }
    const numbered = this.at(NUMBERED, position);
    if (numbered?.[1] && numbered[2]) {
      const typeWord = numbered[1].replace(/\s+/g, ' ');
      const number = numbered[2];
      const short = /^\d+(?:\/\d{4})?$/.test(number);
      const abbreviation = ABBREVIATIONS.get(typeWord);
      if (!short || (!NO_SHORT_NUMBER.has(typeWord) && (abbreviation || capital))) {
        const slugs = short
          ? (abbreviation ?? FULL_TYPES.get(typeWord) ?? []).flatMap(
              (type) =>
                this.grammar.shortNumbers.get(
                  `${type}|${number.replace(/\d+/, (n) => String(Number(n)))}`,
                ) ?? [],
            )
          : (this.grammar.numbers.get(number) ?? []);
        return this.identified(position, position + numbered[0].length, slugs);
      }
    }
    if (mode === 'alone' || !capital) return null;
    const titled = this.at(TITLED, position);
    const titleStart = titled?.indices?.[1]?.[0];
    if (titled && (titleStart === undefined || this.capitalAt(titleStart))) {
      const end = position + titled[0].length;
      return { end, raw: this.original(position, end), slug: null };
    }
    const unnamed = this.at(UNNAMED, position);
    const nameStart = unnamed?.indices?.[1]?.[0];
    if (unnamed && nameStart !== undefined && this.capitalAt(nameStart)) {
      const end = position + unnamed[0].length;
      const raw = this.original(position, end);
      return {
        end,
        raw,
        slug: null,
        error: `không rõ "${oneLine(raw)}…" là văn bản nào: ghi kèm số hiệu (69-QĐ/TW) hoặc năm ban hành (Luật Tố cáo 2018)`,
      };
    }
    return null;
  }

  /** "Quy định này", "Luật này": the context document, when its type agrees. */
  relativeDocument(
    start: number,
    typeWord: string,
    end: number,
    mode: 'after' | 'alone',
  ): DocumentMatch | null {
    const slug = this.context.document ?? null;
    const known = slug === null ? undefined : this.grammar.documents.get(slug);
    const word = typeWord.replace(/\s+/g, ' ');
    const mismatch =
      known !== undefined && word !== ANY_DOCUMENT && foldVietnamese(known.type) !== word;
    if (mode === 'alone' && (slug === null || mismatch)) return null;
    const match: DocumentMatch = { end, raw: '', slug: mismatch ? null : slug };
    const written = oneLine(this.original(start, end));
    if (slug === null) match.error = `"${written}" cần biết văn bản đang xem`;
    else if (mismatch) match.error = `"${written}" không khớp văn bản đang xem (${known.name})`;
    return match;
  }

  /** A named or numbered document; the date after it picks among Party documents sharing a number. */
  identified(start: number, nameEnd: number, candidates: readonly string[]): DocumentMatch {
    const date = this.at(DATE, nameEnd);
    const end = date ? nameEnd + date[0].length : nameEnd;
    const raw = this.original(start, end);
    let slugs = candidates;
    if (date?.[1] && date[2] && date[3]) {
      const iso = `${date[3]}-${date[2].padStart(2, '0')}-${date[1].padStart(2, '0')}`;
      slugs = slugs.filter((slug) => {
        const known = this.grammar.documents.get(slug);
        return !known?.renumbered || known.issuedAt === null || known.issuedAt === iso;
      });
    }
    if (slugs.length === 1) return { end, raw, slug: slugs[0] ?? null };
    const issued = (list: readonly string[]) =>
      list.map((slug) => {
        const known = this.grammar.documents.get(slug);
        const day = known?.issuedAt ? ` ngày ${formatVietnameseDate(known.issuedAt)}` : '';
        return `${known?.name ?? slug}${day}`;
      });
    if (slugs.length === 0) {
      // The number is known but the date is not: another term's document with the same number.
      return candidates.length && date
        ? {
            end,
            raw,
            slug: null,
            error: `không tìm thấy văn bản "${oneLine(raw)}"; trên trang chỉ có ${issued(candidates).join(', ')}`,
          }
        : { end, raw, slug: null };
    }
    return {
      end,
      raw,
      slug: null,
      error: `"${oneLine(raw)}" có thể là ${issued(slugs).join(' hoặc ')}: ghi kèm số hiệu đầy đủ và ngày ban hành`,
    };
  }

  /** A document named without any unit: "Luật số 25/2018/QH14", "QĐ 69", "Quy định này". */
  documentAlone(position: number): number {
    const document = this.documentAt(position, 'alone');
    if (!document) return -1;
    this.push(position, document.end, document, [], document.error);
    return document.end;
  }

  /** Adds the citations of one chain; false when the chain is not a citation by the rules above. */
  emit(chain: Chain, document: DocumentMatch | null, end: number): boolean {
    const top = chain.groups[chain.groups.length - 1];
    if (!top) return false;
    const thisArticle = top.thisArticle === true;
    if (!document && !thisArticle && !this.bareChainCounts(chain, top)) return false;
    let error = document?.error;
    if (!document && this.context.document === undefined) {
      error = `chưa rõ "${oneLine(this.original(chain.start, chain.end))}" thuộc văn bản nào: ghi kèm tên hoặc số hiệu văn bản`;
    }
    if (thisArticle && this.context.article === undefined)
      error = '"Điều này" cần biết điều đang xem';
    const target = document ?? { raw: '', slug: this.context.document ?? null };
    const expanded = this.expand(chain);
    if (typeof expanded === 'string') {
      const first = chain.groups
        .map((group) => this.step(group, group.items[0]?.from.value ?? ''))
        .reverse();
      this.push(chain.start, end, target, first, error ?? expanded);
    } else {
      for (const path of expanded) this.push(chain.start, end, target, path, error);
    }
    return true;
  }

  /** A chain with no document: an article counts; above it only with capitals and a context. */
  bareChainCounts(chain: Chain, top: Group): boolean {
    if (top.rank === ARTICLE_RANK) return true;
    if (top.rank < ARTICLE_RANK || this.context.document === undefined) return false;
    return chain.groups.every(
      (group) =>
        group.rank <= ARTICLE_RANK ||
        (this.capitalAt(group.start) &&
          group.items.every(
            ({ from, to }) => (!from.roman || from.upper) && (!to?.roman || to.upper),
          )),
    );
  }

  step(group: Group, value: string): StructureStep {
    if (group.thisArticle) return { kind: 'dieu', number: this.context.article ?? 'này' };
    return { kind: group.kind, number: value };
  }

  /** Every path a chain names, largest unit first; a string says why it cannot be expanded. */
  expand(chain: Chain): StructureStep[][] | string {
    if (chain.groups.every((group) => group.items.length <= 1 && !group.items[0]?.to)) {
      const path: StructureStep[] = [];
      for (let i = chain.groups.length - 1; i >= 0; i--) {
        const group = chain.groups[i];
        if (group) path.push(this.step(group, group.items[0]?.from.value ?? ''));
      }
      return [path];
    }
    let paths: StructureStep[][] = [[]];
    for (const group of [...chain.groups].reverse()) {
      const values: string[] = [];
      if (group.thisArticle) values.push('');
      for (const item of group.items) {
        if (!item.to) {
          values.push(item.from.value);
          continue;
        }
        const range = expandRange(group.word, item.from, item.to);
        if (typeof range === 'string') return range;
        values.push(...range);
      }
      if (paths.length * values.length > MAX_EXPANSION) {
        return `trích dẫn gồm hơn ${MAX_EXPANSION} đơn vị, quá giới hạn: hãy chia nhỏ`;
      }
      paths = paths.flatMap((path) => values.map((value) => [...path, this.step(group, value)]));
    }
    return paths;
  }

  push(
    start: number,
    end: number,
    document: { raw: string; slug: string | null },
    path: StructureStep[],
    error: string | undefined,
  ): void {
    const from = this.origin[start] ?? 0;
    const to = this.origin[end] ?? this.input.length;
    const citation: Citation = {
      text: this.input.slice(from, to),
      start: from,
      end: to,
      document: { raw: document.raw, slug: document.slug },
      path,
    };
    if (error) citation.error = error;
    this.found.push(citation);
  }
}

/** The values from `from` to `to`, or why not. */
function expandRange(word: UnitWord, from: NumberToken, to: NumberToken): string[] | string {
  let bounds: { first: number; last: number; format: (value: number) => string } | null = null;
  if (word === 'diem') {
    const first = DIEM_LETTERS.indexOf(from.value);
    const last = DIEM_LETTERS.indexOf(to.value);
    if (first >= 0 && last >= 0)
      bounds = { first, last, format: (index) => DIEM_LETTERS[index] ?? '' };
  } else if (from.roman && to.roman) {
    bounds = {
      first: romanToArabic(from.value) ?? 0,
      last: romanToArabic(to.value) ?? 0,
      format: arabicToRoman,
    };
  } else {
    // Plain numbers, or tiết of one khoản: "1.1 đến 1.4"; not inserted articles ("5a").
    const a = from.value.match(/^((?:\d+\.)*)(\d+)$/);
    const b = to.value.match(/^((?:\d+\.)*)(\d+)$/);
    if (a && b && a[1] === b[1]) {
      const prefix = a[1] ?? '';
      bounds = { first: Number(a[2]), last: Number(b[2]), format: (value) => `${prefix}${value}` };
    }
  }
  const label = `"từ ${unitName({ kind: UNIT_WORDS[word].kind, number: from.value })} đến ${unitName({ kind: UNIT_WORDS[word].kind, number: to.value })}"`;
  if (!bounds) return `không hiểu khoảng ${label}`;
  const { first, last, format } = bounds;
  const count = last - first + 1;
  if (count < 1) return `khoảng ${label} ngược thứ tự`;
  if (count > MAX_EXPANSION)
    return `khoảng ${label} gồm ${count} đơn vị, quá giới hạn ${MAX_EXPANSION}: hãy chia nhỏ`;
  return Array.from({ length: count }, (_, index) => format(first + index));
}
