import { readFileSync } from 'node:fs';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { PHONE, isStorageChunk, openPage, seriousViolations, useSite } from './harness.ts';

const CLAUSE = '/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1';
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const DAY = 86_400_000;

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

/** A new browser profile: no data, no export, no hint dismissed. */
async function open(options: BrowserContextOptions = {}) {
  context = await site.browser.newContext({ viewport: PHONE, acceptDownloads: true, ...options });
  ({ page, consoleErrors } = await openPage(context, site.origin));
}

afterEach(async () => {
  expect(consoleErrors).toEqual([]);
  await context.close();
});

const reminder = () => page.getByRole('complementary', { name: 'Nên xuất một bản sao lưu:' });
const hint = () => page.getByRole('complementary', { name: 'Thêm trang vào màn hình chính' });

/** Opens a page and waits until its hint and reminder have been decided. */
async function visit(path: string) {
  await page.goto(site.origin + path);
  await page.waitForSelector('[data-keep-data][data-checked]', { state: 'attached' });
}

/** The learner's first data: a bookmark on a clause. */
async function saveABookmark() {
  await page.goto(site.origin + CLAUSE);
  await page.waitForSelector('#dieu-32-khoan-1 .learn:not([hidden])');
  const button = page.getByRole('button', { name: 'Lưu khoản 1 Điều 32 Điều lệ Đảng' });
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
}

/** Width and height of a PNG, from its header. */
const pngSize = (png: Buffer) => [png.readUInt32BE(16), png.readUInt32BE(20)];

