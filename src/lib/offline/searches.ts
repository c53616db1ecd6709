import type { SearchFilters } from '../search/engine.ts';
import { CACHES } from './policy.ts';

/**
 * The searches run on this device, kept beside the files they fetched (an address the site never
 * serves). Offline, only those find their index files saved; any other would only fail, each missing
 * file logging an error.
 */
const SEARCHES = '/tim-kiem/da-tim.json';
/** Plenty of recent searches; the oldest is forgotten first. */
export const MAX_SEARCHES = 200;
const JSON_TYPE = { 'content-type': 'application/json' };

/** A search as the index sees it: the same words and filters ask for the same index files. */
export function searchKey(text: string, filters: SearchFilters): string {
  const set = Object.entries(filters)
    .filter(([, value]) => value)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify([text, set]);
}

/** The list with `key` first, once, and at most `max` long. */
export function withSearch(list: readonly string[], key: string, max = MAX_SEARCHES): string[] {
  return [key, ...list.filter((entry) => entry !== key)].slice(0, max);
}

async function read(cache: Cache): Promise<string[]> {
  const list: unknown = await (await cache.match(SEARCHES))?.json().catch(() => null);
  return Array.isArray(list) ? list.filter((entry) => typeof entry === 'string') : [];
}

/** Whether this search was run here with the network, so its index files are saved. */
export async function searchedBefore(key: string): Promise<boolean> {
  if (typeof caches === 'undefined') return false;
  return (await read(await caches.open(CACHES.data))).includes(key);
}

/** Notes a search that found its index files. */
export async function rememberSearch(key: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const cache = await caches.open(CACHES.data);
  const list = withSearch(await read(cache), key);
  await cache.put(SEARCHES, new Response(JSON.stringify(list), { headers: JSON_TYPE }));
}
