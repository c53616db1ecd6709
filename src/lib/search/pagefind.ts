/** The parts of Pagefind's search API we use (`/pagefind/pagefind.js` is generated at build time). */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  /** A null term lists every page (that the filters allow). */
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindHit[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface PagefindHit {
  id: string;
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindFragment {
  url: string;
  /** The page's indexed text. */
  content: string;
  /** Escaped text with `<mark>` around matched words. */
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sub_results: PagefindSubResult[];
}

export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** The element with an id the sub-result starts at; absent for the part before the first one. */
  anchor?: { id: string };
  /** Where the query's words are in it, and how well each matched. */
  weighted_locations: { balanced_score: number }[];
}

/**
 * How we run Pagefind, in the browser and in tests alike: in the page (its worker is one more
 * 12 KB download and our searches take milliseconds), with excerpts long enough for a clause.
 */
export const PAGEFIND_OPTIONS = { noWorker: true, excerptLength: 24 } as const;

let loaded: Promise<PagefindApi> | undefined;

/** Loads Pagefind once, on first use: nothing is fetched until the reader searches. */
export function loadPagefind(base = '/pagefind/'): Promise<PagefindApi> {
  loaded ??= (async () => {
    // The bundle exists only in the built site, so the path is hidden from the bundler.
    const api = (await import(/* @vite-ignore */ `${base}pagefind.js`)) as PagefindApi;
    await api.options({ ...PAGEFIND_OPTIONS, basePath: base });
    return api;
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}
