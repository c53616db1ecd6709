import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, openPage, useSite } from './harness.ts';

// A lesson that cites Điều 35 Điều lệ Đảng.
const LESSON = '/bai-hoc/hinh-thuc-ky-luat/';

const site = useSite();

describe('a citation preview', () => {
  it('appears on hover and on keyboard focus on a desktop, and Escape closes it', async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP });
    const { page, consoleErrors } = await openPage(context, site.origin);
    await page.goto(site.origin + LESSON);
    const link = page.locator('a.cite', { hasText: 'Điều 35 Điều lệ Đảng' }).first();
    await link.hover();
    const preview = page.getByRole('tooltip');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await preview.textContent()).toContain('Điều 35 Điều lệ Đảng');
    expect(await preview.textContent()).toContain('Tình trạng: Còn hiệu lực');
    await page.mouse.move(0, 0);
    await expect.poll(() => preview.isVisible()).toBe(false);

    await link.focus();
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(await link.getAttribute('aria-describedby')).toBe('cite-preview');
    await page.keyboard.press('Escape');
    await expect.poll(() => preview.isVisible()).toBe(false);
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it('opens with a first tap on a phone, and a second tap follows the link', async () => {
    const context = await site.browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    const { page } = await openPage(context, site.origin);
    await page.goto(site.origin + LESSON);
    const link = page.locator('a.cite', { hasText: 'Điều 35 Điều lệ Đảng' }).first();
    await link.scrollIntoViewIfNeeded();
    await link.tap();
    const preview = page.getByRole('tooltip');
    await expect.poll(() => preview.isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe(LESSON);
    const box = await preview.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await link.tap();
    await page.waitForURL(/\/van-ban\/dieu-le-dang\/dieu-35\//);
    await context.close();
  });
});

describe('an article page', () => {
  it('lists where the article is cited', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const { page } = await openPage(context, site.origin);
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/dieu-35/`);
    const section = page.getByRole('region', { name: 'Được dẫn chiếu trong' });
    expect(await section.getByRole('link', { name: /Hình thức kỷ luật/ }).count()).toBeGreaterThan(
      0,
    );
    await context.close();
  });
});
