import { excerptParts, type ExcerptPart } from './excerpt.ts';
import type { PagefindFragment, PagefindSubResult } from './pagefind.ts';

/** A result as the search page shows it: real text only, never HTML. */
export interface ResultView {
  url: string;
  title: string;
  /** "Văn bản", "Bài học", …; the document and its status for regulation pages. */
  type: string | null;
  document: string | null;
  status: string | null;
  excerpt: ExcerptPart[];
  /** Khoản and điểm where the words were found, with their own link and excerpt. */
  clauses: ClauseView[];
}

export interface ClauseView {
  title: string;
  url: string;
  excerpt: ExcerptPart[];
}

/** Enough to show where in a long article the words are without burying the next result. */
export const MAX_CLAUSES = 3;

/** Clause anchors: `dieu-5-khoan-2`, `dieu-5-khoan-2-diem-a`. */
const CLAUSE = /-(khoan|diem)-/;

/** How much of the query a clause holds: the clause holding most of it is listed first. */
const relevance = (sub: PagefindSubResult) =>
  sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);

export function resultView(fragment: PagefindFragment): ResultView {
  const { meta } = fragment;
  return {
    url: fragment.url,
    title: meta['title'] ?? fragment.url,
    type: meta['type'] ?? null,
    document: meta['document'] ?? null,
    status: meta['status'] ?? null,
    excerpt: excerptParts(fragment.excerpt),
    clauses: fragment.sub_results
      .filter((sub) => sub.anchor && CLAUSE.test(sub.anchor.id))
      .sort((a, b) => relevance(b) - relevance(a))
      .slice(0, MAX_CLAUSES)
      .map((sub) => ({ title: sub.title, url: sub.url, excerpt: excerptParts(sub.excerpt) })),
  };
}
