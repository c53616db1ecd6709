import type { Abbreviation } from '../../schemas/search.ts';
import { searchKey } from './normalize.ts';

/** Abbreviations compiled for matching: each form (as folded words) → the words it may stand for. */
export type AbbreviationTable = ReadonlyMap<string, readonly (readonly string[])[]>;

/** A run of query words that is an abbreviation or what one stands for. */
export interface AbbreviationSpan {
  start: number;
  /** Exclusive. */
  end: number;
  /** The other forms, as words to search for (lower-case, with diacritics). */
  replacements: readonly (readonly string[])[];
}

/** "Phòng, chống tham nhũng" → ["phòng", "chống", "tham", "nhũng"]. */
function words(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Both directions of every pair: "UBKT" → "ủy ban kiểm tra" and "ủy ban kiểm tra" → "ubkt". */
export function compileAbbreviations(entries: readonly Abbreviation[]): AbbreviationTable {
  const table = new Map<string, string[][]>();
  const add = (from: string, to: string) => {
    const key = searchKey(from);
    const replacement = words(to);
    const known = table.get(key) ?? [];
    if (!known.some((other) => other.join(' ') === replacement.join(' '))) known.push(replacement);
    table.set(key, known);
  };
  for (const { short, long } of entries) {
    add(short, long);
    add(long, short);
  }
  return table;
}

/**
 * Where abbreviations or their expansions stand in the query's words (`keys`: folded, one word
 * each), longest first and without overlaps.
 */
export function abbreviationSpans(
  keys: readonly string[],
  table: AbbreviationTable,
): AbbreviationSpan[] {
  let longest = 0;
  for (const key of table.keys()) longest = Math.max(longest, key.split(' ').length);
  const spans: AbbreviationSpan[] = [];
  let start = 0;
  while (start < keys.length) {
    let found: AbbreviationSpan | null = null;
    for (let length = Math.min(longest, keys.length - start); length > 0 && !found; length--) {
      const replacements = table.get(keys.slice(start, start + length).join(' '));
      if (replacements) found = { start, end: start + length, replacements };
    }
    if (found) {
      spans.push(found);
      start = found.end;
    } else {
      start++;
    }
  }
  return spans;
}
