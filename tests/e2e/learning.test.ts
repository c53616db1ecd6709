import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PHONE,
  launchChromium,
  missAQuestion,
  openPage,
  seriousViolations,
  serveDist,
} from './harness.ts';

const COURSE = '/khoa-hoc/nhap-mon-cong-tac-kiem-tra-giam-sat/';

let browser: Browser;
let server: Server;
let origin: string;
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeAll(async () => {
  ({ origin, server } = await serveDist());
  browser = await launchChromium();
  context = await browser.newContext({ viewport: PHONE });
  ({ page, consoleErrors } = await openPage(context, origin));
});

afterAll(async () => {
  expect(consoleErrors).toEqual([]);
  await browser?.close();
  server?.close();
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
    await page.goto(origin + COURSE);
    await page.locator('.steps a').first().click();
    await expect.poll(() => page.locator('.course-place').textContent()).toMatch(/^Bài 1\/7/);
    await markDone();
    await page.getByRole('link', { name: /^Tiếp theo:/ }).click();
    await expect.poll(() => page.locator('.course-place').textContent()).toMatch(/^Bài 2\/7/);
    await markDone();
    await page.reload();
    await expect
      .poll(() => page.locator('[data-lesson-toggle]').textContent())
      .toContain('Đã học');
    await page.goto(origin + COURSE);
    await expect.poll(() => page.locator('.done-count').textContent()).toBe('Đã học 2/6 bài');
    expect(await page.locator('.steps li[data-done="true"]').count()).toBe(2);
    await page.goto(`${origin}/khoa-hoc/`);
    await expect.poll(() => page.locator('.done-count').first().textContent()).toBe('Đã học 2/6 bài');
  });
});

describe('the progress page', () => {
  it('shows a finished quiz, the questions missed, and a retry of just those', async () => {
    await page.goto(`${origin}/tien-do/`);
    await expect.poll(() => page.locator('main').textContent()).toContain('chưa làm bài trắc nghiệm nào');
    await missAQuestion(page, origin);

    await page.goto(`${origin}/tien-do/`);
    const table = page.getByRole('region', { name: 'Các bài trắc nghiệm' });
    await expect.poll(() => table.textContent()).toContain('Kỷ luật');
    expect(await page.locator('.missed li').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.retries a').first().click();
    await expect.poll(() => page.locator('.quiz .notice.info').textContent()).toMatch(/^Ôn lại \d+ câu/);
  });
});
