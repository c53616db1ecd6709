import type { RegulationStatus } from '../../schemas/regulation.ts';
import type { RegulationEntry } from '../legal/document.ts';
import type { CitationRegistry } from '../legal/resolve.ts';
import { allAnchors } from '../legal/tree.ts';
import type { AbbreviationTable } from './abbreviations.ts';
import { searchKey } from './normalize.ts';

/**
 * What the search page needs to turn "khoản 2 điều 5 qđ 69" into a link, written at build time to
 * `/search/citations.json` and fetched only when a query looks like a citation.
 */
export interface CitationIndex {
  /** Every name a document is cited by, as search keys ("qd 69", "dieu le dang") → slugs. */
  names: Record<string, string[]>;
  documents: Record<string, CitationIndexDocument>;
}

export interface CitationIndexDocument {
  /** "Quy định 69-QĐ/TW". */
  name: string;
  status: RegulationStatus;
  /** The anchor of every unit on the site ("dieu-5", "dieu-5-khoan-2"). */
  anchors: string[];
}

export const CITATION_INDEX_PATH = '/search/citations.json';

/**
 * Compiled from the citation registry, so search knows a document by exactly the names the
 * citation grammar knows (its names, aliases and numbers), plus "type number" with each
 * abbreviation of the type ("qđ 69", "nđ 73").
 */
export function buildCitationIndex(
  regulations: readonly RegulationEntry[],
  registry: CitationRegistry,
  abbreviations: AbbreviationTable,
): CitationIndex {
  const names = new Map<string, Set<string>>();
  const add = (name: string, slugs: readonly string[]) => {
    const key = searchKey(name);
    if (!key) return;
    const known = names.get(key) ?? new Set<string>();
    for (const slug of slugs) known.add(slug);
    names.set(key, known);
  };
  const { grammar } = registry;
  for (const [name, slugs] of grammar.names) add(name, slugs);
  for (const [number, slugs] of grammar.numbers) add(number, slugs);
  for (const [typeAndNumber, slugs] of grammar.shortNumbers) {
    const [type = '', number = ''] = typeAndNumber.split('|');
    add(`${type} ${number}`, slugs);
    for (const short of abbreviations.get(searchKey(type)) ?? [])
      add(`${short.join(' ')} ${number}`, slugs);
  }
  const documents: Record<string, CitationIndexDocument> = {};
  for (const { id, data } of regulations) {
    const doc = registry.documents.get(id);
    if (doc)
      documents[id] = { name: doc.name, status: data.status, anchors: [...allAnchors(doc.nodes)] };
  }
  return {
    names: Object.fromEntries(
      [...names].sort(([a], [b]) => a.localeCompare(b)).map(([key, slugs]) => [key, [...slugs]]),
    ),
    documents,
  };
}
