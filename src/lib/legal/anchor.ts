import type { StructureKind } from '../../schemas/outline.ts';
import { ownValue } from '../own.ts';

/** One step of a path through a document: `{ kind: 'dieu', number: '5' }`. */
export interface StructureStep {
  kind: StructureKind;
  number: string;
}

const ROMAN_DIGITS: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
const ROMAN = /^[IVXLC]+$/;

/** "XIV" → 14; null for anything that is not a Roman numeral. */
export function romanToArabic(roman: string): number | null {
  const text = roman.toUpperCase();
  if (!ROMAN.test(text)) return null;
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = ROMAN_DIGITS[text[i] ?? ''] ?? 0;
    const next = ROMAN_DIGITS[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const ROMAN_VALUES: readonly [number, string][] = [
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** 14 → "XIV". */
export function arabicToRoman(value: number): string {
  let rest = value;
  let roman = '';
  for (const [amount, letters] of ROMAN_VALUES) {
    while (rest >= amount) {
      roman += letters;
      rest -= amount;
    }
  }
  return roman;
}

// Ordinals as written after "thứ" in "Chương thứ hai", "Phần thứ mười một".
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  nhất: 1,
  một: 1,
  mốt: 1,
  hai: 2,
  ba: 3,
  tư: 4,
  bốn: 4,
  năm: 5,
  lăm: 5,
  sáu: 6,
  bảy: 7,
  bẩy: 7,
  tám: 8,
  chín: 9,
};

/**
 * The value of Vietnamese number words: "hai" → 2, "mười một" → 11, "hai mươi tư" → 24.
 * Returns null unless every word is a number word.
 */
export function vietnameseNumberWords(words: readonly string[]): number | null {
  if (words.length === 0) return null;
  let tens = 0;
  let units = 0;
  let seenTens = false;
  for (const raw of words) {
    const word = raw.toLocaleLowerCase('vi');
    if (word === 'mười') {
      if (seenTens) return null;
      tens = 1;
      seenTens = true;
    } else if (word === 'mươi') {
      if (seenTens || units === 0) return null;
      tens = units;
      units = 0;
      seenTens = true;
    } else {
      const value = ownValue(NUMBER_WORDS, word);
      if (value === undefined || units !== 0) return null;
      units = value;
    }
  }
  return tens * 10 + units;
}

/** "II" → "2", "thứ hai" → "2", "3" → "3"; anything else is returned folded to ASCII. */
export function arabicNumber(number: string): string {
  const text = number.trim();
  if (/^\d+$/.test(text)) return String(Number(text));
  const roman = romanToArabic(text);
  if (roman !== null) return String(roman);
  const words = text.split(/\s+/);
  if (words[0]?.toLocaleLowerCase('vi') === 'thứ') {
    const value = vietnameseNumberWords(words.slice(1));
    if (value !== null) return String(value);
  }
  return asciiSegment(text);
}

/** Lower-case ASCII for an anchor: đ becomes "dd" so that điểm đ and điểm d stay distinct. */
function asciiSegment(text: string): string {
  return text
    .toLocaleLowerCase('vi')
    .replace(/đ/g, 'dd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The HTML anchor of a unit, from its path (largest unit first):
 * `dieu-5`, `dieu-5a`, `dieu-5-khoan-1`, `dieu-5-khoan-1-diem-dd`, a tiết `dieu-5-khoan-1-1`,
 * `chuong-2`, `chuong-2-muc-1-tieu-muc-1`. Article numbers are unique in a document, so a path
 * through an article starts at the article; numerals above articles become arabic.
 */
export function anchorFor(path: readonly StructureStep[]): string {
  let start = 0;
  for (let i = path.length - 1; i >= 0; i--) {
    if (path[i]?.kind === 'dieu') {
      start = i;
      break;
    }
  }
  const segments: string[] = [];
  let previous: StructureKind | undefined;
  for (const { kind, number } of path.slice(start)) {
    if (kind === 'khoan' && number.includes('.')) {
      // A tiết ("1.1") carries its khoản in its own number: `khoan-1-1`, not `khoan-1-khoan-1-1`.
      if (previous === 'khoan') segments.pop();
      segments.push(`khoan-${number.split('.').map(asciiSegment).join('-')}`);
    } else if (kind === 'dieu' || kind === 'khoan' || kind === 'diem') {
      segments.push(`${kind}-${asciiSegment(number)}`);
    } else {
      segments.push(`${kind}-${arabicNumber(number)}`);
    }
    previous = kind;
  }
  return segments.join('-');
}
