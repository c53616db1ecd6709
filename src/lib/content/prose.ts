/**
 * An MDX body with what the site never links blanked out (code, headings, imports, component
 * markup), keeping every line break so positions still map to lines.
 */
export function proseOf(body: string): string {
  const blank = (text: string) => text.replace(/[^\n]/g, ' ');
  return body
    .replace(/```[\s\S]*?```/g, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/^#{1,6} .*$/gm, blank)
    .replace(/^(?:import|export) .*$/gm, blank)
    .replace(/<[A-Za-z][^>]*>|<\/[A-Za-z][^>]*>/g, blank);
}

/** The `ref` (and `context`) of each explicit <Cite> in an MDX body, with its offset. */
export function citeElements(body: string): { ref: string; context?: string; index: number }[] {
  return [...body.matchAll(/<Cite\b[^>]*\bref=["']([^"']*)["'][^>]*>/g)].map((match) => {
    const context = /\bcontext=["']([^"']*)["']/.exec(match[0])?.[1];
    return { ref: match[1] ?? '', index: match.index, ...(context ? { context } : {}) };
  });
}
