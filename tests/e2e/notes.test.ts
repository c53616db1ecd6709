import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  hydrated,
  isStorageChunk,
  openPage,
  seriousViolations,
  useSite,
} from './harness.ts';

const CLAUSE = '/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1';
const CITATION = 'khoản 1 Điều 32 Điều lệ Đảng';
const NOTE = 'Nhớ đối chiếu <script>alert(1)</script>\ndòng thứ hai';
const QUOTE = 'đảng viên';

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
let dialogs = 0;
const backupPath = join(tmpdir(), `camnang-e2e-${process.pid}.json`);

beforeAll(async () => {
  context = await site.browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  ({ page, consoleErrors } = await openPage(context, site.origin));
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
});

afterAll(async () => {
  expect(consoleErrors).toEqual([]);
  expect(dialogs).toBe(0);
});

const bookmark = () => page.getByRole('button', { name: `Lưu ${CITATION}` });
const noteText = () => page.locator('#dieu-32-khoan-1 .learn-note-text');
const mark = () => page.locator('#dieu-32-khoan-1 mark.learn-mark');

/**
 * Opens the clause and waits until it shows `expected` of the learner's data: the controls fill
 * in their state a moment after they appear, later still on a busy machine.
 */
async function expectClause(expected: {
  bookmarked: string;
  note: string | null;
  marks: string[];
}) {
  await page.goto(site.origin + CLAUSE);
  await page.waitForSelector('#dieu-32-khoan-1 .learn:not([hidden])');
  await expect
    .poll(async () => ({
      bookmarked: await bookmark().getAttribute('aria-pressed'),
      note: (await noteText().count()) ? await noteText().textContent() : null,
      marks: await mark().allTextContents(),
    }))
    .toEqual(expected);
}

