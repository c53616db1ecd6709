import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIACRITICS_TABLE_PATH } from '../../src/lib/search/suggest.ts';
import { DESKTOP, PHONE, hydrated, openPage, seriousViolations, useSite } from './harness.ts';

const site = useSite();
let context: BrowserContext;

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: DESKTOP });
});

const box = (page: Page) => page.getByRole('searchbox', { name: 'Tìm kiếm', exact: true });
const region = (page: Page) => page.getByRole('region', { name: 'Kết quả tìm kiếm' });
const results = (page: Page) => region(page).locator('ol > li');
const focusedHref = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);

/** Types like a reader, one key at a time, and waits for the answer to the whole query. */
async function type(page: Page, text: string) {
  await box(page).fill('');
  await box(page).pressSequentially(text, { delay: 15 });
  // The URL changes when the search for the whole query starts; aria-busy clears when it is answered.
  await page.waitForFunction(
    (query) =>
      new URLSearchParams(location.search).get('q') === query &&
      document.querySelector('section[aria-busy]')?.getAttribute('aria-busy') === 'false',
    text,
  );
}

describe('search page', () => {
  it('shows results as the reader types, with real Vietnamese text, and puts the query in the URL', async () => {
    const { page, consoleErrors, foreignRequests } = await openPage(context, site.origin);
    await page.goto(`${site.origin}/tim-kiem/`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await type(page, 'ky luat dang');
    await expect.poll(() => results(page).count()).toBeGreaterThan(3);
    const first = results(page).first();
    expect(await first.locator('mark').first().textContent()).toMatch(/kỷ luật đảng/i);
    expect(await region(page).textContent()).not.toMatch(/ky luat dang/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('ky luat dang');
    // The shared URL shows the same results.
    await page.goto(`${site.origin}/tim-kiem/?q=${encodeURIComponent('thanh tra')}`);
    await expect.poll(() => results(page).count()).toBeGreaterThan(3);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('moves through results with the arrow keys and opens one with Enter', async () => {
    const { page } = await openPage(context, site.origin);
    await page.goto(`${site.origin}/tim-kiem/`);
    await type(page, 'thời hiệu');
    const hrefs = await region(page)
      .locator('a[data-result]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(2);
    await page.keyboard.press('ArrowDown');
    expect(await focusedHref(page)).toBe(hrefs[0]);
    await page.keyboard.press('ArrowDown');
    expect(await focusedHref(page)).toBe(hrefs[1]);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await Promise.all([
      page.waitForURL((url) => url.pathname === new URL(hrefs[1] ?? '', site.origin).pathname),
      page.keyboard.press('Enter'),
    ]);
  });

  it('narrows results with a filter, kept in the URL', async () => {
    const { page } = await openPage(context, site.origin);
    await page.goto(`${site.origin}/tim-kiem/?q=${encodeURIComponent('kỷ luật')}`);
    await expect.poll(() => results(page).count()).toBeGreaterThan(3);
    await page.getByLabel('Loại nội dung').selectOption('Thuật ngữ');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('loai') === 'Thuật ngữ',
    );
    await expect
      .poll(
        async () =>
          new Set(
            (await results(page).locator('.meta').allTextContents()).map((text) => text.trim()),
          ),
      )
      .toEqual(new Set(['Thuật ngữ']));
    // Documents load on demand; narrowing to one keeps only its articles.
    await page.getByLabel('Loại nội dung').selectOption('');
    const documents = page.getByLabel('Văn bản', { exact: true });
    expect(await documents.locator('option').count()).toBe(1);
    await documents.focus();
    await expect.poll(() => documents.locator('option').count()).toBeGreaterThan(5);
    await documents.selectOption('Quy định 69-QĐ/TW');
    await expect
      .poll(async () =>
        (
          await results(page)
            .locator('a.title')
            .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
        ).every((href) => href?.startsWith('/van-ban/quy-dinh-69-qd-tw/')),
      )
      .toBe(true);
  });

  it('puts a direct jump to a cited clause first; Enter goes there', async () => {
    const { page } = await openPage(context, site.origin);
    await page.goto(`${site.origin}/tim-kiem/`);
    await type(page, 'khoan 2 dieu 32 dieu le');
    const jump = results(page).first().locator('a');
    await expect
      .poll(() => jump.getAttribute('href'))
      .toBe('/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-2');
    expect(await jump.textContent()).toContain('khoản 2 Điều 32 Điều lệ Đảng');
    await box(page).focus();
    await Promise.all([
      page.waitForURL(/\/van-ban\/dieu-le-dang\/dieu-32\/#dieu-32-khoan-2$/),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('#dieu-32-khoan-2').count()).toBe(1);
  });

  // Pagefind matches an indexed word that starts the query's word ("q" for "qwfp") and leaves out
  // a word that matches nothing, so only a word of no language finds nothing at all.
  it('says when nothing is found and offers the spelling without marks', async () => {
    const { page } = await openPage(context, site.origin);
    await page.goto(`${site.origin}/tim-kiem/`);
    await type(page, '0xqđ');
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Không tìm thấy kết quả cho “0xqđ”.');
    expect(await region(page).getByRole('button', { name: '0xqd' }).count()).toBe(1);
    expect(await results(page).count()).toBe(0);
  });

  it('drops answers to queries the reader has typed past', async () => {
    // Requests the service worker answers never reach page.route.
    const unserved = await site.browser.newContext({ viewport: DESKTOP, serviceWorkers: 'block' });
    const { page } = await openPage(unserved, site.origin);
    // A query typed without marks waits for the table of marks (suggest.ts): holding it makes
    // the answer to "thanh tra" arrive after the answer to "khiển trách", typed next.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      void page.route(`**${DIACRITICS_TABLE_PATH}`, async (route) => {
        resolve();
        await new Promise<void>((go) => (release = go));
        await route.continue();
      });
    });
    let inFlight = 0;
    let lastActivity = Date.now();
    const activity = (change: number) => () => {
      inFlight += change;
      lastActivity = Date.now();
    };
    page.on('request', activity(1));
    page.on('requestfinished', activity(-1));
    page.on('requestfailed', activity(-1));

    await page.goto(`${site.origin}/tim-kiem/`);
    await hydrated(page);
    await box(page).fill('thanh tra');
    await held;
    await type(page, 'khiển trách');
    const firstTitle = () => results(page).locator('a.title').first().textContent();
    expect(await firstTitle()).toMatch(/Khiển trách/);

    // The older search now gets its table, searches and loads its excerpts: wait until the
    // page has had everything it asked for and stayed quiet, then look again.
    release();
    await expect
      .poll(() => inFlight === 0 && Date.now() - lastActivity > 500, { timeout: 10_000 })
      .toBe(true);
    expect(await firstTitle()).toMatch(/Khiển trách/);
    expect(await region(page).textContent()).not.toMatch(/Thanh tra/);
    await unserved.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`has no serious or critical axe violation with results, at ${viewport.width} px`, async () => {
      const wide = await site.browser.newContext({ viewport });
      const { page } = await openPage(wide, site.origin);
      await page.goto(
        `${site.origin}/tim-kiem/?q=${encodeURIComponent('khoản 1 điều 30 điều lệ')}`,
      );
      await expect.poll(() => results(page).count()).toBeGreaterThan(1);
      expect(await seriousViolations(page)).toEqual([]);
      await wide.close();
    });
  }
});

describe('search from any page', () => {
  it('"/" focuses the header box; the box downloads nothing until used', async () => {
    const { page } = await openPage(context, site.origin);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${site.origin}/van-ban/quy-dinh-69-qd-tw/dieu-4/`);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-q');
    expect(
      requests.filter((path) => path.startsWith('/pagefind/') || path.startsWith('/search/')),
    ).toEqual([]);
    await page.keyboard.type('thoi hieu');
    await Promise.all([
      page.waitForURL(/\/tim-kiem\/\?q=thoi\+hieu/),
      page.keyboard.press('Enter'),
    ]);
    await expect.poll(() => results(page).count()).toBeGreaterThan(1);
    // On the search page, "/" comes back to its own box.
    await results(page).first().locator('a').first().focus();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
  });
});
