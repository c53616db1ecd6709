import { z } from './zod.ts';
import { enumOf, isoDate, nonEmpty, slug, source } from './common.ts';

export const REGULATION_TYPES = [
  'Luật',
  'Bộ luật',
  'Nghị định',
  'Thông tư',
  'Quy định',
  'Quyết định',
  'Kết luận',
  'Hướng dẫn',
  'Nghị quyết',
  'Chỉ thị',
  'Điều lệ',
] as const;
export type RegulationType = (typeof REGULATION_TYPES)[number];

export const REGULATION_STATUSES = [
  'con-hieu-luc',
  'het-hieu-luc-mot-phan',
  'het-hieu-luc',
  'chua-co-hieu-luc',
] as const;
export type RegulationStatus = (typeof REGULATION_STATUSES)[number];

export const RELATION_KINDS = ['replaces', 'amends', 'guides', 'basedOn'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/**
 * A related document: the slug of an entry on the site, or, for a document the site has no
 * entry for, its name as text (shown without a link).
 */
export const relatedDocument = z.union([
  slug,
  z.strictObject({ name: nonEmpty, date: isoDate.optional() }),
]);
export type RelatedDocument = z.infer<typeof relatedDocument>;

/** `content/regulations/<slug>/index.mdx` frontmatter; the MDX body is a short introduction. */
export const regulationSchema = z.strictObject({
  type: enumOf(REGULATION_TYPES),
  /** Number and symbol as printed: "296-QĐ/TW", "25/2018/QH14"; the Điều lệ Đảng has none. */
  number: nonEmpty.optional(),
  title: nonEmpty,
  /** The name used when citing it, when it differs from "<type> <number>": "Luật Tố cáo 2018". */
  citeAs: nonEmpty.optional(),
  issuer: nonEmpty,
  issuedAt: isoDate.optional(),
  effectiveFrom: isoDate.optional(),
  status: enumOf(REGULATION_STATUSES),
  /** A caveat on the status that is not verified, shown with a "chưa xác minh" flag. */
  statusCaveat: nonEmpty.optional(),
  relations: z
    .strictObject({
      replaces: z.array(relatedDocument).default([]),
      amends: z.array(relatedDocument).default([]),
      guides: z.array(relatedDocument).default([]),
      basedOn: z.array(relatedDocument).default([]),
    })
    .default({ replaces: [], amends: [], guides: [], basedOn: [] }),
  /** Other names people cite it by: "QĐ 296", "Quy định 296". */
  aliases: z.array(nonEmpty).default([]),
  sources: z.array(source).min(1, 'cần ít nhất một nguồn đã kiểm chứng'),
  /** The date the status was last checked against a source. */
  verifiedAt: isoDate,
});
export type Regulation = z.infer<typeof regulationSchema>;