describe('notes and bookmarks on a clause', () => {
  it('saves a bookmark, a note and a highlight, and keeps them after a reload', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => scripts.push(request.url()));
    await page.goto(site.origin + CLAUSE);
    // Nothing saved yet: the controls are ready without the storage code, which comes with the first save.
    await page.waitForSelector('#dieu-32-khoan-1 .learn:not([hidden])');
    expect(scripts.filter(isStorageChunk)).toEqual([]);
    await bookmark().click();
    await expect.poll(() => bookmark().getAttribute('aria-pressed')).toBe('true');
    expect(new Set(scripts.filter(isStorageChunk)).size).toBe(1);

    await page.getByRole('button', { name: `Ghi chú ${CITATION}` }).click();
    await page.getByLabel(`Ghi chú cho ${CITATION}`).fill(NOTE);
    await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(() => noteText().textContent()).toBe(NOTE);
    // The note is text: its "<script>" is characters on the page, not an element.
    expect(await page.locator('#dieu-32-khoan-1 .learn-note script').count()).toBe(0);

    await page.evaluate((quote) => {
      const paragraph = document.querySelector('#dieu-32-khoan-1 > .unit-own > p')!;
      const text = [...paragraph.childNodes].find(
        (node): node is Text => node instanceof Text && node.data.includes(quote),
      )!;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf(quote));
      range.setEnd(text, text.data.indexOf(quote) + quote.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    }, QUOTE);
    await page.getByRole('button', { name: 'Đánh dấu', exact: true }).click();
    await expect.poll(() => mark().allTextContents()).toEqual([QUOTE]);

    await expectClause({ bookmarked: 'true', note: NOTE, marks: [QUOTE] });
  });

  it('lists them on /ghi-chu/ by document, searchable without diacritics', async () => {
    await page.goto(`${site.origin}/ghi-chu/`);
    const main = page.locator('main');
    await expect
      .poll(() => main.textContent())
      .toContain('1 mục đã lưu · 1 ghi chú · 1 đoạn đánh dấu');
    expect(await page.getByRole('heading', { name: /Điều lệ Đảng/ }).count()).toBe(1);
    expect(await page.locator('.entries li').count()).toBe(3);
    expect(await page.locator('.entries .text').first().textContent()).toBe(NOTE);
    expect(await page.locator('.entries a').first().getAttribute('href')).toBe(
      '/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1',
    );
    await page.getByLabel('Tìm trong ghi chú').fill('doi chieu');
    await expect.poll(() => main.textContent()).toContain('1 mục khớp “doi chieu”.');
    expect(await page.locator('.entries li').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('backup', () => {
  it('exports a file, deletes everything after confirming, and imports the file back', async () => {
    await page.goto(`${site.origin}/tien-do/`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Xuất dữ liệu' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^camnang-sao-luu-\d{4}-\d{2}-\d{2}\.json$/);
    await download.saveAs(backupPath);
    const file = JSON.parse(readFileSync(backupPath, 'utf8')) as Record<string, any>;
    expect(file).toMatchObject({
      format: 'camnang-backup',
      version: 1,
      counts: { bookmarks: 1, notes: 1, highlights: 1 },
    });
    expect(file['data'].notes[0].text).toBe(NOTE);

    await page.getByRole('button', { name: 'Xóa dữ liệu' }).click();
    const confirm = page.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain('Không thể hoàn tác');
    await confirm.getByRole('button', { name: 'Xóa hết' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Đã xóa toàn bộ dữ liệu học tập');
    await expectClause({ bookmarked: 'false', note: null, marks: [] });

    await page.goto(`${site.origin}/tien-do/`);
    await hydrated(page);
    await page.getByLabel('Nhập dữ liệu').setInputFiles(backupPath);
    const preview = page.getByRole('region', { name: /^Tệp “/ });
    await expect
      .poll(() => preview.textContent())
      .toContain('Ghi chú: thêm 1, thay 0, giữ nguyên 0');
    await page.getByRole('button', { name: 'Nhập dữ liệu này' }).click();
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Đã nhập: thêm 3, thay 0 bản ghi.');
    await expectClause({ bookmarked: 'true', note: NOTE, marks: [QUOTE] });
  });

  it('refuses hostile, future and truncated files with a clear message, and keeps the data', async () => {
    await page.goto(`${site.origin}/tien-do/`);
    await hydrated(page);
    const refusals: [string, string][] = [
      [
        '{"format":"camnang-backup","version":1,"__proto__":{"x":1}}',
        'khóa không được phép (“__proto__”)',
      ],
      ['{"format":"camnang-backup","version":3,"data":{}}', 'phiên bản mới hơn'],
      [readFileSync(backupPath, 'utf8').slice(0, 200), 'đã bị cắt cụt'],
    ];
    for (const [text, message] of refusals) {
      await page.getByLabel('Nhập dữ liệu').setInputFiles({
        name: 'sao-luu.json',
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain(message);
      expect(await alert.textContent()).toContain('Dữ liệu hiện có không thay đổi.');
    }
    await expectClause({ bookmarked: 'true', note: NOTE, marks: [QUOTE] });
  });
});

describe('a lesson', () => {
  it('can be saved and noted, and shows on /ghi-chu/', async () => {
    await page.goto(`${site.origin}/bai-hoc/hinh-thuc-ky-luat/`);
    const save = page.getByRole('button', { name: 'Lưu trang này' });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Ghi chú', exact: true }).click();
    await page.getByRole('textbox').fill('Bốn hình thức');
    await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(() => page.locator('.learn-note-text').textContent()).toBe('Bốn hình thức');
    await page.goto(`${site.origin}/ghi-chu/`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Bốn hình thức');
    expect(await page.locator('.doc-type').allTextContents()).toContain('Bài học');
  });
});

describe('when the browser cannot save', () => {
  it('says what was not saved when storage is full, and keeps what was saved', async () => {
    const full = await site.browser.newContext({ viewport: DESKTOP });
    const tab = await openPage(full, site.origin);
    await tab.page.goto(site.origin + CLAUSE);
    const save = tab.page.getByRole('button', { name: `Lưu ${CITATION}` });
    await save.click();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    // From now on every write is refused, as when the site's quota is used up.
    await tab.page.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('Bộ nhớ đầy', 'QuotaExceededError');
      };
    });
    await tab.page.getByRole('button', { name: `Ghi chú ${CITATION}` }).click();
    await tab.page.getByLabel(`Ghi chú cho ${CITATION}`).fill('Không vừa');
    await tab.page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    const alert = tab.page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('Không lưu được ghi chú: bộ nhớ');
    expect(await alert.textContent()).toContain('vẫn còn nguyên');
    await tab.page.reload();
    await expect.poll(() => save.getAttribute('aria-pressed')).toBe('true');
    expect(await tab.page.locator('.learn-note').count()).toBe(0);
    expect(tab.consoleErrors).toEqual([]);
    await full.close();
  });

  it('says so when the browser gives no storage at all', async () => {
    const none = await site.browser.newContext({ viewport: DESKTOP });
    await none.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    const tab = await openPage(none, site.origin);
    await tab.page.goto(site.origin + CLAUSE);
    await tab.page.getByRole('button', { name: `Lưu ${CITATION}` }).click();
    await expect
      .poll(() => tab.page.getByRole('alert').textContent())
      .toContain('Không lưu được mục đã lưu: trình duyệt không cho lưu dữ liệu');
    await tab.page.goto(`${site.origin}/ghi-chu/`);
    await expect
      .poll(() => tab.page.locator('main').textContent())
      .toContain('không cho lưu dữ liệu');
    expect(tab.consoleErrors).toEqual([]);
    await none.close();
  });
});
