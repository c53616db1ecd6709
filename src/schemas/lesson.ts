import { z } from './zod.ts';
import { isoDate, nonEmpty } from './common.ts';

/** `content/lessons/*.mdx`. */
export const lessonSchema = z.strictObject({
  title: nonEmpty,
  description: nonEmpty,
  author: nonEmpty,
  updatedAt: isoDate,
  tags: z.array(nonEmpty).default([]),
});
export type Lesson = z.infer<typeof lessonSchema>;
