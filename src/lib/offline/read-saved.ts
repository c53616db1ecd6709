import { CACHES } from './policy.ts';
import { savedPages, type SavedPage } from './saved-pages.ts';

const TITLE = /<title>[^<]*<\/title>/;

/** The pages the service worker saved on this device (see `savedPages`); none without the Cache API. */
export async function readSavedPages(siteName: string): Promise<SavedPage[]> {
  if (typeof caches === 'undefined') return [];
  const cache = await caches.open(CACHES.pages);
  const parser = new DOMParser();
  const saved: { url: string; title: string }[] = [];
  for (const request of await cache.keys()) {
    const html = (await (await cache.match(request))?.text()) ?? '';
    // Only the <title>, parsed so that its entities read as text.
    const title = parser.parseFromString(TITLE.exec(html)?.[0] ?? '', 'text/html').title;
    saved.push({ url: request.url, title });
  }
  return savedPages(saved, siteName);
}
