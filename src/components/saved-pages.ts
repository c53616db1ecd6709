import { fill } from '../i18n/fill.ts';
import { readSavedPages } from '../lib/offline/read-saved.ts';
import { inSavedDocument } from '../lib/offline/saved-pages.ts';

/**
 * On the offline page: the pages the service worker saved on this device, and, for an article
 * never opened here, a link to it in its document's saved page.
 */
export async function listSavedPages(): Promise<void> {
  const status = document.querySelector<HTMLElement>('[data-saved-status]');
  const list = document.querySelector<HTMLElement>('[data-saved-pages]');
  const strings = JSON.parse(document.getElementById('offline-strings')?.textContent ?? '{}') as {
    intro?: string;
    none?: string;
    readInDocument?: string;
    site?: string;
  };
  if (!status || !list) return;
  const pages = await readSavedPages(strings.site ?? '');

  const alternative = inSavedDocument(location.pathname, location.hash, pages);
  const link = document.querySelector<HTMLAnchorElement>('[data-in-document-link]');
  if (alternative && link?.parentElement) {
    link.href = alternative.url;
    link.textContent = fill(strings.readInDocument ?? '', { title: alternative.title });
    link.parentElement.hidden = false;
  }

  status.textContent = (pages.length ? strings.intro : strings.none) ?? '';
  for (const page of pages) {
    const item = document.createElement('li');
    const anchor = document.createElement('a');
    anchor.href = page.url;
    anchor.textContent = page.title;
    item.append(anchor);
    list.append(item);
  }
  list.hidden = pages.length === 0;
}