describe('installing the site', () => {
  it('links every page to a Vietnamese manifest whose icons load, and Chromium finds it installable', async () => {
    await open({ colorScheme: 'light' });
    for (const path of ['/', '/tien-do/', '/van-ban/dieu-le-dang/dieu-32/', '/trac-nghiem/']) {
      await page.goto(site.origin + path);
      expect(await page.locator('link[rel=manifest]').getAttribute('href')).toBe(
        '/manifest.webmanifest',
      );
    }
    const response = await context.request.get(`${site.origin}/manifest.webmanifest`);
    expect(response.status()).toBe(200);
    const manifest = (await response.json()) as Record<string, unknown> & {
      icons: { src: string; sizes: string; type: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({
      lang: 'vi',
      name: 'Cẩm nang Kiểm tra',
      short_name: 'Cẩm nang',
      description: 'Học, tra cứu và luyện tập cho cán bộ kiểm tra',
      start_url: '/',
      scope: '/',
      display: 'standalone',
    });
    // The colours are the site's own, as its stylesheet sets them.
    const colour = (name: string) =>
      page.evaluate(
        (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim(),
        name,
      );
    expect(manifest['theme_color']).toBe(await colour('--accent'));
    expect(manifest['background_color']).toBe(await colour('--bg'));

    const icons = manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`);
    expect(icons).toEqual(
      expect.arrayContaining(['any any', '192x192 any', '512x512 any', '512x512 maskable']),
    );
    const apple = await page.locator('link[rel=apple-touch-icon]').getAttribute('href');
    for (const icon of [
      ...manifest.icons,
      { src: apple ?? '', sizes: '180x180', type: 'image/png' },
    ]) {
      const file = await context.request.get(site.origin + icon.src);
      expect(file.status(), icon.src).toBe(200);
      expect(file.headers()['content-type']).toBe(icon.type);
      if (icon.type === 'image/png') {
        expect(pngSize(await file.body()).join('x'), icon.src).toBe(icon.sizes);
      }
    }

    // Once the service worker controls the page, Chromium's only objection is the test's
    // private profile.
    await page.goto(`${site.origin}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cdp = await context.newCDPSession(page);
    expect((await cdp.send('Page.getAppManifest')).errors).toEqual([]);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);

    // Offline, the service worker still has the manifest and its icons.
    await context.setOffline(true);
    const offline = await page.evaluate(
      async (urls) => {
        const answers = await Promise.all(urls.map((url) => fetch(url).then((r) => r.status)));
        return answers;
      },
      ['/manifest.webmanifest', ...manifest.icons.map((icon) => icon.src), apple ?? ''],
    );
    expect(offline).toEqual(offline.map(() => 200));
    await context.setOffline(false);
  });
});

describe('the backup reminder', () => {
  it('is not shown to a first-time visitor, who downloads no storage code for it', async () => {
    await open();
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    await visit('/');
    expect(await reminder().isVisible()).toBe(false);
    expect(scripts.filter(isStorageChunk)).toEqual([]);
  });

  it('asks a learner with data to export, says why, and goes away once they do', async () => {
    await open();
    await saveABookmark();
    for (const path of ['/', '/tien-do/']) {
      await visit(path);
      await expect.poll(() => reminder().isVisible()).toBe(true);
      const text = await reminder().textContent();
      expect(text).toContain('trình duyệt này chưa đồng ý giữ lâu dài dữ liệu của trang');
      expect(text).toContain('Bạn chưa xuất bản sao lưu nào từ trình duyệt này.');
      expect(
        await reminder()
          .getByRole('link', { name: 'Xuất dữ liệu ở mục Sao lưu dữ liệu' })
          .getAttribute('href'),
      ).toBe('/tien-do/#sao-luu');
    }
    expect(await seriousViolations(page)).toEqual([]);

    // The link leads to the backup panel; exporting there answers the reminder at once.
    await reminder().getByRole('link').click();
    await page.waitForFunction(() => !document.querySelector('astro-island[ssr]'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất dữ liệu' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^camnang-sao-luu-/);
    await expect.poll(() => reminder().isVisible()).toBe(false);
    for (const path of ['/tien-do/', '/']) {
      await visit(path);
      expect(await reminder().isVisible()).toBe(false);
    }

    // The site remembers the export's time, the one the file records.
    const exportedAt = Number(
      await page.evaluate(() => localStorage.getItem('camnang:last-export')),
    );
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as { createdAt: string };
    expect(file.createdAt).toBe(new Date(exportedAt).toISOString());
    expect(Math.abs(Date.now() - exportedAt)).toBeLessThan(60_000);

    // A week and more on, it asks again, with the date of that export.
    for (const days of [8, 30]) {
      const date = await page.evaluate(
        (time) => {
          localStorage.setItem('camnang:last-export', String(time));
          const date = new Date(time);
          return `${date.getDate()}/${date.getMonth() + 1}/${date.getFullYear()}`;
        },
        exportedAt - days * DAY,
      );
      await visit('/');
      await expect.poll(() => reminder().isVisible()).toBe(true);
      expect(await reminder().textContent()).toContain(
        `Lần xuất gần nhất: ${date}, cách đây ${days} ngày.`,
      );
    }
  });

  it('is not shown when the browser promised to keep the data', async () => {
    await open();
    await context.addInitScript(() => {
      StorageManager.prototype.persisted = () => Promise.resolve(true);
    });
    await saveABookmark();
    await visit('/tien-do/');
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Trình duyệt đã đồng ý giữ lâu dài dữ liệu này.');
    expect(await reminder().isVisible()).toBe(false);
    await visit('/');
    expect(await reminder().isVisible()).toBe(false);
  });
});

describe('the "add to home screen" hint', () => {
  it('tells iPhone Safari users how to add the site, on home and /tien-do/, until dismissed', async () => {
    await open({ userAgent: IPHONE_SAFARI, isMobile: true, hasTouch: true });
    await visit('/');
    await expect.poll(() => hint().isVisible()).toBe(true);
    const text = await hint().textContent();
    expect(text).toContain('Chia sẻ');
    expect(text).toContain('“Thêm vào MH chính”');
    expect(await seriousViolations(page)).toEqual([]);
    await visit('/tien-do/');
    expect(await hint().isVisible()).toBe(true);
    // Nowhere else.
    for (const path of ['/van-ban/', '/bai-hoc/']) {
      await page.goto(site.origin + path);
      expect(await page.locator('body').textContent()).not.toContain('Thêm vào MH chính');
    }

    await visit('/');
    await hint().getByRole('button', { name: 'Đã hiểu' }).click();
    expect(await hint().isVisible()).toBe(false);
    for (const path of ['/', '/tien-do/']) {
      await visit(path);
      expect(await hint().isVisible()).toBe(false);
    }
  });

  it('is not shown once the site is opened from the home screen', async () => {
    await open({ userAgent: IPHONE_SAFARI, isMobile: true, hasTouch: true });
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'standalone', { get: () => true });
    });
    await visit('/');
    expect(await hint().isVisible()).toBe(false);
  });

  it('is not shown in desktop Chromium', async () => {
    await open();
    for (const path of ['/', '/tien-do/']) {
      await visit(path);
      expect(await hint().isVisible()).toBe(false);
    }
  });
});
