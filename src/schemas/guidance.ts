import { z } from './zod.ts';
import { enumOf, isoDate, nonEmpty } from './common.ts';

export const GUIDANCE_TOPICS = ['bao-ve-can-bo', 'dinh-huong', 'nghiep-vu', 'soan-bai'] as const;

/** `content/guidance/*.mdx`. */
export const guidanceSchema = z.strictObject({
  title: nonEmpty,
  description: nonEmpty,
  topic: enumOf(GUIDANCE_TOPICS),
  author: nonEmpty,
  updatedAt: isoDate,
});
export type Guidance = z.infer<typeof guidanceSchema>;
