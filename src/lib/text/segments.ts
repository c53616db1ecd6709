/**
 * Splits text around the given phrases (longest first), so each phrase can be rendered as a
 * link while the rest stays plain text, never HTML.
 */
export function linkSegments(
  text: string,
  links: Readonly<Record<string, string>>,
): { text: string; href?: string }[] {
  const phrases = Object.keys(links)
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  if (!phrases.length) return [{ text }];
  const pattern = new RegExp(phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const segments: { text: string; href?: string }[] = [];
  let at = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > at) segments.push({ text: text.slice(at, match.index) });
    const href = links[match[0]];
    segments.push(href ? { text: match[0], href } : { text: match[0] });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}
