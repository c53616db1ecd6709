/** The parts of Pagefind's browser API that we use (it is generated at build time). */
interface PagefindResult {
  data(): Promise<{ url: string; excerpt: string; meta: Record<string, string> }>;
}
interface Pagefind {
  search(query: string): Promise<{ results: PagefindResult[] }>;
}

export interface SiteResult {
  url: string;
  title: string;
  /** Plain text: Pagefind's excerpt is HTML (escaped text plus <mark>), decoded here. */
  excerpt: string;
}

let pagefind: Promise<Pagefind> | undefined;

function loadPagefind(base = '/pagefind/'): Promise<Pagefind> {
  // The bundle exists only in the built site, so the path is hidden from the bundler.
  const url = `${base}pagefind.js`;
  pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
  return pagefind;
}

export async function searchSite(query: string, limit = 20): Promise<SiteResult[]> {
  const { results } = await (await loadPagefind()).search(query);
  const pages = await Promise.all(results.slice(0, limit).map((result) => result.data()));
  return pages.map((page) => ({
    url: page.url,
    title: page.meta['title'] ?? page.url,
    excerpt: htmlToText(page.excerpt),
  }));
}

/** DOMParser never runs scripts, so this is a safe way to turn Pagefind's HTML into text. */
function htmlToText(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}
