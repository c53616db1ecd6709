import { z } from './zod.ts';
import { enumOf, nonEmpty, slug } from './common.ts';

/**
 * Props of the MDX components trainers write with. Every component also receives `source`
 * ("content/lessons/x.mdx:12"), added by our remark plugin, so errors can name the file.
 */
const source = { source: z.string().optional() };

export const keyPointProps = z.strictObject({ ...source, title: nonEmpty.optional() });

export const CALLOUT_TYPES = ['luu-y', 'canh-bao', 'meo'] as const;
export const calloutProps = z.strictObject({
  ...source,
  type: enumOf(CALLOUT_TYPES),
  title: nonEmpty.optional(),
});

export const definitionProps = z.strictObject({ ...source, term: slug });

export const citeProps = z.strictObject({
  ...source,
  ref: nonEmpty,
  /** The document the text is about, for relative citations ("Chương VII", "khoản 2 Điều này"). */
  context: slug.optional(),
});

export const compareProps = z
  .strictObject({
    ...source,
    columns: z.array(nonEmpty).min(2),
    rows: z.array(z.strictObject({ label: nonEmpty, cells: z.array(z.string()) })).min(1),
  })
  .superRefine((props, ctx) => {
    props.rows.forEach((row, index) => {
      if (row.cells.length !== props.columns.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['rows', index, 'cells'],
          message: `dòng "${row.label}" có ${row.cells.length} ô, cần đúng ${props.columns.length} (một ô cho mỗi cột)`,
        });
      }
    });
  });

export const timelineProps = z.strictObject({
  ...source,
  events: z.array(z.strictObject({ date: nonEmpty, text: nonEmpty })).min(1),
});

export const verdictProps = z.strictObject({ ...source, title: nonEmpty.optional() });

export const caseFactsProps = z.strictObject({ ...source, title: nonEmpty.optional() });

export const quizEmbedProps = z.strictObject({ ...source, id: slug });
