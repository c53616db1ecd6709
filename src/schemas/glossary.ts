import { z } from './zod.ts';
import { nonEmpty, slug } from './common.ts';

/** `content/glossary/<slug>.yaml`: one term, defined in our own words. */
export const glossarySchema = z.strictObject({
  term: nonEmpty,
  definition: nonEmpty,
  /** Other spellings or abbreviations: "UBKT" for "Ủy ban Kiểm tra". */
  aliases: z.array(nonEmpty).default([]),
  /** Slugs of related terms. */
  related: z.array(slug).default([]),
  /** Citations where the term is defined or used, e.g. "Điều 35 Điều lệ Đảng". */
  cites: z.array(nonEmpty).default([]),
});
export type GlossaryTerm = z.infer<typeof glossarySchema>;
