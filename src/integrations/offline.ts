import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { INSTALL_FILES } from '../lib/offline/manifest.ts';
import { OFFLINE_PAGE, SHARED_FILES } from '../lib/offline/policy.ts';

const SOURCE = fileURLToPath(new URL('../offline/service-worker.ts', import.meta.url));
const SERVICE_WORKER = 'sw.js';

const revisionOf = (data: Buffer) => createHash('sha256').update(data).digest('hex').slice(0, 16);

/** The stylesheets and scripts a page loads, with the modules those scripts import. */
function assetsOf(html: string, outDir: string): string[] {
  const assets = new Set<string>();
  const visit = (url: string) => {
    if (assets.has(url)) return;
    assets.add(url);
    if (!url.endsWith('.js')) return;
    const code = readFileSync(join(outDir, url), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) {
      visit(`/_astro/${m[1] ?? ''}`);
    }
  };
  for (const m of html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)) visit(m[1] ?? '');
  return [...assets];
}

/**
 * Writes `sw.js` into the built site: the service worker, with the offline page and what it
 * loads precached, with the files every page asks for (its icon, the shared strings) and those
 * installing the site needs (the manifest and icons), so a saved or installed page opens offline
 * whole. Each file's revision is its content's hash, so every build that changes one installs a
 * new worker.
 */
export async function buildServiceWorker(
  outDir: string,
): Promise<{ bytes: number; precached: string[] }> {
  const pageFile = join(outDir, OFFLINE_PAGE, 'index.html');
  const page = readFileSync(pageFile);
  const precache = [
    { url: OFFLINE_PAGE, revision: revisionOf(page) },
    // Every page shows the icon (one of INSTALL_FILES) and most fetch the shared files.
    ...[...INSTALL_FILES, ...Object.values(SHARED_FILES)].map((url) => ({
      url,
      revision: revisionOf(readFileSync(join(outDir, url))),
    })),
    // Named by their content's hash already.
    ...assetsOf(page.toString(), outDir).map((url) => ({ url, revision: null })),
  ];
  const outfile = join(outDir, SERVICE_WORKER);
  await build({
    entryPoints: [SOURCE],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
    define: {
      PRECACHE: JSON.stringify(precache),
      // Workbox's production build: no logging.
      'process.env.NODE_ENV': '"production"',
    },
  });
  return { bytes: statSync(outfile).size, precached: precache.map((entry) => entry.url) };
}
