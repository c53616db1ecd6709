import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  PHONE,
  answerCurrentQuestion,
  openPage,
  seriousViolations,
  useSite,
} from './harness.ts';

// The starter quizzes: one with feedback at the end, one timed.
const PRACTICE = '/trac-nghiem/nhap-mon-kiem-tra-giam-sat/';
const TIMED = '/trac-nghiem/on-tap-tong-hop/';

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext({ viewport: PHONE });
  ({ page, consoleErrors } = await openPage(context, site.origin));
});

const position = () => page.locator('.position').textContent();

const answerCurrent = () => answerCurrentQuestion(page);

/** Moves on with "Câu tiếp theo" and waits until the next question is shown. */
async function next() {
  const before = Number((await position())?.match(/^Câu (\d+)/)?.[1]);
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await expect.poll(position).toMatch(new RegExp(`^Câu ${before + 1}/`));
}

async function open(path: string) {
  await page.goto(site.origin + path);
  await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu \d+\/\d+/);
}

describe('a practice quiz', () => {
  it('resumes at question 4 with the answers intact after a reload', async () => {
    await open(PRACTICE);
    expect(await position()).toMatch(/^Câu 1\//);
    for (let i = 0; i < 3; i++) {
      await answerCurrent();
      await next();
    }
    await expect.poll(position).toMatch(/^Câu 4\/.*Đã trả lời 3\//);
    await page.reload();
    await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu 4\/.*Đã trả lời 3\//);
    await page.getByRole('button', { name: 'Câu trước' }).click();
    await expect.poll(position).toMatch(/^Câu 3\//);
    const form = page.locator('.quiz form');
    const answered =
      (await form.locator('input:checked').count()) +
      ((await form.getByRole('button', { name: 'Xác nhận thứ tự này' }).count()) === 0 &&
      (await form.locator('.ordering').count())
        ? 1
        : 0) +
      (await form
        .locator('select')
        .evaluateAll(
          (selects) => selects.filter((s) => (s as HTMLSelectElement).value !== '').length,
        ));
    expect(answered).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
  });

  it('finishes with a review of every question, then starts again with "Làm lại"', async () => {
    await open(PRACTICE);
    const total = Number((await position())?.match(/\/(\d+)/)?.[1]);
    for (let i = 0; i < total; i++) {
      await answerCurrent();
      if (i < total - 1) await next();
    }
    await expect.poll(position).toMatch(new RegExp(`Đã trả lời ${total}/`));
    await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
    await expect.poll(() => page.locator('.quiz h2').first().textContent()).toBe('Kết quả');
    expect(await page.locator('.quiz').textContent()).toMatch(/Điểm: [\d,]+\/\d+/);
    expect(await page.locator('.review > li').count()).toBe(total);
    expect(await page.locator('.review').textContent()).toContain('Đáp án đúng');
    expect(await page.locator('.review').textContent()).toContain('Giải thích');
    await page.getByRole('button', { name: 'Làm lại' }).click();
    // A new draw: a scenario may bring several sub-questions, so the count can differ.
    await expect.poll(position).toMatch(/^Câu 1\/\d+.*Đã trả lời 0\//);
    expect(consoleErrors).toEqual([]);
  });

  it('can be taken with the keyboard alone', async () => {
    await open(PRACTICE);
    const focused = () =>
      page.evaluate(() => ({
        tag: document.activeElement?.tagName ?? '',
        text: document.activeElement?.textContent?.trim() ?? '',
        inQuiz: !!document.activeElement?.closest('.quiz'),
      }));
    // Tab into the quiz from the top of the page.
    for (let i = 0; i < 60 && !(await focused()).inQuiz; i++) await page.keyboard.press('Tab');
    expect((await focused()).inQuiz).toBe(true);
    const total = Number((await position())?.match(/\/(\d+)/)?.[1]);
    for (let i = 0; i < total; i++) {
      // Number keys answer choice questions; lists and drop-downs are reached with Tab.
      await page.keyboard.press('1');
      for (let tabs = 0; tabs < 40; tabs++) {
        const { tag, text } = await focused();
        if (text === 'Câu tiếp theo' || text === 'Nộp bài') break;
        if (tag === 'SELECT') await page.keyboard.press('ArrowDown');
        if (text === 'Xác nhận thứ tự này') await page.keyboard.press('Enter');
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      if (i < total - 1) await expect.poll(position).toMatch(new RegExp(`^Câu ${i + 2}/`));
    }
    // Whatever was left unanswered, the confirmation takes the keyboard too.
    if (await page.getByRole('alertdialog').count()) {
      await page.getByRole('button', { name: 'Nộp bài ngay' }).focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.locator('.quiz h2').first().textContent()).toBe('Kết quả');
  });

  it('has no serious accessibility violation while answering or reviewing', async () => {
    await open(PRACTICE);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
    await page.getByRole('button', { name: 'Nộp bài ngay' }).click();
    await expect.poll(() => page.locator('.quiz h2').first().textContent()).toBe('Kết quả');
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('a timed quiz', () => {
  it('shows the time left and submits what was answered when time runs out', async () => {
    await page.clock.install();
    await open(TIMED);
    expect(await page.getByRole('timer').textContent()).toMatch(/Thời gian còn lại: \d\d:\d\d/);
    await answerCurrent();
    await page.clock.fastForward('30:00');
    await expect
      .poll(() => page.locator('.quiz').textContent(), { timeout: 15_000 })
      .toContain('Hết giờ');
    expect(await page.locator('.review > li').count()).toBeGreaterThan(0);
    await page.reload();
    // The submitted attempt stays submitted; a new one starts.
    await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu 1\/.*Đã trả lời 0\//);
  });
});

describe('without storage', () => {
  it('still runs the quiz and says once that progress will not be saved', async () => {
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    await open(PRACTICE);
    expect(await page.getByRole('status').filter({ hasText: 'tiến độ sẽ mất' }).count()).toBe(1);
    await answerCurrent();
    await next();
    await expect.poll(position).toMatch(/^Câu 2\/.*Đã trả lời 1\//);
  });
});

describe('the learner database on a quiz page', () => {
  it('is created by the quiz, and the other learner pages open it as it is', async () => {
    await open(PRACTICE);
    await answerCurrent();
    await next();
    await expect.poll(position).toMatch(/Đã trả lời 1\//);

    // The notes page opens the same database (review.test.ts reads the cards a quiz writes).
    await page.goto(`${site.origin}/ghi-chu/`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Bạn chưa lưu gì');
    await page.goto(`${site.origin}${PRACTICE}`);
    await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu 2\/.*Đã trả lời 1\//);
    expect(consoleErrors).toEqual([]);
  });

  it('upgrades an older database, keeping what it held', async () => {
    // A page that runs no script of ours, so nothing opens the database first (the browser
    // asks it for /favicon.ico, which the site does not have: not an error of ours).
    await page.goto(`${site.origin}/keys.json`);
    // A version 1 database (IndexedDB version 10), as the first release left it.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('camnang', 10);
          request.onupgradeneeded = () => {
            const db = request.result;
            db.createObjectStore('attempts', { keyPath: 'id' }).createIndex('quizId', 'quizId');
            db.createObjectStore('answers', { keyPath: ['attemptId', 'questionKey'] }).createIndex(
              'attemptId',
              'attemptId',
            );
            db.createObjectStore('questionStats', { keyPath: 'questionKey' }).put({
              questionKey: 'cau-cu',
              tags: ['chung'],
              seen: 1,
              correct: 0,
              wrong: 1,
              lastSeenAt: 1,
              lastCorrect: false,
            });
            db.createObjectStore('lessonProgress', { keyPath: 'lessonId' }).put({
              lessonId: 'bai-cu',
              done: true,
              doneAt: 1,
            });
          };
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
    );
    consoleErrors.length = 0;
    await open(PRACTICE);
    await answerCurrent();
    await next();
    await expect.poll(position).toMatch(/Đã trả lời 1\//);
    const stored = await page.evaluate(
      () =>
        new Promise<{ version: number; lessons: number; cards: string[] }>((resolve, reject) => {
          const request = indexedDB.open('camnang');
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['lessonProgress', 'reviewCards']);
            const lessons = tx.objectStore('lessonProgress').count();
            const cards = tx.objectStore('reviewCards').getAllKeys();
            tx.oncomplete = () => {
              db.close();
              resolve({
                version: db.version,
                lessons: lessons.result,
                cards: cards.result.map(String),
              });
            };
          };
          request.onerror = () => reject(request.error);
        }),
    );
    // Version 2's upgrade ran: the question missed before review existed became a card.
    expect(stored).toEqual({ version: 20, lessons: 1, cards: ['cau:cau-cu'] });
    expect(consoleErrors).toEqual([]);
  });
});
