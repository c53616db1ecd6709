import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

// CAMNANG_DIST lets a build in another folder be tested (dist/ is the default).
export const DIST = resolve(process.env['CAMNANG_DIST'] ?? 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/** The file in `dist/` that a URL path is served from, as a static host would. */
export function fileFor(pathname: string, dist = DIST): string | undefined {
  const path = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  const candidate = join(dist, path);
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  const index = join(candidate, 'index.html');
  return existsSync(index) ? index : undefined;
}

/** Whether a URL of the site is the learner database's code (`database.ts`, named by its error for data it cannot store). */
export function isStorageChunk(url: string): boolean {
  const file = fileFor(new URL(url).pathname);
  return (
    file !== undefined &&
    file.endsWith('.js') &&
    readFileSync(file, 'utf8').includes('Chỉ lưu được dữ liệu thuần')
  );
}

/**
 * The built site on a free port and a Chromium, for one test file: started before its tests and
 * stopped after them. Read `origin` and `browser` inside tests and hooks.
 */
export function useSite(dist = DIST): { readonly origin: string; readonly browser: Browser } {
  let server: Server | undefined;
  const site = { origin: '', browser: undefined as unknown as Browser };
  beforeAll(async () => {
    ({ origin: site.origin, server } = await serveDist(dist));
    site.browser = await launchChromium();
  });
  afterAll(async () => {
    await site.browser?.close();
    server?.close();
  });
  return site;
}

/** Serves `dist/` (or another build) on a free loopback port. */
export async function serveDist(dist = DIST): Promise<{ origin: string; server: Server }> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = fileFor(url.pathname, dist);
    if (!file) {
      response.writeHead(404, { 'content-type': TYPES['.html'] });
      response.end(existsSync(join(dist, '404.html')) ? readFileSync(join(dist, '404.html')) : '');
      return;
    }
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return { origin: `http://127.0.0.1:${address.port}`, server };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 900 };

/**
 * A page that records console errors (each breach of the Content-Security-Policy among them) and
 * every request that leaves the site's origin.
 */
export async function openPage(
  context: BrowserContext,
  origin: string,
): Promise<{ page: Page; consoleErrors: string[]; foreignRequests: string[] }> {
  const page = await context.newPage();
  // Chromium logs most refusals itself ("Refused to …"); the event names every one, worker's included.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content-Security-Policy: ${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      foreignRequests.push(url);
    }
  });
  return { page, consoleErrors, foreignRequests };
}

/** axe-core violations of serious or critical impact on the current page. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy rightly refuses that.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run(): Promise<{
            violations: { id: string; impact: string; nodes: { target: unknown }[] }[];
          }>;
        };
      }
    ).axe.run();
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 3).join(', ')}`);
}

/**
 * Paths of every page in the built site, read from dist/ itself: the sitemap is only written when
 * the build is given its public address (CAMNANG_SITE), and leaves out the offline page.
 */
export function pagePaths(): string[] {
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html') && !file.startsWith('.'))
    .map((file) => `/${file.replace(/\\/g, '/')}`.replace(/(^|\/)index\.html$/, '$1'))
    .sort();
}

/**
 * Takes the immediate-feedback quiz "ky-luat-dang", answering the first option until one is
 * wrong, then submits: leaves at least one missed question in the learner's history.
 */
export async function missAQuestion(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/trac-nghiem/ky-luat-dang/`);
  await page.waitForSelector('.position');
  for (let i = 0; i < 12; i++) {
    const radio = page.locator('.quiz form input[type=radio]').first();
    if (await radio.count()) {
      await radio.check();
      await page.getByRole('button', { name: 'Trả lời' }).click();
      await page.waitForSelector('.feedback');
      if ((await page.locator('.feedback').textContent())?.includes('Chưa đúng')) break;
    }
    const next = page.getByRole('button', { name: 'Câu tiếp theo' });
    if (!(await next.count())) break;
    await next.click();
  }
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  if (await page.getByRole('alertdialog').count()) {
    await page.getByRole('button', { name: 'Nộp bài ngay' }).click();
  }
  await page.waitForFunction(() => document.querySelector('.quiz h2')?.textContent === 'Kết quả');
}

/** Answers whatever the current question is, the way a learner would with a mouse. */
export async function answerCurrentQuestion(page: Page): Promise<string> {
  const form = page.locator('.quiz form');
  if (await form.locator('input[type=radio]').count()) {
    await form.locator('input[type=radio]').first().check();
    return 'radio';
  }
  if (await form.locator('input[type=checkbox]').count()) {
    await form.locator('input[type=checkbox]').first().check();
    return 'checkbox';
  }
  if (await form.locator('select').count()) {
    for (const select of await form.locator('select').all())
      await select.selectOption({ index: 1 });
    return 'select';
  }
  await form.getByRole('button', { name: 'Xác nhận thứ tự này' }).click();
  return 'ordering';
}

/** Waits until every island on the page has hydrated: before that, its inputs have no handlers. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
}
