/** A piece of an excerpt: plain text, marked when it matched the query. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * Pagefind's excerpt is the page's text with `<` and `>` escaped and matched words wrapped in
 * `<mark>`. Splitting on the marks and unescaping gives text to render as text, never as HTML.
 * Marked words with only spaces between them become one mark: "kỷ luật", not "kỷ" and "luật".
 */
export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark>)/)) {
    if (piece === '<mark>' || piece === '</mark>') {
      marked = piece === '<mark>';
      continue;
    }
    const text = piece.replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    if (text) parts.push({ text, mark: marked });
  }
  const joined: ExcerptPart[] = [];
  parts.forEach((part, index) => {
    const last = joined.at(-1);
    const bridge = !part.mark && /^\s+$/.test(part.text) && last?.mark && parts[index + 1]?.mark;
    if (last && (last.mark === part.mark || bridge)) last.text += part.text;
    else joined.push({ ...part });
  });
  return joined;
}

/** The excerpt as plain text. */
export function excerptText(parts: readonly ExcerptPart[]): string {
  return parts.map((part) => part.text).join('');
}
