/**
 * Vietnamese folding: what a reader who types without diacritics expects to match.
 * NFD splits tone and vowel marks into combining characters (U+0300–U+036F), which
 * we drop; đ has no decomposition, so it is mapped by hand.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/** Lower-case with Vietnamese rules, keeping diacritics, in NFC. */
export function lowerVietnamese(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('vi');
}
