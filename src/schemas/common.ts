import { z } from './zod.ts';

// Trainers read these messages: Vietnamese, and plain about the two mistakes they make most.
z.config({
  ...z.locales.vi(),
  customError: (issue) => {
    if (issue.code === 'invalid_type' && issue.input === undefined) {
      return `thiếu trường bắt buộc (kiểu ${issue.expected})`;
    }
    // An empty `field:` line in YAML is null: say so rather than list every accepted type.
    if (issue.input === null && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) {
      return 'chưa điền giá trị';
    }
    if (issue.code === 'unrecognized_keys') {
      return `trường không được hỗ trợ: ${issue.keys.join(', ')} (kiểm tra chính tả)`;
    }
    return undefined;
  },
});

/**
 * A calendar date written YYYY-MM-DD. YAML parsers disagree on whether that is a Date or a
 * string, so both are accepted and the value is always the ISO string.
 */
export const isoDate = z
  .union([z.date(), z.string()])
  .transform((value, ctx) => {
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const parsed = match ? new Date(`${text}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({
        code: 'custom',
        message: `ngày "${String(value)}" không hợp lệ; hãy viết theo dạng NNNN-TT-NN, ví dụ 2025-05-30`,
      });
      return z.NEVER;
    }
    return text;
  });

/** The id of another entry, written as its slug (lower-case ASCII words joined by hyphens). */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch nối');

export const source = z.strictObject({
  title: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
});

export const nonEmpty = z.string().trim().min(1, 'không được để trống');

export function enumOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === null || issue.input === undefined
        ? `chưa điền giá trị; được dùng: ${values.join(', ')}`
        : `giá trị ${JSON.stringify(issue.input)} không hợp lệ; được dùng: ${values.join(', ')}`,
  });
}
