import type { CitationRegistry } from './resolve.ts';
import { clauseCitation, walk } from './tree.ts';

export interface ClausePreview {
  /** "khoản 1 Điều 32 Điều lệ Đảng". */
  label: string;
  /** The clause's text, or our summary of it, cut to a preview's length. */
  text: string;
  /** Whether `text` is our summary rather than the official wording. */
  summary: boolean;
}

const PREVIEW_LENGTH = 320;

/** What a citation's preview shows: the cited clause's words, short. */
export function clausePreview(registry: CitationRegistry, slug: string, anchor: string | null): ClausePreview | null {
  const doc = registry.documents.get(slug);
  if (!doc) return null;
  if (anchor === null) return { label: doc.name, text: '', summary: false };
  for (const { node, ancestors } of walk(doc.nodes)) {
    if (node.anchor !== anchor) continue;
    const own = node.text ?? node.summary ?? node.title ?? '';
    // An article's heading says little: show its first clause too.
    const first = node.children[0];
    const body = own || (first ? (first.text ?? first.summary ?? '') : '');
    const text = body.length > PREVIEW_LENGTH ? `${body.slice(0, PREVIEW_LENGTH).trimEnd()}…` : body;
    return {
      label: clauseCitation([...ancestors, node], doc.name),
      text: node.title && own !== node.title ? `${node.title}. ${text}` : text,
      summary: node.text === undefined,
    };
  }
  return null;
}
