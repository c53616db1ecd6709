import { foldVietnamese } from '../text/fold.ts';

/** One word of a query: as typed (NFC, lower-case) and as compared (folded, no punctuation). */
export interface QueryToken {
  text: string;
  key: string;
  /** Which quoted phrase it belongs to, counting from 0; null outside quotes. */
  phrase: number | null;
}

const QUOTES = /["“”„]/;
// Punctuation at either end of a word; inside it ("69-QĐ/TW", "1.1") it is part of the word.
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

/** Folded and stripped of punctuation: how search compares words ("Phòng," → "phong"). */
export function searchKey(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Whether any letter carries a Vietnamese mark (tone, vowel mark or đ). */
export function hasDiacritics(text: string): boolean {
  return foldVietnamese(text) !== text.normalize('NFC').toLowerCase();
}

/**
 * The words of a query, with the phrases the reader put in quotes. An unclosed quote counts as
 * no quote: "thanh tra stays three ordinary words.
 */
export function tokenizeQuery(raw: string): QueryToken[] {
  const text = raw.normalize('NFC').toLocaleLowerCase('vi');
  const parts = text.split(QUOTES);
  // An even number of parts means a quote was left open: its text is read as unquoted.
  const balanced = parts.length % 2 === 1;
  const tokens: QueryToken[] = [];
  let phrase = 0;
  parts.forEach((part, index) => {
    const quoted = balanced && index % 2 === 1;
    let added = false;
    for (const word of part.split(/\s+/)) {
      const trimmed = word.replace(EDGE_PUNCTUATION, '');
      if (!trimmed) continue;
      tokens.push({ text: trimmed, key: searchKey(trimmed), phrase: quoted ? phrase : null });
      added = true;
    }
    if (quoted && added) phrase++;
  });
  return tokens;
}

/** The query as it is shown and put in the URL: single spaces, no stray edges. */
export function cleanQuery(raw: string): string {
  return raw.normalize('NFC').replace(/\s+/g, ' ').trim();
}
