import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { gradeSubmission } from '../../src/lib/cert/grading.ts';
import {
  DEFAULT_KEYS_DIR,
  examMaterials,
  examSecrets,
  loadAnswerKeys,
  loadQuizzes,
} from '../../src/lib/cert/keys.ts';
import { scanForLeaks } from '../../src/lib/cert/leak-check.ts';
import { nodeSha256 } from '../../src/lib/cert/node-crypto.ts';
import { submissionCode, submissionHash } from '../../src/lib/cert/submission.ts';
import { splitQuestions } from '../../src/lib/quiz/key.ts';
import {
  gradableUnits,
  type AnswerValue,
  type GradableQuestion,
} from '../../src/lib/quiz/questions.ts';
import type { Submission } from '../../src/schemas/cert.ts';
import type { Question, Quiz } from '../../src/schemas/quiz.ts';
import { DIST, PHONE, openPage, seriousViolations, useSite } from './harness.ts';

const EXAM_ID = 'sat-hach-kiem-tra-ky-luat-dang';
const EXAM = `/trac-nghiem/${EXAM_ID}/`;
const PRACTICE_ID = 'nhap-mon-kiem-tra-giam-sat';

const { entries } = loadQuizzes('.');
const keys = loadAnswerKeys('.', DEFAULT_KEYS_DIR).keys;
const exams = examMaterials(entries, keys);

/** Every gradable question of a quiz's banks by prompt, with its right answer: from the key file for an exam, the bank for practice. */
function rightAnswers(
  quizId: string,
): Map<string, { key: string; question: GradableQuestion; answer: AnswerValue }> {
  const quiz = entries.quizzes.find((entry) => entry.id === quizId)?.data as Quiz;
  const byPrompt = new Map<
    string,
    { key: string; question: GradableQuestion; answer: AnswerValue }
  >();
  for (const bankId of quiz.banks) {
    const bank = entries.questionBanks.find((entry) => entry.id === bankId);
    const split = splitQuestions((bank?.data['questions'] ?? []) as Question[]);
    const key = quiz.mode === 'exam' ? (exams.get(quizId)?.key ?? {}) : split.key;
    for (const unit of split.questions.flatMap(gradableUnits)) {
      const answer = key[unit.key]?.answer;
      if (answer !== undefined)
        byPrompt.set(unit.question.prompt.replace(/\s+/g, ' ').trim(), {
          key: unit.key,
          question: unit.question,
          answer,
        });
    }
  }
  return byPrompt;
}

const site = useSite();
let context: BrowserContext;
let page: Page;
let consoleErrors: string[];

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext({ viewport: PHONE, acceptDownloads: true });
  ({ page, consoleErrors } = await openPage(context, site.origin));
});

const position = () => page.locator('.position').textContent();

/** Answers the question on screen with the right answer, as a learner would: clicks, selects, moves. */
async function answerRight(answers: ReturnType<typeof rightAnswers>) {
  const form = page.locator('.quiz form');
  const prompt = ((await form.locator('legend').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const right = answers.get(prompt);
  if (!right) throw new Error(`không biết đáp án câu "${prompt}"`);
  const { key, question, answer } = right;
  switch (question.type) {
    case 'single':
      await form.locator(`input[type=radio][value="${String(answer)}"]`).check();
      break;
    case 'true-false':
      await form
        .locator('input[type=radio]')
        .nth(answer === true ? 0 : 1)
        .check();
      break;
    case 'multiple':
      for (const id of answer as string[])
        await form.locator(`input[type=checkbox][value="${id}"]`).check();
      break;
    case 'matching':
      for (const [left, id] of Object.entries(answer as Record<string, string>)) {
        await page.locator(`#cau-${key}-${left}`).selectOption(id);
      }
      break;
    case 'ordering': {
      const text = (id: string) => question.items.find((item) => item.id === id)?.text ?? id;
      const wanted = (answer as string[]).map(text);
      for (const [index, item] of wanted.entries()) {
        for (;;) {
          const shown = await form.locator('.ordering .item').allTextContents();
          if (shown.indexOf(item) <= index) break;
          await form.getByRole('button', { name: `Chuyển “${item}” lên` }).click();
        }
      }
      const confirm = form.getByRole('button', { name: 'Xác nhận thứ tự này' });
      if (await confirm.count()) await confirm.click();
      break;
    }
  }
}

async function next() {
  const before = Number((await position())?.match(/^Câu (\d+)/)?.[1]);
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await expect.poll(position).toMatch(new RegExp(`^Câu ${before + 1}/`));
}

async function downloadSubmission(): Promise<{ name: string; submission: Submission }> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải bài làm' }).click(),
  ]);
  const file = await download.path();
  return {
    name: download.suggestedFilename(),
    submission: JSON.parse(readFileSync(file, 'utf8')) as Submission,
  };
}

