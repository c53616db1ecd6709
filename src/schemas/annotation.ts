import { z } from './zod.ts';
import { enumOf, isoDate, nonEmpty } from './common.ts';

export const ANNOTATION_KINDS = ['giai-thich', 'luu-y', 'thuc-tien', 'lien-he'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

/** `content/regulations/<slug>/annotations/*.mdx`: a trainer's note beside one or more clauses. */
export const annotationSchema = z.strictObject({
  /** Anchors in the same document: "dieu-35", "dieu-35-khoan-2", "dieu-5-khoan-1-diem-a". */
  targets: z.array(z.string().regex(/^[a-z0-9-]+$/, 'phải là mã neo, ví dụ dieu-35-khoan-2')).min(1),
  kind: enumOf(ANNOTATION_KINDS),
  author: nonEmpty,
  date: isoDate,
});
export type Annotation = z.infer<typeof annotationSchema>;
