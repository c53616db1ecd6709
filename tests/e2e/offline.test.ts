import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PHONE,
  answerCurrentQuestion,
  hydrated,
  openPage,
  seriousViolations,
  useSite,
} from './harness.ts';

const ARTICLE = '/van-ban/dieu-le-dang/dieu-32/';
const QUIZ = '/trac-nghiem/nhap-mon-kiem-tra-giam-sat/';

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

// Each test a new device: nothing saved yet.
beforeEach(async () => {
  context = await site.browser.newContext({ viewport: PHONE });
  ({ page, consoleErrors } = await openPage(context, site.origin));
});

afterEach(async () => {
  // Offline, the browser itself logs each request that fails: those are expected here.
  expect(
    consoleErrors.filter((error) => !/Failed to load resource: net::ERR_/.test(error)),
  ).toEqual([]);
  await context.close();
});

/** Opens a page online and waits until the service worker controls it (and so saves what it loads). */
async function openOnline(path: string) {
  await page.goto(site.origin + path);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 15_000,
  });
  // Loaded again under the worker's control, so that the page itself is saved too.
  await page.reload();
}

const heading = () => page.locator('h1').first().textContent();

describe('without a network', () => {
  it('keeps even the first page a device opens', async () => {
    await page.goto(site.origin + ARTICLE);
    const title = await heading();
    await expect
      .poll(() => page.evaluate((path) => caches.match(path).then(Boolean), ARTICLE), {
        timeout: 15_000,
      })
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    expect(await heading()).toBe(title);
    // With its files: the fonts it used load from the device.
    const fonts = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .map((font) => font.status)
        .filter((status) => status !== 'unloaded');
    });
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((status) => status === 'loaded')).toBe(true);
  });

  it('still opens the pages read before, and says which ones when a page was never opened', async () => {
    await openOnline(ARTICLE);
    const title = await heading();
    await page.goto(`${site.origin}/`);

    const notice = page.getByText('bạn đang xem bản đã lưu trên máy');
    expect(await notice.isVisible()).toBe(false);
    await context.setOffline(true);
    await page.goto(site.origin + ARTICLE);
    expect(await heading()).toBe(title);
    // A saved copy says so: the status of a document may have changed since.
    expect(await notice.isVisible()).toBe(true);
    await page.goto(`${site.origin}/`);
    expect(await heading()).toBe('Cẩm nang cho cán bộ kiểm tra');

    // Never opened: the offline page, at the address asked for, listing what can be read.
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/dieu-34/`);
    expect(await heading()).toBe('Bạn đang ngoại tuyến');
    expect(await notice.count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/van-ban/dieu-le-dang/dieu-34/');
    const saved = page.locator('[data-saved-pages] a');
    await expect.poll(() => saved.count()).toBeGreaterThanOrEqual(2);
    const links = await saved.evaluateAll((anchors) =>
      anchors.map((a) => [a.textContent, a.getAttribute('href')]),
    );
    expect(links).toContainEqual([expect.stringContaining('Điều 32'), ARTICLE]);
    expect(links.every(([text]) => !text?.includes('· Cẩm nang Kiểm tra'))).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // Back online, "Thử lại" opens the page asked for.
    await context.setOffline(false);
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(heading).toContain('Điều 34');
  });

  it('opens an article never opened in its document’s saved page, which holds the whole text', async () => {
    await openOnline('/van-ban/dieu-le-dang/');
    await context.setOffline(true);
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1`);
    expect(await heading()).toBe('Bạn đang ngoại tuyến');
    const link = page.getByRole('link', { name: 'Đọc trong Điều lệ Đảng' });
    await expect.poll(() => link.count()).toBe(1);
    await link.click();
    await expect
      .poll(() => page.url())
      .toBe(`${site.origin}/van-ban/dieu-le-dang/#dieu-32-khoan-1`);
    expect(await page.locator('#dieu-32-khoan-1').isVisible()).toBe(true);
  });

  it('says a first save needs the network once, and saves when it is back', async () => {
    await openOnline(ARTICLE);
    const bookmark = page.getByRole('button', { name: 'Lưu khoản 1 Điều 32 Điều lệ Đảng' });
    await expect.poll(() => bookmark.isVisible()).toBe(true);
    await context.setOffline(true);
    await bookmark.click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('cần có mạng');
    expect(await bookmark.getAttribute('aria-pressed')).toBe('false');

    await context.setOffline(false);
    await bookmark.click();
    await expect.poll(() => bookmark.getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('searches the titles of the saved pages, and says why only those', async () => {
    await openOnline(ARTICLE);
    await page.goto(`${site.origin}/tim-kiem/`);
    await hydrated(page);
    await context.setOffline(true);
    await page.goto(`${site.origin}/tim-kiem/?q=dieu+32`);
    await expect
      .poll(() =>
        page
          .getByRole('status')
          .filter({ hasText: 'chỉ tìm được trong tên các trang đã lưu' })
          .textContent(),
      )
      .toContain('1 trang khớp “dieu 32”');
    const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('link');
    expect(await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      ARTICLE,
    ]);
  });

  it('runs a search made online again offline, and answers a new one from the saved pages', async () => {
    await openOnline('/tim-kiem/');
    const results = page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('link');
    const status = page.locator('.results [role=status]');
    await page.goto(`${site.origin}/tim-kiem/?q=${encodeURIComponent('kỷ luật')}`);
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    const online = await results.evaluateAll((links) => links.map((a) => a.getAttribute('href')));

    await context.setOffline(true);
    await page.reload();
    await expect
      .poll(() => results.evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
      .toEqual(online);
    expect(await status.textContent()).toMatch(/^\d+ kết quả$/);

    // A search never run on this device: the titles of the saved pages, and why.
    await hydrated(page);
    await page.locator('#search-q').fill('thanh tra');
    await expect
      .poll(() => status.textContent())
      .toContain('chỉ tìm được trong tên các trang đã lưu');
    // Nothing failed noisily: not even a request the browser had to refuse.
    expect(consoleErrors).toEqual([]);
  });

  it('reloads a saved page offline without a single console error, its icon included', async () => {
    // The first page a device opens: loaded before the service worker ran, so saved after.
    await page.goto(site.origin + ARTICLE);
    await expect
      .poll(() => page.evaluate((path) => caches.match(path).then(Boolean), ARTICLE), {
        timeout: 15_000,
      })
      .toBe(true);
    await context.setOffline(true);
    await page.reload();
    expect(await heading()).toContain('Điều 32');
    const icon = await page.evaluate(async () => (await fetch('/favicon.svg')).ok);
    expect(icon).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  it('resumes a quiz started online, its questions and answers intact', async () => {
    await openOnline(QUIZ);
    await expect.poll(() => page.locator('.position').textContent()).toMatch(/^Câu 1\//);
    const position = () => page.locator('.position').textContent();
    const question = () => page.locator('.quiz legend').first().textContent();
    const first = await question();
    await answerCurrentQuestion(page);
    await expect.poll(position).toMatch(/Đã trả lời 1\//);
    const total = (await position())?.match(/Đã trả lời 1\/(\d+)/)?.[1];

    await context.setOffline(true);
    await page.reload();
    // The attempt resumes at the first question not yet answered, as it does online.
    await expect
      .poll(position, { timeout: 15_000 })
      .toBe(`Câu 2/${total} · Đã trả lời 1/${total} câu`);
    await page.getByRole('button', { name: 'Câu trước' }).click();
    await expect.poll(question).toBe(first);
  });
});
