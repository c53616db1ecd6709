import { z } from './zod.ts';
import { isoDate, nonEmpty } from './common.ts';

/**
 * `content/cases/*.mdx`: every case reads the same way, so its parts are frontmatter fields.
 * Cases are teaching material invented for the purpose, never reports of real events.
 */
export const caseSchema = z.strictObject({
  title: nonEmpty,
  description: nonEmpty,
  hypothetical: z.literal(true, {
    error: 'tình huống phải là giả định: ghi hypothetical: true',
  }),
  situation: nonEmpty,
  /** Citations of the clauses the case turns on, e.g. "Điều 4 Quy định 69-QĐ/TW". */
  regulations: z.array(nonEmpty).min(1),
  questions: z.array(nonEmpty).min(1),
  analysis: nonEmpty,
  outcome: nonEmpty,
  author: nonEmpty,
  updatedAt: isoDate,
  tags: z.array(nonEmpty).default([]),
});
export type CaseStudy = z.infer<typeof caseSchema>;
