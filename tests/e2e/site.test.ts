import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  PHONE,
  fileFor,
  openPage,
  seriousViolations,
  useSite,
  pagePaths,
} from './harness.ts';

const site = useSite();
let context: BrowserContext;

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: PHONE });
});

describe('every page of the built site', () => {
  it('loads with no console error (none refused by the Content-Security-Policy), no request to another origin and no broken internal link', async () => {
    const paths = pagePaths();
    expect(paths).toContain('/ngoai-tuyen/');
    expect(paths.length).toBeGreaterThan(10);
    const { page, consoleErrors, foreignRequests } = await openPage(context, site.origin);
    // Every page carries the policy; a search runs Pagefind's WebAssembly under it too.
    const csp = await (await fetch(`${site.origin}/`)).text();
    expect(csp).toMatch(/<meta http-equiv="content-security-policy" content="default-src 'self';/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    await page.goto(`${site.origin}/tim-kiem/?q=${encodeURIComponent('kỷ luật')}`);
    await expect.poll(() => page.locator('a[data-result]').count()).toBeGreaterThan(0);
    const links = new Map<string, string>();
    for (const path of paths) {
      const response = await page.goto(site.origin + path, { waitUntil: 'load' });
      expect(response?.status(), path).toBe(200);
      expect(await page.getAttribute('html', 'lang'), path).toBe('vi');
      expect((await page.title()).length, path).toBeGreaterThan(0);
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(
        1,
      );
      const hrefs = await page.$$eval('a[href]', (anchors) =>
        anchors.map((a) => (a as HTMLAnchorElement).href),
      );
      for (const href of hrefs) if (href.startsWith(site.origin)) links.set(href, path);
    }
    const broken: string[] = [];
    for (const [href, from] of links) {
      const url = new URL(href);
      const file = fileFor(url.pathname);
      if (!file) {
        broken.push(`${from} → ${url.pathname}`);
        continue;
      }
      const id = decodeURIComponent(url.hash.slice(1));
      if (id && file.endsWith('.html') && !readFileSync(file, 'utf8').includes(`id="${id}"`)) {
        broken.push(`${from} → ${url.pathname}#${id}`);
      }
    }
    expect(broken).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    // Every page, one after the other: longer than one test's usual minute on a busy machine.
  }, 240_000);
});

describe('accessibility', () => {
  const firstOf = (prefix: string) => {
    const found = pagePaths().find((path) => path.startsWith(prefix) && path !== prefix);
    return found ? [found] : [];
  };
  const pages = () => [
    '/',
    '/van-ban/',
    ...firstOf('/van-ban/'),
    ...firstOf('/bai-hoc/'),
    ...firstOf('/tinh-huong/'),
    ...firstOf('/huong-dan/'),
    ...firstOf('/thuat-ngu/'),
    ...firstOf('/khoa-hoc/'),
    ...firstOf('/trac-nghiem/'),
    '/tim-kiem/',
    '/tien-do/',
  ];

  for (const viewport of [PHONE, DESKTOP]) {
    it(`has no serious or critical axe violation at ${viewport.width} px`, async () => {
      const wide = await site.browser.newContext({ viewport });
      const { page } = await openPage(wide, site.origin);
      const problems: string[] = [];
      for (const path of pages()) {
        await page.goto(site.origin + path);
        problems.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
      }
      await wide.close();
      expect(problems).toEqual([]);
    });
  }

  it('fits a 360 px phone without sideways scrolling and offers a skip link', async () => {
    const { page } = await openPage(context, site.origin);
    for (const path of ['/', '/van-ban/', ...firstOf('/van-ban/')]) {
      await page.goto(site.origin + path);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto(site.origin + '/');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(focused).toBe('Bỏ qua, đến nội dung chính');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('noi-dung');
  });
});
