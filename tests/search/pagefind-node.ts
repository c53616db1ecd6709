import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { readAbbreviations } from '../../src/lib/search/abbreviations-file.ts';
import { compileAbbreviations } from '../../src/lib/search/abbreviations.ts';
import type { CitationIndex } from '../../src/lib/search/citation-index.ts';
import { CITATION_INDEX_PATH } from '../../src/lib/search/citation-index.ts';
import { createSiteSearch } from '../../src/lib/search/engine.ts';
import { PAGEFIND_OPTIONS, type PagefindApi } from '../../src/lib/search/pagefind.ts';
import { DIACRITICS_TABLE_PATH, type DiacriticsTable } from '../../src/lib/search/suggest.ts';

/** Every file read from the built site, in order: what a browser would download. */
export type Transfers = { path: string; bytes: number }[];

let installed: Transfers | null = null;

/**
 * Pagefind's browser bundle runs in Node once `fetch` can read `file:` URLs; the shim also
 * records each file read, so a test or benchmark can count the bytes a search costs.
 */
function installFileFetch(): Transfers {
  if (installed) return installed;
  const transfers: Transfers = [];
  const networkFetch = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'file:') return networkFetch(input, init);
    url.search = '';
    const path = fileURLToPath(url);
    try {
      const body = readFileSync(path);
      transfers.push({ path, bytes: body.length });
      return new Response(body);
    } catch {
      return new Response(null, { status: 404 });
    }
  };
  installed = transfers;
  return transfers;
}

let instances = 0;

/**
 * A fresh Pagefind over `dist/pagefind/`, as a first visit would load it (each call imports a new
 * module instance, with empty caches), configured as the search page configures it.
 */
export async function pagefindFromDist(
  dist: string,
): Promise<{ api: PagefindApi; transfers: Transfers }> {
  const transfers = installFileFetch();
  const base = pathToFileURL(join(dist, 'pagefind') + '/').href;
  const api = (await import(`${base}pagefind.js?instance=${++instances}`)) as PagefindApi;
  await api.options({ ...PAGEFIND_OPTIONS, basePath: base, baseUrl: '/' });
  return { api, transfers };
}

/** The search page's search, over a built site in Node. */
export async function siteSearchFromDist(dist: string, root: string) {
  const { api, transfers } = await pagefindFromDist(dist);
  const abbreviations = compileAbbreviations(readAbbreviations(root));
  const search = createSiteSearch({
    pagefind: async () => api,
    abbreviations,
    // Through fetch, like the browser, so the files are counted.
    citations: async () =>
      (await (await fetch(pathToFileURL(join(dist, CITATION_INDEX_PATH)))).json()) as CitationIndex,
    diacritics: async () =>
      (await (
        await fetch(pathToFileURL(join(dist, DIACRITICS_TABLE_PATH)))
      ).json()) as DiacriticsTable,
  });
  return { search, api, transfers };
}
