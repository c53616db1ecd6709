import type { StructureKind } from '../../schemas/outline.ts';
import { anchorFor, type StructureStep } from '../legal/anchor.ts';
import { clauseCitation } from '../legal/tree.ts';
import { ownValue } from '../own.ts';
import type { CitationIndex } from './citation-index.ts';
import { searchKey, tokenizeQuery, type QueryToken } from './normalize.ts';

/**
 * Citations typed as queries: "điều 35 điều lệ", "khoản 2 điều 5 qđ 69", "dieu 4 qd 69",
 * "Quy định 69 Điều 7". The full grammar (src/lib/legal/citation.ts) reads running text and
 * imports the regulation schema; a query is short and this file keeps the search page light.
 * It knows documents by the names the grammar compiled at build time (citation-index.ts).
 */

/** A direct link for a citation in the query. */
export interface CitationJump {
  document: string;
  /** As cited, smallest unit first: "khoản 2 Điều 5 Quy định 69-QĐ/TW". */
  label: string;
  url: string;
  /** False when the cited unit is not on the site: `url` is the closest unit that is. */
  exact: boolean;
  /** The unit `url` leads to when it is not exact: "Điều 5 Quy định 69-QĐ/TW". */
  closest: string;
}

const UNIT_WORDS: Readonly<Record<string, StructureKind>> = {
  phan: 'phan',
  chuong: 'chuong',
  muc: 'muc',
  dieu: 'dieu',
  khoan: 'khoan',
  diem: 'diem',
};
const RANK: Readonly<Record<StructureKind, number>> = {
  phan: 0,
  chuong: 1,
  muc: 2,
  'tieu-muc': 3,
  dieu: 4,
  khoan: 5,
  diem: 6,
};
const NUMBER: Readonly<Record<StructureKind, RegExp>> = {
  phan: /^(\d{1,2}|[ivxlc]{1,6})$/,
  chuong: /^(\d{1,2}|[ivxlc]{1,6})$/,
  muc: /^(\d{1,2}|[ivxlc]{1,6})$/,
  'tieu-muc': /^\d{1,2}$/,
  dieu: /^\d{1,4}[a-z]?$/,
  khoan: /^\d{1,3}(\.\d{1,2})?$/,
  diem: /^[a-zđ]$/,
};
// Words around a document's name that are not part of it: "khoản 2 điều 5 của quy định 69".
const FILLER = new Set(['cua', 'tai', 'theo', 'trong', 'so', 've']);
/** Candidates when a name is ambiguous ("luật thanh tra" names three laws). */
const MAX_JUMPS = 3;

/** Cheap test run on every query: a unit word followed by its number. */
export function looksLikeCitation(query: string): boolean {
  return /(^|[^a-z])(dieu|khoan|diem)\s*\d|(^|[^a-z])(chuong|phan|muc)\s+([ivxlc]+|\d+)([^a-z]|$)/.test(
    searchKey(query),
  );
}

/** The units named in the query, largest first, and the words left for the document's name. */
function readUnits(tokens: readonly QueryToken[]): { path: StructureStep[]; rest: QueryToken[] } {
  const steps: StructureStep[] = [];
  const rest: QueryToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    if (!token) continue;
    const kind = ownValue(UNIT_WORDS, token.key);
    if (kind && next && NUMBER[kind].test(next.text) && !steps.some((step) => step.kind === kind)) {
      // Roman numerals are written in capitals ("Chương II"); anchorFor turns them into digits.
      const number =
        kind !== 'diem' && /^[ivxlc]+$/.test(next.text) ? next.text.toUpperCase() : next.text;
      steps.push({ kind, number });
      i++;
    } else {
      rest.push(token);
    }
  }
  steps.sort((a, b) => RANK[a.kind] - RANK[b.kind]);
  return { path: steps, rest };
}

/** The documents the remaining words name: exactly, by a run of them, or as the start of one name. */
function documentsNamed(rest: readonly QueryToken[], index: CitationIndex): string[] {
  const words = rest.flatMap((token) => token.key.split(' ')).filter(Boolean);
  while (words.length && FILLER.has(words[0] ?? '')) words.shift();
  while (words.length && FILLER.has(words.at(-1) ?? '')) words.pop();
  if (words.length === 0) return [];
  for (let length = words.length; length > 0; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const slugs = ownValue(index.names, words.slice(start, start + length).join(' '));
      if (slugs?.length) return slugs;
    }
  }
  // "điều lệ" for "Điều lệ Đảng", "luật thanh tra" for the laws of that name.
  const prefix = `${words.join(' ')} `;
  const slugs = new Set<string>();
  for (const [name, named] of Object.entries(index.names)) {
    if (name.startsWith(prefix)) for (const slug of named) slugs.add(slug);
  }
  return [...slugs];
}

/** Documents in force first: "luật thanh tra" means the current law before the replaced ones. */
function preferInForce(slugs: readonly string[], index: CitationIndex): string[] {
  const inForce = slugs.filter(
    (slug) => ownValue(index.documents, slug)?.status === 'con-hieu-luc',
  );
  return (inForce.length ? inForce : [...slugs]).slice(0, MAX_JUMPS);
}

function urlOf(slug: string, anchor: string): string {
  const article = /^dieu-[^-]+/.exec(anchor)?.[0];
  return article ? `/van-ban/${slug}/${article}/#${anchor}` : `/van-ban/${slug}/#${anchor}`;
}

/** Direct links for the citation a query is, or none when it is not one. */
export function citationJumps(query: string, index: CitationIndex): CitationJump[] {
  if (!looksLikeCitation(query)) return [];
  const { path, rest } = readUnits(tokenizeQuery(query));
  if (path.length === 0) return [];
  return preferInForce(documentsNamed(rest, index), index).flatMap((slug) => {
    const doc = ownValue(index.documents, slug);
    if (!doc) return [];
    const anchors = new Set(doc.anchors);
    let found = path.length;
    while (found > 0 && !anchors.has(anchorFor(path.slice(0, found)))) found--;
    const closest = path.slice(0, found);
    return [
      {
        document: slug,
        label: clauseCitation(path, doc.name),
        url: found ? urlOf(slug, anchorFor(closest)) : `/van-ban/${slug}/`,
        exact: found === path.length,
        closest: found ? clauseCitation(closest, doc.name) : doc.name,
      },
    ];
  });
}
