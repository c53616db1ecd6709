import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/lib/cert/grading.ts';
import { examMaterials, loadAnswerKeys, loadQuizzes } from '../../src/lib/cert/keys.ts';
import { nodeSha256 } from '../../src/lib/cert/node-crypto.ts';
import { submissionCode } from '../../src/lib/cert/submission.ts';
import type { Submission } from '../../src/schemas/cert.ts';
import { buildFixture } from '../build/fixture.ts';
import { examBank, examKey } from '../unit/cert/fixtures.ts';
import { DESKTOP, PHONE, hydrated, openPage, useSite } from './harness.ts';

/**
 * Every question type × every feedback mode × practice and exam × every path a learner takes
 * (answer, reload mid-attempt, storage refusing from the start or midway, submit), on a site
 * built for it: each quiz draws one question of every type (a scenario brings two).
 */
type QuestionType = 'single' | 'multiple' | 'true-false' | 'ordering' | 'matching';
interface Mode {
  id: string;
  immediate: boolean;
  exam: boolean;
}
const MODES: Mode[] = [
  { id: 'ma-tran-ngay', immediate: true, exam: false },
  { id: 'ma-tran-cuoi', immediate: false, exam: false },
  { id: 'ma-tran-thi', immediate: false, exam: true },
];
/** Five questions and a scenario of two. */
const UNITS = 7;

// The exam's questions again for practice, with their answers: ids and prompts of their own
// (a practice twin of an exam question would give its key away), and the clause each rests on.
const cites = ['Điều 1 Quy định 69-QĐ/TW'];
const practice = <T extends { id: string }>(question: T, index: number) => ({
  ...question,
  ...examKey.answers[question.id],
  id: `lt-${question.id}`,
  prompt: `Câu luyện tập thứ ${index + 1} của ma trận kiểm thử.`,
});
const withKey = examBank.questions.map((question, index) =>
  question.type === 'scenario'
    ? {
        ...question,
        id: `lt-${question.id}`,
        cites,
        scenario: 'Một tình huống luyện tập giả định.',
        questions: question.questions.map((sub, subIndex) => practice(sub, 10 + subIndex)),
      }
    : { ...practice(question, index), cites },
);
const quizFile = (mode: Mode) =>
  JSON.stringify({
    title: `Ma trận ${mode.id}`,
    description: 'Mọi loại câu hỏi',
    mode: mode.exam ? 'exam' : 'practice',
    version: examKey.version,
    banks: [mode.exam ? 'ma-tran-thi' : 'ma-tran'],
    draw: [{ tag: 'thi', count: 6 }],
    passMark: 50,
    feedback: mode.immediate ? 'immediate' : 'end',
  });

const FIXTURE = 'quiz-matrix';
let built: ReturnType<typeof buildFixture>;
beforeAll(() => {
  built = buildFixture(FIXTURE, {
    'quizzes/banks/ma-tran.yaml': JSON.stringify({ title: 'Ma trận', questions: withKey }),
    'quizzes/banks/ma-tran-thi.yaml': JSON.stringify({
      title: 'Ma trận thi',
      questions: examBank.questions,
    }),
    'quizzes/keys/ma-tran-thi.yaml': JSON.stringify(examKey),
    ...Object.fromEntries(MODES.map((mode) => [`quizzes/${mode.id}.yaml`, quizFile(mode)])),
  });
  if (built.status !== 0) throw new Error(built.output);
}, 240_000);

const site = useSite(join('tests/build/.fixtures', FIXTURE, 'dist'));
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];
afterAll(() => context?.close());

/** Makes IndexedDB refuse every write, as a full disk does, while `__diskFull` is set. */
const QUOTA_SCRIPT = (fullFromStart: boolean) => `
  window.__diskFull = ${fullFromStart};
  for (const method of ['put', 'add']) {
    const write = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (window.__diskFull) throw new DOMException('Quota exceeded', 'QuotaExceededError');
      return write.apply(this, args);
    };
  }`;

async function start(
  mode: Mode,
  options: { fullFromStart?: boolean; viewport?: typeof PHONE } = {},
) {
  await context?.close();
  context = await site.browser.newContext({
    viewport: options.viewport ?? PHONE,
    hasTouch: (options.viewport ?? PHONE) === PHONE,
    acceptDownloads: true,
  });
  await context.addInitScript(QUOTA_SCRIPT(options.fullFromStart ?? false));
  ({ page, consoleErrors } = await openPage(context, site.origin));
  await page.goto(`${site.origin}/trac-nghiem/${mode.id}/`);
  await expect.poll(position, { timeout: 20_000 }).toMatch(/^Câu 1\/\d+/);
  await hydrated(page);
}