describe('the built site', () => {
  it('contains no answer, no explanation, no telling order and no practice twin of any exam, in any file', () => {
    const { secrets } = examSecrets('.', DEFAULT_KEYS_DIR);
    expect(secrets.map((secret) => secret.examId)).toContain(EXAM_ID);
    const { files, leaks } = scanForLeaks(DIST, secrets);
    expect(files).toBeGreaterThan(100);
    expect(leaks).toEqual([]);
  });
});

describe('an exam', () => {
  it('is taken like a practice quiz, resumes after a reload, and ends with a code and a file the trainer grades', async () => {
    const answers = rightAnswers(EXAM_ID);
    await page.goto(site.origin + EXAM);
    await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu 1\/12/);
    await expect(page.getByRole('timer').textContent()).resolves.toMatch(
      /Thời gian còn lại: 1[45]:\d\d/,
    );
    for (let i = 0; i < 3; i++) {
      await answerRight(answers);
      await next();
    }
    await page.reload();
    await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu 4\/12.*Đã trả lời 3\/12/);
    for (let i = 3; i < 12; i++) {
      await answerRight(answers);
      if (i < 11) await next();
    }
    await expect.poll(position).toMatch(/Đã trả lời 12\/12/);
    await page.getByRole('button', { name: 'Nộp bài' }).click();

    await expect
      .poll(() => page.locator('.quiz').innerText(), { timeout: 10_000 })
      .toContain('Tải bài làm');
    const text = await page.locator('.quiz').innerText();
    expect(text).toContain('Bài đã được nộp. Kết quả do người phụ trách chấm.');
    expect(text).not.toContain('Đáp án đúng');
    expect(text).not.toMatch(/Điểm: \d/);
    const shownCode = (await page.locator('.code').textContent()) ?? '';
    expect(shownCode).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const { name, submission } = await downloadSubmission();
    expect(name).toBe(`bai-lam-${EXAM_ID}-${shownCode}.json`);
    expect(submission).toMatchObject({ examId: EXAM_ID, examVersion: 2, submittedBy: 'learner' });
    expect(submission.draw.questionKeys).toHaveLength(12);
    // The browser's WebCrypto hash is the CLI's node:crypto hash, and the code read aloud is its start.
    expect(await submissionHash(submission, nodeSha256)).toBe(submission.hash);
    expect(submissionCode(submission.hash)).toBe(shownCode);

    const graded = await gradeSubmission(
      name,
      JSON.stringify(submission),
      (id) => exams.get(id),
      nodeSha256,
    );
    expect(graded.outcome).toMatchObject({
      status: 'graded',
      result: { score: 12, max: 12, percentage: 100, passed: true },
    });
    expect(await seriousViolations(page)).toEqual([]);

    // After a reload the one attempt is used, and the same submission can still be downloaded.
    await page.reload();
    await expect
      .poll(() => page.locator('.quiz').innerText(), { timeout: 15_000 })
      .toContain('Bạn đã dùng hết 1 lượt');
    await expect.poll(() => page.locator('.code').textContent()).toBe(shownCode);
    expect((await downloadSubmission()).submission).toEqual(submission);
    expect(consoleErrors).toEqual([]);
  });
});

describe('an exam opened with ?cau=', () => {
  it('is the normal timed exam, not an untimed "Ôn lại" run of the questions named', async () => {
    await page.goto(`${site.origin}${EXAM}?cau=sh-thoi-han-khieu-nai-ky-luat,sh-ngay-ban-hanh`);
    await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu 1\/12/);
    await expect(page.getByRole('timer').textContent()).resolves.toMatch(
      /Thời gian còn lại: 1[45]:\d\d/,
    );
    expect(await page.locator('.quiz').innerText()).not.toContain('Ôn lại');
    expect(consoleErrors).toEqual([]);
  });
});

describe('a practice quiz', () => {
  it('links a passed attempt to a self-study page that says it is not a certificate', async () => {
    const answers = rightAnswers(PRACTICE_ID);
    await page.goto(`${site.origin}/trac-nghiem/${PRACTICE_ID}/`);
    await expect.poll(position, { timeout: 15_000 }).toMatch(/^Câu 1\/(\d+)/);
    const total = Number((await position())?.match(/^Câu 1\/(\d+)/)?.[1]);
    for (let i = 0; i < total; i++) {
      await answerRight(answers);
      if (i < total - 1) await next();
    }
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    const link = page.getByRole('link', { name: 'Xem xác nhận tự học (không phải chứng chỉ)' });
    await link.click();
    await expect
      .poll(() => page.locator('#self-study-statement').textContent(), { timeout: 10_000 })
      .toMatch(/đã hoàn thành bài luyện tập “.+” với kết quả cao nhất 100% \(điểm đạt \d+%\)/);
    expect(await page.locator('h1').textContent()).toBe('Xác nhận tự học — không phải chứng chỉ');
    await page.getByLabel('Họ và tên (chỉ để in, không lưu lại)').fill('<b>Phan Thị Lan</b>');
    expect(await page.locator('#self-study-learner').textContent()).toBe('<b>Phan Thị Lan</b>');
    expect(await seriousViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
