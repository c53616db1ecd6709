import { z } from './zod.ts';
import { nonEmpty, source } from './common.ts';

export const STRUCTURE_KINDS = ['phan', 'chuong', 'muc', 'tieu-muc', 'dieu', 'khoan', 'diem'] as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[number];

export interface OutlineNode {
  kind: StructureKind;
  number: string;
  /** The official title (a fact); omitted where it is not verified. */
  title?: string | undefined;
  /** Our own plain-language summary, never the official wording. */
  summary?: string | undefined;
  children: OutlineNode[];
}

const outlineNode: z.ZodType<OutlineNode> = z.lazy(() =>
  z.strictObject({
    kind: z.enum(STRUCTURE_KINDS),
    number: z.union([z.string(), z.number()]).transform(String),
    title: nonEmpty.optional(),
    summary: nonEmpty.optional(),
    children: z.array(outlineNode).default([]),
  }),
) as z.ZodType<OutlineNode>;

/** `content/regulations/<slug>/outline.yaml`: our structure and summaries of a document. */
export const outlineSchema = z.strictObject({
  /** Where the reader finds the official text. */
  source,
  body: z.array(outlineNode).min(1),
});
export type Outline = z.infer<typeof outlineSchema>;