const position = () => page.locator('.quiz .position').textContent();
const answeredCount = async () =>
  Number((await position())?.match(/Đã trả lời (\d+)\//)?.[1] ?? Number.NaN);
const warning = () => page.locator('.quiz [role=alert]').first();

/** The learner's rows in IndexedDB, read as the browser holds them. */
function stored(): Promise<{
  attempts: { id: string; status: string }[];
  answers: { questionKey: string; value: unknown; answeredAt: number }[];
}> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('camnang');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains('attempts')) {
            db.close();
            return resolve({ attempts: [], answers: [] });
          }
          const tx = db.transaction(['attempts', 'answers']);
          const attempts = tx.objectStore('attempts').getAll();
          const answers = tx.objectStore('answers').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ attempts: attempts.result, answers: answers.result });
          };
        };
      }),
  );
}

/** Which type the question on screen is, from what the learner sees. */
async function currentType(): Promise<QuestionType> {
  const form = page.locator('.quiz form');
  if (await form.locator('input[type=checkbox]').count()) return 'multiple';
  if (await form.locator('select').count()) return 'matching';
  if (await form.getByRole('button', { name: /^Chuyển/ }).count()) return 'ordering';
  const labels = await form
    .locator('input[type=radio]')
    .evaluateAll((inputs) =>
      inputs.map((input) => input.closest('label')?.textContent?.trim() ?? ''),
    );
  // Each label reads its key number, then its text ("1Đúng").
  return labels.length === 2 && labels[0]?.endsWith('Đúng') && labels[1]?.endsWith('Sai')
    ? 'true-false'
    : 'single';
}

/** Whether the question on screen shows the learner's answer. */
async function showsAnAnswer(): Promise<boolean> {
  const form = page.locator('.quiz form');
  switch (await currentType()) {
    case 'matching':
      return (await form
        .locator('select')
        .evaluateAll((selects) =>
          selects.every((select) => (select as HTMLSelectElement).value !== ''),
        )) as boolean;
    case 'ordering':
      return (await form.getByRole('button', { name: 'Xác nhận thứ tự này' }).count()) === 0;
    default:
      return (await form.locator('input:checked').count()) > 0;
  }
}

/** What a stored answer of each type looks like. */
const SHAPE: Record<QuestionType, (value: unknown) => boolean> = {
  single: (value) => typeof value === 'string',
  'true-false': (value) => typeof value === 'boolean',
  multiple: (value) => Array.isArray(value) && value.length === 2,
  ordering: (value) => Array.isArray(value) && value.length === 4,
  matching: (value) =>
    typeof value === 'object' && value !== null && Object.keys(value).length === 2,
};

/** Answers the question on screen as a learner would, with "Trả lời" where feedback is immediate. */
async function answer(mode: Mode): Promise<QuestionType> {
  const form = page.locator('.quiz form');
  const type = await currentType();
  const before = await answeredCount();
  switch (type) {
    case 'single':
    case 'true-false':
      await form.locator('input[type=radio]').first().check();
      break;
    case 'multiple':
      for (const box of (await form.locator('input[type=checkbox]').all()).slice(0, 2))
        await box.check();
      break;
    case 'matching':
      for (const select of await form.locator('select').all())
        await select.selectOption({ index: 1 });
      break;
    case 'ordering': {
      const confirm = form.getByRole('button', { name: 'Xác nhận thứ tự này' });
      if (await confirm.count()) await confirm.click();
      else
        await form
          .getByRole('button', { name: /^Chuyển .* xuống$/ })
          .first()
          .click();
      break;
    }
  }
  if (mode.immediate) {
    await page.getByRole('button', { name: 'Trả lời', exact: true }).click();
    await expect.poll(() => page.locator('.quiz .feedback').count()).toBe(1);
  }
  await expect.poll(answeredCount).toBe(before + 1);
  return type;
}

async function next() {
  const before = Number((await position())?.match(/^Câu (\d+)/)?.[1]);
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await expect.poll(position).toMatch(new RegExp(`^Câu ${before + 1}/`));
}

/** Answers from the current question to the last, checking storage after each one. */
async function answerTo(last: number, mode: Mode, expectStored: (answered: number) => number) {
  const types: QuestionType[] = [];
  for (;;) {
    const index = Number((await position())?.match(/^Câu (\d+)/)?.[1]);
    const type = await answer(mode);
    types.push(type);
    const answered = await answeredCount();
    const { answers } = await stored();
    expect(answers, `${type} in ${mode.id}`).toHaveLength(expectStored(answered));
    if (expectStored(answered) === answered) {
      // The answer just given is stored as plain data of its type's shape.
      const newest = answers.toSorted((a, b) => a.answeredAt - b.answeredAt).at(-1);
      expect(SHAPE[type](newest?.value), `${type}: ${JSON.stringify(newest)}`).toBe(true);
    }
    if (index >= last) return types;
    await next();
  }
}

async function submit() {
  await page.getByRole('button', { name: 'Nộp bài', exact: true }).click();
  if (await page.getByRole('alertdialog').count())
    await page.getByRole('button', { name: 'Nộp bài ngay' }).click();
  await expect.poll(() => page.locator('.quiz h2').first().textContent()).toBe('Kết quả');
}

