/**
 * Highlights inside a clause, measured in the text of its own paragraphs (`.unit-own > p`):
 * what the reader sees of the clause, without buttons, notes or the units below it. Marks are
 * made by splitting text nodes, so learner data never passes through HTML parsing.
 */

export interface Passage {
  quote: string;
  start: number;
  end: number;
}

/** The text nodes of a clause's own paragraphs, in reading order. */
export function clauseTextNodes(own: Element): Text[] {
  const nodes: Text[] = [];
  for (const paragraph of own.querySelectorAll(':scope > p')) {
    const walker = own.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  }
  return nodes;
}

export const clauseText = (own: Element): string =>
  clauseTextNodes(own)
    .map((node) => node.data)
    .join('');

/** Where a selection lies in the clause's text, trimmed of spaces; null when it holds no text of the clause. */
export function passageOf(own: Element, range: Range): Passage | null {
  let offset = 0;
  let start = -1;
  let end = -1;
  for (const node of clauseTextNodes(own)) {
    if (range.intersectsNode(node)) {
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.length;
      if (from < to) {
        if (start < 0) start = offset + from;
        end = offset + to;
      }
    }
    offset += node.length;
  }
  if (start < 0) return null;
  const text = clauseText(own);
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { quote: text.slice(start, end), start, end } : null;
}

/**
 * Where a stored passage is now: at its offsets if the text there is still the quote, else at
 * the quote's first occurrence (the clause was edited above it); null when the quote is gone.
 */
export function locatePassage(
  own: Element,
  passage: Passage,
): { start: number; end: number } | null {
  const text = clauseText(own);
  if (text.slice(passage.start, passage.end) === passage.quote) {
    return { start: passage.start, end: passage.end };
  }
  const at = text.indexOf(passage.quote);
  return at < 0 ? null : { start: at, end: at + passage.quote.length };
}

/** Wraps the clause's text from `start` to `end` in `<mark>`s, one per text node it crosses. */
export function markPassage(own: Element, start: number, end: number, id: string): HTMLElement[] {
  const marks: HTMLElement[] = [];
  let offset = 0;
  for (const node of clauseTextNodes(own)) {
    const from = offset;
    const to = offset + node.length;
    offset = to;
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    if (a >= b) continue;
    let piece = node;
    if (a > from) piece = piece.splitText(a - from);
    if (b < to) piece.splitText(b - a);
    const mark = own.ownerDocument.createElement('mark');
    mark.className = 'learn-mark';
    mark.dataset['highlight'] = id;
    piece.before(mark);
    mark.append(piece);
    marks.push(mark);
  }
  return marks;
}
