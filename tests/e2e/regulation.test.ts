import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, openPage, useSite } from './harness.ts';

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  ({ page, consoleErrors } = await openPage(context, site.origin));
});

afterAll(async () => {
  expect(consoleErrors).toEqual([]);
});

describe('reading a regulation on a 360 px phone', () => {
  it('opens an article from the document and follows a clause link', async () => {
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/`);
    await page
      .getByRole('link', { name: /^Chương VII/ })
      .first()
      .click();
    expect(new URL(page.url()).hash).toMatch(/^#chuong-7$/);
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/dieu-32/`);
    await expect.poll(() => page.title()).toContain('Điều 32 Điều lệ Đảng');
    await page.getByRole('link', { name: 'Liên kết đến khoản 1' }).click();
    expect(new URL(page.url()).hash).toBe('#dieu-32-khoan-1');
    const highlighted = await page.$eval(
      '#dieu-32-khoan-1 > .unit-own',
      (el) => getComputedStyle(el).backgroundColor,
    );
    expect(highlighted).not.toBe('rgba(0, 0, 0, 0)');
  });

  it('copies the Vietnamese citation of a clause with its link', async () => {
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1`);
    await page
      .getByRole('button', { name: 'Sao chép trích dẫn khoản 1 Điều 32 Điều lệ Đảng' })
      .click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(
        `khoản 1 Điều 32 Điều lệ Đảng\n${site.origin}/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1`,
      );
    await expect.poll(() => page.textContent('#cite-status')).toContain('Đã sao chép');
  });

  it('shows an annotation under its article as an expandable note', async () => {
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/dieu-35/`);
    const note = page.locator('#dieu-35 details.annotation').first();
    expect(await note.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(false);
    await note.locator('summary').click();
    expect(await note.locator('.annotation-body').isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Ban biên soạn Cẩm nang Kiểm tra');
  });

  it('moves to the next article', async () => {
    await page.goto(`${site.origin}/van-ban/quy-dinh-69-qd-tw/dieu-4/`);
    await page.locator('a[rel="next"]').click();
    await page.waitForURL(/dieu-5\/$/);
    expect(await page.locator('#dieu-5').count()).toBe(1);
  });
});

describe('on a wide screen', () => {
  it('shows annotations beside their clause, open', async () => {
    const wide = await site.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(`${site.origin}/van-ban/quy-dinh-69-qd-tw/dieu-4/`);
    const note = wide.locator('#dieu-4 details.annotation').first();
    expect(await note.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true);
    const [text, aside] = await Promise.all([
      wide.locator('#dieu-4 > .unit-own').boundingBox(),
      wide.locator('#dieu-4 > .annotations').boundingBox(),
    ]);
    expect(aside!.x).toBeGreaterThan(text!.x + text!.width - 1);
    await wide.close();
  });
});
