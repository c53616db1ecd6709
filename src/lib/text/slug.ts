import { foldVietnamese } from './fold.ts';

/** A URL slug from Vietnamese text: "Quy định 296-QĐ/TW" → "quy-dinh-296-qd-tw". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
