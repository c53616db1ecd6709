import { sortByVietnamese } from '../text/collate.ts';
import { foldVietnamese } from '../text/fold.ts';
import { OFFLINE_PAGE } from './policy.ts';

export interface SavedPage {
  url: string;
  title: string;
}

/**
 * The pages saved on this device, for the offline page: titled without the site's name, in
 * Vietnamese order, each once (`/a/` and `/a/?q=…` are the same page), the offline page left out.
 */
export function savedPages(
  saved: readonly { url: string; title: string }[],
  siteName: string,
): SavedPage[] {
  const byPath = new Map<string, SavedPage>();
  for (const { url, title } of saved) {
    const path = new URL(url).pathname;
    if (path === OFFLINE_PAGE || byPath.has(path)) continue;
    const parts = title.split(' · ');
    const shown = parts.length > 1 && parts.at(-1) === siteName ? parts.slice(0, -1) : parts;
    byPath.set(path, { url: path, title: shown.join(' · ').trim() || siteName });
  }
  return sortByVietnamese([...byPath.values()], (page) => page.title);
}

/**
 * For an article page not saved on this device: the same place in its document's page, when that
 * page is saved (it holds the whole text, under the same anchors).
 */
export function inSavedDocument(
  path: string,
  hash: string,
  saved: readonly SavedPage[],
): SavedPage | null {
  const match = /^\/van-ban\/([^/]+)\/([^/]+)\/$/.exec(path);
  if (!match) return null;
  const [, slug = '', article = ''] = match;
  const document = saved.find((page) => page.url === `/van-ban/${slug}/`);
  return document
    ? { url: `${document.url}${hash || `#${article}`}`, title: document.title }
    : null;
}

/** The saved pages whose title holds every word of the query, compared without marks or case. */
export function matchSavedPages(pages: readonly SavedPage[], query: string): SavedPage[] {
  const words = foldVietnamese(query)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (!words.length) return [];
  return pages.filter((page) => {
    const title = foldVietnamese(page.title);
    return words.every((word) => title.includes(word));
  });
}
