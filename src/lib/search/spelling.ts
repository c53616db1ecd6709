import { hasDiacritics } from './normalize.ts';

/**
 * Other ways a reader may have typed a word that Pagefind does not fold by itself. Pagefind drops
 * tone and vowel marks, but đ is a letter of its own: "dang" never matches "Đảng". And the school
 * spelling with a final i ("kỉ luật", "lí do") folds to another word than the y that documents of
 * the Party and the State write ("kỷ luật", "lý do").
 */
export function spellingVariants(word: string): string[] {
  const variants: string[] = [];
  // Only whole words of letters: "d" in "69-qd/tw" or "dd-mm" is not a syllable's first letter.
  if (!/^\p{L}+$/u.test(word)) return variants;
  // A word typed with marks ("dạng") was typed on a Vietnamese keyboard, where đ is at hand.
  if (word.startsWith('d') && !hasDiacritics(word)) variants.push(`đ${word.slice(1)}`);
  const y = finalIAsY(word);
  if (y) variants.push(y);
  return variants;
}

// Syllables written with a final i or y: kỉ/kỷ, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hi/hy, quí/quý. Only i
// becomes y: trying "ki" for a typed "ky" would also fetch the index of every word starting "ki".
const FINAL_I = /^(k|l|m|s|t|h|qu)i(\p{M}?)$/u;

function finalIAsY(word: string): string | null {
  const match = FINAL_I.exec(word.normalize('NFD'));
  if (!match) return null;
  const [, initial = '', mark = ''] = match;
  return `${initial}y${mark}`.normalize('NFC');
}
