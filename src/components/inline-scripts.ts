import { CACHES } from '../lib/offline/policy.ts';

/**
 * Every script the pages carry inline, in one place: the Content-Security-Policy lets an inline
 * script run only by its hash, taken from these very strings (astro.config.mjs).
 */
export const INLINE_SCRIPTS = {
  // Keeps the pages opened readable offline (src/offline/service-worker.ts); registered once the
  // page has loaded, so it never competes with the page on a weak connection. The first page a
  // device opens loads before the worker runs: it and its files are saved once the worker is ready.
  registerServiceWorker: `if ('serviceWorker' in navigator) addEventListener('load', () => {
  const first = !navigator.serviceWorker.controller;
  navigator.serviceWorker.register('/sw.js')
    .then(() => first && navigator.serviceWorker.ready)
    .then((ready) => {
      if (!ready) return;
      const files = performance.getEntriesByType('resource').map((entry) => entry.name)
        .filter((url) => url.startsWith(location.origin + '/_astro/'));
      return Promise.all([
        caches.open('${CACHES.pages}').then((cache) => cache.add(location.pathname + location.search)),
        caches.open('${CACHES.assets}').then((cache) => cache.addAll(files)),
      ]);
    })
    .catch(() => undefined);
});`,
  // `npm run dev` shares the address of `npm start`: a worker left by the built site must not
  // answer for the development server.
  unregisterServiceWorker: `navigator.serviceWorker?.getRegistrations().then((all) => all.forEach((worker) => worker.unregister()));`,
  // Offline, what the reader sees is the copy saved when they last opened the page.
  showOffline: `{const notice = document.getElementById('offline-notice'); const show = () => { notice.hidden = navigator.onLine; }; addEventListener('online', show); addEventListener('offline', show); show();}`,
  // "/" focuses search from any page: the page's own search box, else the header's, else the search page.
  focusSearch: `document.addEventListener('keydown', (event) => {
  const target = event.target;
  const editing =
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  const modified = event.ctrlKey || event.metaKey || event.altKey;
  if (event.key !== '/' || editing || modified || event.defaultPrevented) return;
  event.preventDefault();
  const boxes = document.querySelectorAll('[data-search-input], #header-q');
  const box = [...boxes].find((input) => input.offsetParent);
  if (!box) return location.assign('/tim-kiem/');
  box.focus();
  box.select();
});`,
} as const;
