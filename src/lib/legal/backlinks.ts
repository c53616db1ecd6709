import { resolveAll, type CitationRegistry } from './resolve.ts';
import type { CitationContext } from './citation.ts';

/** Something on the site that may cite regulations: a lesson, case, annotation, question… */
export interface CitingSource {
  kind: string;
  title: string;
  href: string;
  /** Text to search for citations in (prose, field values). */
  texts: string[];
  /** Explicit citations (a <Cite> ref, a question's `cites`). */
  refs?: { ref: string; context?: string | undefined }[];
  context?: CitationContext;
  /** Anchors it is attached to directly, as an annotation is: "quy-dinh-69-qd-tw#dieu-4". */
  anchors?: string[];
}

export type Backlink = Pick<CitingSource, 'kind' | 'title' | 'href'>;

/** The article a resolved URL points into: "/van-ban/x/dieu-4/#dieu-4-khoan-1" → "x#dieu-4". */
function articleKey(url: string): string | null {
  const match = /^\/van-ban\/([^/]+)\/(dieu-[^/]+)\//.exec(url);
  return match ? `${match[1]}#${match[2]}` : null;
}

/**
 * Who cites each article ("slug#dieu-n"), computed once at build time: every resolved
 * citation in every source, each source listed once per article, in the order given.
 */
export function collectBacklinks(
  sources: readonly CitingSource[],
  registry: CitationRegistry,
): Map<string, Backlink[]> {
  const backlinks = new Map<string, Backlink[]>();
  for (const source of sources) {
    const articles = new Set(source.anchors ?? []);
    const add = (text: string, context: CitationContext | undefined) => {
      for (const citation of resolveAll(text, registry, context).citations) {
        const key = citation.url && articleKey(citation.url);
        if (key) articles.add(key);
      }
    };
    for (const text of source.texts) add(text, source.context);
    for (const { ref, context } of source.refs ?? []) {
      add(ref, context ? { document: context } : source.context);
    }
    const { kind, title, href } = source;
    for (const article of articles) {
      backlinks.set(article, [...(backlinks.get(article) ?? []), { kind, title, href }]);
    }
  }
  return backlinks;
}
