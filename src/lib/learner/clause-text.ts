/**
 * The text of a clause as its article page shows it: the heading of an article, then every
 * paragraph of the unit and the units inside it (a khoản with its điểm), without notes or buttons.
 * Read from the page (parsed, never inserted) so /on-tap/ carries no copy of every regulation.
 */
export function clauseParagraphs(page: Document, anchor: string): string[] | null {
  const unit = page.getElementById(anchor);
  if (!unit?.classList.contains('unit')) return null;
  const clean = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const heading = unit.querySelector(':scope > .unit-own > .unit-heading');
  const paragraphs = [...unit.querySelectorAll('.unit-own > p')].map(clean);
  return [...(heading ? [clean(heading)] : []), ...paragraphs].filter(Boolean);
}

/**
 * An article page's HTML without its `<style>` elements, to be parsed: a parsed page is checked
 * against the Content-Security-Policy of the page parsing it, which refuses the other page's
 * inline styles (each refusal logged). Only the text is read from it.
 */
export function withoutStyles(html: string): string {
  return html.replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, '');
}
