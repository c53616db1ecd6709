import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, missAQuestion, openPage, seriousViolations, useSite } from './harness.ts';

const COURSE = '/khoa-hoc/nhap-mon-cong-tac-kiem-tra-giam-sat/';

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: PHONE });
  ({ page, consoleErrors } = await openPage(context, site.origin));
});

afterAll(async () => {
  expect(consoleErrors).toEqual([]);
});

const markDone = async () => {
  const toggle = page.getByRole('button', { name: 'Đánh dấu đã học' });
  await toggle.click();
  await expect
    .poll(() => page.locator('[data-lesson-toggle]').getAttribute('aria-pressed'))
    .toBe('true');
};

describe('following a course', () => {
  it('keeps "đã học" through two lessons and a reload, and counts it on the course pages', async () => {
    await page.goto(site.origin + COURSE);
    await page.locator('.steps a').first().click();
    await expect.poll(() => page.locator('.course-place').textContent()).toMatch(/^Bài 1\/7/);
    await markDone();
    await page.getByRole('link', { name: /^Tiếp theo:/ }).click();
    await expect.poll(() => page.locator('.course-place').textContent()).toMatch(/^Bài 2\/7/);
    await markDone();
    await page.reload();
    await expect.poll(() => page.locator('[data-lesson-toggle]').textContent()).toContain('Đã học');
    await page.goto(site.origin + COURSE);
    await expect.poll(() => page.locator('.done-count').textContent()).toBe('Đã học 2/6 bài');
    expect(await page.locator('.steps li[data-done="true"]').count()).toBe(2);
    await page.goto(`${site.origin}/khoa-hoc/`);
    await expect
      .poll(() => page.locator('.done-count').first().textContent())
      .toBe('Đã học 2/6 bài');
  });
});

describe('the progress page', () => {
  it('shows a finished quiz, the questions missed, and a retry of just those', async () => {
    await page.goto(`${site.origin}/tien-do/`);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('chưa làm bài trắc nghiệm nào');
    await missAQuestion(page, site.origin);

    await page.goto(`${site.origin}/tien-do/`);
    const table = page.getByRole('region', { name: 'Các bài trắc nghiệm' });
    await expect.poll(() => table.textContent()).toContain('Kỷ luật');
    expect(await page.locator('.missed li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.retries a').first().click();
    await expect
      .poll(() => page.locator('.quiz .notice.info').textContent())
      .toMatch(/^Ôn lại \d+ câu/);
  });
});
