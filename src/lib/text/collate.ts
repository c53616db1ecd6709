/** Sorting with Vietnamese rules: Ă after A, Đ after D, tones in dictionary order. */
const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export const compareVietnamese = (a: string, b: string): number => collator.compare(a, b);

export function sortByVietnamese<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareVietnamese(key(a), key(b)));
}