async function downloadSubmission(): Promise<Submission> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải bài làm' }).click(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8')) as Submission;
}

/** Grades a submission as `camnang exam grade` does, with the fixture's key. */
async function grade(submission: Submission) {
  const root = join('tests/build/.fixtures', FIXTURE);
  const materials = examMaterials(
    loadQuizzes(root).entries,
    loadAnswerKeys(root, 'quizzes/keys').keys,
  );
  return gradeSubmission(
    'bai-lam.json',
    JSON.stringify(submission),
    (id) => materials.get(id),
    nodeSha256,
  );
}

/** The review: a score for practice, a code and a file that grades for an exam. */
async function expectResult(mode: Mode, answered: number, options: { stored: boolean }) {
  const quiz = page.locator('.quiz');
  if (!mode.exam) {
    await expect.poll(() => quiz.textContent()).toMatch(/Điểm: [\d,]+\/\d+/);
    expect(await quiz.locator('.review > li').count()).toBe(UNITS);
    const notAnswered = (await quiz.locator('.review').textContent())?.match(/Chưa trả lời/g) ?? [];
    expect(notAnswered).toHaveLength(UNITS - answered);
    return;
  }
  await expect.poll(() => quiz.locator('.code').count()).toBe(1);
  const code = (await quiz.locator('.code').textContent()) ?? '';
  expect(await quiz.textContent()).toContain(
    options.stored
      ? 'Bài làm vẫn lưu trong trình duyệt này'
      : 'Bài làm chưa lưu được trong trình duyệt này',
  );
  const submission = await downloadSubmission();
  expect(submissionCode(submission.hash)).toBe(code);
  expect(Object.keys(submission.answers)).toHaveLength(answered);
  const graded = await grade(submission);
  expect(graded.outcome).toMatchObject({ status: 'graded', result: { max: UNITS } });
}

describe.each(MODES)('every question type in $id', (mode) => {
  it('stores each answer at once, in its own shape, and submits', async () => {
    await start(mode);
    const types = await answerTo(UNITS, mode, (answered) => answered);
    expect(new Set(types)).toEqual(
      new Set(['single', 'multiple', 'true-false', 'ordering', 'matching']),
    );
    expect((await stored()).answers).toHaveLength(UNITS);
    await submit();
    await expectResult(mode, UNITS, { stored: true });
    const after = await stored();
    expect(after.attempts).toMatchObject([{ status: 'submitted' }]);
    expect(consoleErrors).toEqual([]);
  });

  it('keeps every answer through a reload mid-attempt', async () => {
    await start(mode, { viewport: DESKTOP });
    await answerTo(4, mode, (answered) => answered);
    await page.reload();
    await expect.poll(position, { timeout: 20_000 }).toMatch(/Đã trả lời 4\//);
    await hydrated(page);
    expect((await stored()).answers).toHaveLength(4);
    // Where the learner was: the first unanswered question after the last one answered.
    await expect.poll(position).toMatch(/^Câu 5\//);
    await answerTo(UNITS, mode, (answered) => answered);
    await submit();
    await expectResult(mode, UNITS, { stored: true });
    expect(consoleErrors).toEqual([]);
  });

  it('goes on in memory when storage refuses from the start, and still submits', async () => {
    await start(mode, { fullFromStart: true });
    await expect
      .poll(() => warning().textContent())
      .toContain('bộ nhớ trình duyệt dành cho trang đã đầy');
    await answerTo(UNITS, mode, () => 0);
    // What was chosen stays on screen.
    for (let back = 0; back < 3; back++) {
      await page.getByRole('button', { name: 'Câu trước' }).click();
      await expect.poll(showsAnAnswer).toBe(true);
    }
    expect(await answeredCount()).toBe(UNITS);
    await submit();
    await expectResult(mode, UNITS, { stored: false });
    expect((await stored()).attempts).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('tells the learner when storage fills up midway, keeps the answers, and stores them once it can', async () => {
    await start(mode);
    await answerTo(2, mode, (answered) => answered);
    await next();
    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
    await answerTo(5, mode, () => 2);
    await expect.poll(() => warning().textContent()).toContain('Bạn vẫn làm tiếp và nộp bài được');
    expect(await answeredCount()).toBe(5);
    // Space again: the next answer stores the refused ones with it, and the warning goes.
    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = false));
    await next();
    await answerTo(6, mode, (answered) => answered);
    await expect.poll(() => page.locator('.quiz [role=alert]').count()).toBe(0);
    // Full again at "Nộp bài": the result is shown all the same, from memory.
    await page.evaluate(() => ((window as unknown as { __diskFull: boolean }).__diskFull = true));
    await submit();
    await expectResult(mode, 6, { stored: false });
    expect((await stored()).attempts).toMatchObject([{ status: 'in-progress' }]);
    expect(consoleErrors).toEqual([]);
  });
});
