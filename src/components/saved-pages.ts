import { CACHES } from '../lib/offline/policy.ts';
import { savedPages } from '../lib/offline/saved-pages.ts';

/** Lists, on the offline page, the pages the service worker saved on this device. */
export async function listSavedPages(): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-saved-status]');
  const list = document.querySelector<HTMLElement>('[data-saved-pages]');
  const strings = JSON.parse(document.getElementById('offline-strings')?.textContent ?? '{}') as {
    intro?: string;
    none?: string;
    site?: string;
  };
  if (!status || !list) return;
  const saved: { url: string; title: string }[] = [];
  if ('caches' in window) {
    const cache = await caches.open(CACHES.pages);
    const parser = new DOMParser();
    for (const request of await cache.keys()) {
      const html = (await (await cache.match(request))?.text()) ?? '';
      saved.push({ url: request.url, title: parser.parseFromString(html, 'text/html').title });
    }
  }
  const pages = savedPages(saved, strings.site ?? '');
  status.textContent = (pages.length ? strings.intro : strings.none) ?? '';
  for (const page of pages) {
    const link = document.createElement('a');
    link.href = page.url;
    link.textContent = page.title;
    const item = document.createElement('li');
    item.append(link);
    list.append(item);
  }
  list.hidden = pages.length === 0;
}
