import type {
  Regulation,
  RegulationStatus,
  RelatedDocument,
  RelationKind,
} from '../../schemas/regulation.ts';

export type RegulationEntry = { id: string; data: Regulation };

/** The name a document is cited by: "Quy định 296-QĐ/TW", "Luật Tố cáo 2018", "Điều lệ Đảng". */
export function documentName(doc: Pick<Regulation, 'type' | 'number' | 'citeAs'>): string {
  return doc.citeAs ?? [doc.type, doc.number].filter(Boolean).join(' ');
}

/**
 * The name as it stands at the end of a full citation: laws cited by their short name also
 * carry their number, "Luật Tố cáo 2018 (25/2018/QH14)".
 */
export function citationName(doc: Pick<Regulation, 'type' | 'number' | 'citeAs'>): string {
  return doc.citeAs && doc.number ? `${doc.citeAs} (${doc.number})` : documentName(doc);
}

/** How loudly a status should be shown. */
export const STATUS_TONE: Record<RegulationStatus, 'ok' | 'warn' | 'bad' | 'info'> = {
  'con-hieu-luc': 'ok',
  'het-hieu-luc-mot-phan': 'warn',
  'het-hieu-luc': 'bad',
  'chua-co-hieu-luc': 'info',
};

export const INVERSE_RELATION = {
  replaces: 'replacedBy',
  amends: 'amendedBy',
  guides: 'guidedBy',
  basedOn: 'basisOf',
} as const satisfies Record<RelationKind, string>;
export type InverseRelationKind = (typeof INVERSE_RELATION)[RelationKind];

/**
 * Relations as seen from the other side: a document records what it replaces, so "replaced by"
 * is computed here and never typed twice.
 */
export function inverseRelations(
  docs: readonly RegulationEntry[],
): Map<string, Record<InverseRelationKind, string[]>> {
  const result = new Map<string, Record<InverseRelationKind, string[]>>();
  for (const doc of docs) {
    result.set(doc.id, { replacedBy: [], amendedBy: [], guidedBy: [], basisOf: [] });
  }
  for (const doc of docs) {
    for (const [kind, inverse] of Object.entries(INVERSE_RELATION) as [
      RelationKind,
      InverseRelationKind,
    ][]) {
      for (const target of doc.data.relations[kind]) {
        if (typeof target === 'string') result.get(target)?.[inverse].push(doc.id);
      }
    }
  }
  return result;
}

/** A related document is either an entry on the site or a name with no page. */
export function isListed(related: RelatedDocument): related is string {
  return typeof related === 'string';
}
