/** The service worker's caches, by what they hold; the offline page lists `pages`. */
export const CACHES = {
  pages: 'camnang-trang',
  assets: 'camnang-tep',
  data: 'camnang-du-lieu',
} as const;

/** Shown for a page that was never opened on this device, when there is no network. */
export const OFFLINE_PAGE = '/ngoai-tuyen/';

/**
 * Files the scripts of most pages fetch, saved with the offline page: a page saved before its
 * scripts first ran (the first page a device opens) still finds them offline.
 */
export const SHARED_FILES = { learnerStrings: '/ghi-chu/chuoi.json' } as const;

/**
 * Must come from the network: a certificate is checked against the keys as published now (a key
 * revoked since must not verify from a saved copy), and the service worker updates itself.
 */
const ALWAYS_FROM_NETWORK = new Set(['/keys.json', '/sw.js']);

/**
 * How the service worker answers a request:
 * - `page`: the network first; the saved copy when offline or slow; else the offline page;
 * - `immutable`: a file named by its content hash (`/_astro/`), so a saved copy never goes stale;
 * - `data`: the site's other files (search index, quiz questions): the network first, then the saved copy;
 * - `network`: left to the browser (other origins, anything but GET, and what must be current).
 */
export type CachePolicy = 'page' | 'immutable' | 'data' | 'network';

export function cachePolicy(
  request: { url: string; method: string; mode: string },
  origin: string,
): CachePolicy {
  const url = new URL(request.url);
  if (url.origin !== origin || request.method !== 'GET') return 'network';
  if (ALWAYS_FROM_NETWORK.has(url.pathname)) return 'network';
  if (request.mode === 'navigate') return 'page';
  if (url.pathname.startsWith('/_astro/')) return 'immutable';
  return 'data';
}

/**
 * The key a file (not a page) is saved under: its address without the query. The site's files
 * never vary by query, and Pagefind asks for `pagefind-entry.json?ts=<now>` each time, so a copy
 * keyed with the query would never be found again.
 */
export function cacheKey(url: string): string {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  return key.href;
}
