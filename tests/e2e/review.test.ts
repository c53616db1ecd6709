import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  PHONE,
  isStorageChunk,
  missAQuestion,
  openPage,
  seriousViolations,
  useSite,
} from './harness.ts';

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

// Each test its own browser profile: a learner starting with no cards.
beforeEach(async () => {
  context = await site.browser.newContext({ viewport: PHONE });
  ({ page, consoleErrors } = await openPage(context, site.origin));
});

afterEach(async () => {
  expect(consoleErrors).toEqual([]);
  await context.close();
});

const dueCount = async () => {
  const text = (await page.locator('main').textContent()) ?? '';
  if (text.includes('Hôm nay không còn thẻ nào cần ôn')) return 0;
  return Number(text.match(/Hôm nay còn (\d+) thẻ cần ôn/)?.[1] ?? NaN);
};

/** Answers the card's question however it is asked. */
async function answerCard() {
  const form = page.locator('.card form');
  if (await form.locator('input[type=radio]').count())
    await form.locator('input[type=radio]').first().check();
  else if (await form.locator('input[type=checkbox]').count())
    await form.locator('input[type=checkbox]').first().check();
  else
    for (const select of await form.locator('select').all())
      await select.selectOption({ index: 1 });
}

describe('review', () => {
  it('tells a first-time visitor on the home page that nothing is due, without downloading the storage code', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    await page.goto(`${site.origin}/`);
    await expect
      .poll(() => page.locator('[data-due-cards]').textContent())
      .toBe('Hôm nay không có thẻ nào cần ôn tập.');
    expect(scripts.filter(isStorageChunk)).toEqual([]);
  });

  it('brings back a missed question today, and rating it takes it off today’s list', async () => {
    await page.goto(`${site.origin}/on-tap/`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Chưa có thẻ ôn tập');
    expect(await seriousViolations(page)).toEqual([]);

    await missAQuestion(page, site.origin);
    await page.goto(`${site.origin}/`);
    await expect
      .poll(() => page.locator('[data-due-cards]').textContent())
      .toMatch(/^Hôm nay có \d+ thẻ cần ôn tập\.$/);

    await page.goto(`${site.origin}/on-tap/`);
    await expect.poll(dueCount).toBeGreaterThan(0);
    const before = await dueCount();
    await expect
      .poll(() => page.locator('.card h2').textContent())
      .toContain('Câu hỏi trong bài “');
    expect(await seriousViolations(page)).toEqual([]);
    await answerCard();
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await page.waitForSelector('.card .feedback');
    await page.getByRole('button', { name: /^Được/ }).click();
    await expect.poll(dueCount).toBe(before - 1);
    expect(await page.locator('main [role=status]').first().textContent()).toMatch(
      /^Đã xếp lịch ôn lại vào ngày \d+\/\d+\/\d{4}\.$/,
    );
    await page.reload();
    await expect.poll(dueCount).toBe(before - 1);
  });

  it('asks to recall a clause before showing it', async () => {
    await page.goto(`${site.origin}/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1`);
    const review = page.getByRole('button', {
      name: 'Ôn tập điều này: khoản 1 Điều 32 Điều lệ Đảng',
    });
    await review.click();
    await expect.poll(() => review.getAttribute('aria-pressed')).toBe('true');

    await page.goto(`${site.origin}/on-tap/`);
    await expect.poll(dueCount).toBe(1);
    expect(await page.locator('.citation').textContent()).toBe('khoản 1 Điều 32 Điều lệ Đảng');
    expect(await page.locator('.clause').count()).toBe(0);
    await page.getByRole('button', { name: 'Hiện nội dung' }).click();
    await expect.poll(() => page.locator('.clause').textContent()).toContain('Kiểm tra đảng viên');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /^Dễ/ }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Hôm nay không còn thẻ nào cần ôn.');
    expect(await page.locator('main').textContent()).toMatch(
      /Thẻ tiếp theo đến hạn ngày \d+\/\d+\/\d{4}\./,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
