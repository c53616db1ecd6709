/**
 * Other ways a reader may have typed a word that Pagefind does not fold by itself. Pagefind drops
 * tone and vowel marks, but đ is a letter of its own: "dang" never matches "Đảng". And the two
 * spellings of a final i/y ("kỉ luật", "kỷ luật") fold to different words.
 */
export function spellingVariants(word: string): string[] {
  const variants: string[] = [];
  // Only whole words of letters: "d" in "69-qd/tw" or "dd-mm" is not a syllable's first letter.
  if (!/^\p{L}+$/u.test(word)) return variants;
  if (word.startsWith('d')) variants.push(`đ${word.slice(1)}`);
  const swapped = swapFinalIY(word);
  if (swapped) variants.push(swapped);
  return variants;
}

// Syllables that old and new spelling write with either i or y: kỉ/kỷ, lí/lý, mĩ/mỹ, sĩ/sỹ, tỉ/tỷ, hi/hy, quí/quý.
const FINAL_IY = /^(k|l|m|s|t|h|qu)([iy])(\p{M}?)$/u;

function swapFinalIY(word: string): string | null {
  const match = FINAL_IY.exec(word.normalize('NFD'));
  if (!match) return null;
  const [, initial = '', vowel, mark = ''] = match;
  return `${initial}${vowel === 'i' ? 'y' : 'i'}${mark}`.normalize('NFC');
}
