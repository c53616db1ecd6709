/**
 * What a first visit to each kind of page costs a reader in Chromium: every file the page loads,
 * deferred scripts included, by kind, as a static host sends it (gzip; fonts as they are).
 * For comparison, ARCHITECTURE.md measured a Starlight article page at 48.7 KB gzip.
 * Run after `npm run build`: `npx node bench/pages.ts`.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PHONE, fileFor, launchChromium, serveDist } from '../tests/e2e/harness.ts';

const PAGES: [string, string][] = [
  ['home', '/'],
  ['regulation article', '/van-ban/dieu-le-dang/dieu-32/'],
  ['lesson', '/bai-hoc/hinh-thuc-ky-luat/'],
  ['quiz', '/trac-nghiem/ky-luat-dang/'],
];
/** Long enough for what loads on idle (at most 2 s after load) to arrive. */
const SETTLE_MS = 3000;

const KINDS: Record<string, string> = {
  '.html': 'html',
  '.css': 'css',
  '.js': 'js',
  '.json': 'json',
  '.woff2': 'fonts',
  '.svg': 'other',
};

function wireBytes(file: string): number {
  const data = readFileSync(file);
  return file.endsWith('.woff2') ? data.length : gzipSync(data, { level: 9 }).length;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const { origin, server } = await serveDist();
const browser = await launchChromium();
try {
  for (const [name, path] of PAGES) {
    // A new device each time: nothing cached, no service worker yet.
    const context = await browser.newContext({ viewport: PHONE, serviceWorkers: 'block' });
    const page = await context.newPage();
    const files = new Set<string>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      const file = url.origin === origin ? fileFor(url.pathname) : undefined;
      if (file) files.add(file);
    });
    await page.goto(origin + path, { waitUntil: 'load' });
    await page.waitForTimeout(SETTLE_MS);
    await context.close();

    const byKind = new Map<string, number>();
    for (const file of files) {
      const kind = KINDS[extname(file)] ?? 'other';
      byKind.set(kind, (byKind.get(kind) ?? 0) + wireBytes(file));
    }
    const total = [...byKind.values()].reduce((sum, bytes) => sum + bytes, 0);
    const parts = [...byKind].map(([kind, bytes]) => `${kind} ${kb(bytes)}`).join(', ');
    const withoutFonts = total - (byKind.get('fonts') ?? 0);
    console.log(
      `${name.padEnd(20)} ${kb(total).padStart(9)} in ${String(files.size).padStart(2)} files` +
        ` (${kb(withoutFonts)} without fonts): ${parts}`,
    );
  }
} finally {
  await browser.close();
  server.close();
}
