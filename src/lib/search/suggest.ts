import { ownValue } from '../own.ts';
import { foldVietnamese } from '../text/fold.ts';
import { cleanQuery } from './normalize.ts';

/**
 * Each word without marks → its spelling with marks most often seen on the site ("dang" →
 * "đảng"). Vietnamese has a few thousand syllables, so the table stays small however many pages
 * there are (2.6 KB gzip here); it is fetched only for a query typed without marks, to rank the
 * likely spelling first and to suggest it when nothing is found.
 */
export type DiacriticsTable = Readonly<Record<string, string>>;

export const DIACRITICS_TABLE_PATH = '/search/syllables.json';

/** "Kỷ luật Đảng" → "ky luat dang". */
export function withoutDiacritics(query: string): string {
  return foldVietnamese(cleanQuery(query));
}

/** "ky luat dang" → "kỷ luật đảng"; null when no word can be given its marks. */
export function withDiacritics(query: string, table: DiacriticsTable): string | null {
  let changed = false;
  const words = cleanQuery(query)
    .split(' ')
    .map((word) => {
      const spelled = ownValue(table, word.toLowerCase());
      if (spelled === undefined) return word;
      changed = true;
      return spelled;
    });
  return changed ? words.join(' ') : null;
}

/** Word → spelling → how often; filled page by page at build time. */
export type WordCounts = Map<string, Map<string, number>>;

export function countWords(text: string, counts: WordCounts): void {
  for (const word of text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .match(/\p{L}+/gu) ?? []) {
    // A syllable has at most seven letters ("nghiêng"); longer words are not Vietnamese.
    if (word.length > 7) continue;
    const key = foldVietnamese(word);
    if (!/^[a-z]+$/.test(key)) continue;
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    counts.set(key, forms);
  }
}

export function diacriticsTable(counts: WordCounts): Record<string, string> {
  const table: Record<string, string> = {};
  for (const key of [...counts.keys()].sort()) {
    let best = key;
    let most = 0;
    for (const [form, count] of counts.get(key) ?? []) {
      if (count > most) {
        best = form;
        most = count;
      }
    }
    if (best !== key) table[key] = best;
  }
  return table;
}
