import { z } from './zod.ts';
import { nonEmpty } from './common.ts';

/** Lower-case words without punctuation: "Phòng, chống" and "phòng chống" are one entry. */
const searchKey = (text: string) =>
  text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

export const abbreviationSchema = z
  .strictObject({
    /** As written: "UBKT", "QĐ". */
    short: nonEmpty,
    /** What it stands for: "Ủy ban Kiểm tra". */
    long: nonEmpty,
  })
  .refine((entry) => searchKey(entry.short) !== searchKey(entry.long), {
    message: 'dạng viết tắt và dạng đầy đủ giống nhau',
    path: ['long'],
  })
  .refine((entry) => /[\p{L}\p{N}]/u.test(searchKey(entry.short)), {
    message: 'dạng viết tắt cần có chữ hoặc số',
    path: ['short'],
  });
export type Abbreviation = z.infer<typeof abbreviationSchema>;

/**
 * `content/search/abbreviations.yaml`: abbreviations search expands both ways, so a reader who
 * types "UBKT" finds "Ủy ban Kiểm tra" and the reverse. One short form may stand for several.
 */
export const abbreviationsSchema = z.array(abbreviationSchema).superRefine((entries, ctx) => {
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const key = `${searchKey(entry.short)}|${searchKey(entry.long)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      ctx.addIssue({
        code: 'custom',
        message: `trùng với mục thứ ${first + 1} (${entry.short} = ${entry.long})`,
        path: [index, 'short'],
      });
    }
  });
});
