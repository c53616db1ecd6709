/// <reference lib="webworker" />
// The site's service worker, bundled into dist/sw.js after the build (src/integrations/offline.ts).
import { clientsClaim } from 'workbox-core';
import type { RouteMatchCallback, WorkboxPlugin } from 'workbox-core/types.js';
import { ExpirationPlugin } from 'workbox-expiration';
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute, setCatchHandler } from 'workbox-routing';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import {
  CACHES,
  OFFLINE_PAGE,
  cacheKey,
  cachePolicy,
  type CachePolicy,
} from '../lib/offline/policy.ts';

declare const self: ServiceWorkerGlobalScope;
/** The offline page and what it needs, with revisions: written in by the build. */
declare const PRECACHE: { url: string; revision: string | null }[];

// A new build takes over at once: pages come from the network first, and files named by their
// hash never change, so an open page cannot mix versions of a file.
void self.skipWaiting();
clientsClaim();
precacheAndRoute(PRECACHE);
cleanupOutdatedCaches();

const when =
  (policy: CachePolicy): RouteMatchCallback =>
  ({ request }) =>
    cachePolicy(request, self.location.origin) === policy;
// On a weak connection, a saved copy after 4 s beats a blank screen; the network still updates it.
const networkTimeoutSeconds = 4;
/**
 * At most this many entries in a cache, the least recently used going first; on a full disk the
 * saved pages are dropped, as they can be fetched again and the learner's own data cannot.
 */
const atMost = (maxEntries: number) =>
  // Workbox's own plugin; its optional hooks only fail our exactOptionalPropertyTypes check.
  [new ExpirationPlugin({ maxEntries, purgeOnQuotaError: true }) as unknown as WorkboxPlugin];
/** Files are saved and found by their address alone (see `cacheKey`). */
const byPath: WorkboxPlugin = { cacheKeyWillBeUsed: async ({ request }) => cacheKey(request.url) };

registerRoute(
  when('page'),
  new NetworkFirst({
    cacheName: CACHES.pages,
    networkTimeoutSeconds,
    // Pages are static; a query (search words, quiz questions to retry) is read by their script.
    matchOptions: { ignoreSearch: true },
    plugins: atMost(400),
  }),
);
registerRoute(
  when('immutable'),
  new CacheFirst({
    cacheName: CACHES.assets,
    plugins: [byPath, ...atMost(400)],
  }),
);
registerRoute(
  when('data'),
  new NetworkFirst({
    cacheName: CACHES.data,
    networkTimeoutSeconds,
    plugins: [byPath, ...atMost(600)],
  }),
);

// A page never opened on this device, with no network: say so, and list what can be read.
setCatchHandler(async ({ request }) =>
  request.mode === 'navigate'
    ? ((await matchPrecache(OFFLINE_PAGE)) ?? Response.error())
    : Response.error(),
);
