import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findLeaks, scanForLeaks, type ExamSecrets } from '../../../src/lib/cert/leak-check.ts';
import { DEFAULT_KEYS_DIR, examSecrets } from '../../../src/lib/cert/keys.ts';
import { splitQuestions } from '../../../src/lib/quiz/key.ts';
import type { AnswerValue, PublicQuestion } from '../../../src/lib/quiz/questions.ts';
import { inShippingOrder } from '../../../src/lib/quiz/ship.ts';
import { bank } from '../quiz/fixtures.ts';
import { examBank, examKey, KEY_TEXT } from './fixtures.ts';

const { questions } = splitQuestions(examBank.questions);
const secrets: ExamSecrets[] = [{ examId: 'thi-mau', answers: examKey.answers, questions }];

/** Props as Astro writes them on an island: [type, value] pairs, HTML-escaped in the attribute. */
function astroProps(value: unknown): string {
  const wrap = (item: unknown): unknown => {
    if (Array.isArray(item)) return [1, item.map(wrap)];
    if (item && typeof item === 'object') {
      return [
        0,
        Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, wrap(inner)])),
      ];
    }
    return [0, item];
  };
  const json = JSON.stringify((wrap(value) as [number, unknown])[1]);
  return `<astro-island uid="1" props="${json.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></astro-island>`;
}

const kinds = (file: string, text: string) =>
  findLeaks(file, text, secrets).map((leak) => `${leak.kind}:${leak.questionKey}`);

describe('findLeaks', () => {
  it('finds nothing in a page carrying only the public questions', () => {
    const shipped = inShippingOrder('thi-mau', questions);
    const page = `<html><body><h1>Bài thi</h1>${astroProps({ content: { banks: [{ id: 'de-thi', questions: shipped }] } })}</body></html>`;
    expect(findLeaks('trac-nghiem/thi-mau/index.html', page, secrets)).toEqual([]);
  });

  it('finds a key shipped in island props, by question id', () => {
    const key = { mot: { answer: 'b' } };
    expect(kinds('a.html', astroProps({ content: { key } }))).toEqual(['answer:mot']);
  });

  it('finds a question shipped with its answer inside the bank', () => {
    const leaked = questions.map((question) =>
      question.id === 'mot' ? { ...question, answer: 'b' } : question,
    );
    expect(kinds('a.html', astroProps({ banks: [{ questions: leaked }] }))).toEqual(['answer:mot']);
  });

  it('finds explanation text however it is escaped: HTML, entities, JS unicode escapes, split by tags', () => {
    const explanation = examKey.answers['ghep']?.explanation ?? '';
    expect(kinds('a.html', `<p>${explanation}</p>`)).toEqual(['explanation:ghep']);
    const entities = explanation.replace(/[^\x20-\x7e]/g, (char) => `&#${char.codePointAt(0)};`);
    expect(kinds('b.html', `<p>${entities}</p>`)).toEqual(['explanation:ghep']);
    const escaped = explanation.replace(
      /[^\x20-\x7e]/g,
      (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
    );
    expect(kinds('c.js', `const t="${escaped}";`)).toEqual(['explanation:ghep']);
    const [first, ...rest] = explanation.split(' ');
    expect(kinds('d.html', `<p><strong>${first}</strong>\n  ${rest.join(' ')}</p>`)).toEqual([
      'explanation:ghep',
    ]);
    expect(kinds('e.html', `<p>${explanation.normalize('NFD')}</p>`)).toEqual(['explanation:ghep']);
  });

  it('finds a key map in a JSON file and a key object in a script', () => {
    expect(
      kinds('dap-an.json', JSON.stringify({ 'dung-sai': false, 'sap-xep': ['a', 'b', 'c', 'd'] })),
    ).toEqual(['answer:dung-sai', 'answer:sap-xep']);
    expect(kinds('x.js', 'const k={"tinh-huong-2":{answer:"d"}};')).toEqual([
      'answer:tinh-huong-2',
    ]);
  });
});

const choices = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => ({
    id: `${prefix}-${index + 1}`,
    text: `${prefix} lựa chọn số ${index + 1}`,
  }));

/** An exam written as authors write: right options first, items in order, pairs side by side. */
function writtenExam(kind: 'single' | 'ordering' | 'matching', count: number) {
  const questions: unknown[] = [];
  const answers: Record<string, { answer: AnswerValue }> = {};
  for (let index = 1; index <= count; index++) {
    const id = `${kind}-${index}`;
    const base = { id, tags: ['thi'], prompt: `Câu ${kind} số ${index}?` };
    if (kind === 'single') {
      questions.push({ ...base, type: 'single', options: choices(id, 4) });
      answers[id] = { answer: `${id}-1` };
    } else if (kind === 'ordering') {
      questions.push({ ...base, type: 'ordering', items: choices(id, 5) });
      answers[id] = { answer: choices(id, 5).map((item) => item.id) };
    } else {
      const left = choices(`${id}-trai`, 4);
      const right = choices(`${id}-phai`, 5);
      questions.push({ ...base, type: 'matching', left, right });
      answers[id] = {
        answer: Object.fromEntries(left.map((item, at) => [item.id, right[at]?.id ?? ''])),
      };
    }
  }
  const shown = splitQuestions(bank('de', questions).questions).questions;
  const secret: ExamSecrets = { examId: 'thi', answers, questions: shown };
  return { shown, secret };
}

const page = (shown: readonly PublicQuestion[]) =>
  JSON.stringify({ banks: [{ id: 'de', questions: shown }] });
const orderLeaks = (file: string, text: string, secret: ExamSecrets) =>
  findLeaks(file, text, [secret])
    .filter((leak) => leak.kind === 'order')
    .map((leak) => leak.questionKey);

describe('findLeaks, by order', () => {
  it('finds right options shipped first, question after question', () => {
    const { shown, secret } = writtenExam('single', 6);
    expect(orderLeaks('noi-dung.json', page(shown), secret)).toHaveLength(6);
    expect(findLeaks('noi-dung.json', page(shown), [secret])[0]?.excerpt).toContain(
      'các lựa chọn đúng đứng đầu',
    );
  });

  it('finds ordering items shipped in the key’s order', () => {
    const { shown, secret } = writtenExam('ordering', 2);
    expect(orderLeaks('noi-dung.json', page(shown), secret)).toEqual(['ordering-1', 'ordering-2']);
  });

  it('finds matching columns shipped side by side, each left item beside its match', () => {
    const { shown, secret } = writtenExam('matching', 2);
    expect(orderLeaks('noi-dung.json', page(shown), secret)).toEqual(['matching-1', 'matching-2']);
  });

  it('reads the order in a page or a search fragment from where the texts stand', () => {
    const { shown, secret } = writtenExam('single', 6);
    const html = shown
      .map((question) =>
        question.type === 'single'
          ? `<h2>${question.prompt}</h2><ul>${question.options.map((option) => `<li>${option.text}</li>`).join('')}</ul>`
          : '',
      )
      .join('');
    expect(orderLeaks('trac-nghiem/thi/index.html', html, secret)).toHaveLength(6);
  });

  it('finds nothing once the same exams ship in their seeded order', () => {
    for (const kind of ['single', 'ordering', 'matching'] as const) {
      const { shown, secret } = writtenExam(kind, 6);
      expect(findLeaks('noi-dung.json', page(inShippingOrder('thi', shown)), [secret])).toEqual([]);
    }
  });

  it('takes one right option first for the luck it is, in an exam otherwise shuffled', () => {
    const { shown, secret } = writtenExam('single', 6);
    const shuffled = inShippingOrder('thi', shown);
    const lucky = shuffled.map((question, index) => (index === 0 ? shown[0] : question));
    expect(findLeaks('noi-dung.json', page(lucky as PublicQuestion[]), [secret])).toEqual([]);
  });

  it('finds the real exam in its written order, and nothing in the order the site ships', () => {
    const { secrets: real } = examSecrets('.', DEFAULT_KEYS_DIR);
    const exam = real.find((secret) => secret.examId === 'sat-hach-kiem-tra-ky-luat-dang');
    if (!exam) throw new Error('không thấy bài thi sát hạch');
    expect(orderLeaks('noi-dung.json', page(exam.questions), exam).length).toBeGreaterThan(2);
    const shipped = inShippingOrder(exam.examId, exam.questions);
    expect(findLeaks('noi-dung.json', page(shipped), [exam])).toEqual([]);
  });
});

describe('findLeaks, by a practice twin', () => {
  const twin = (prompt: string, answer: string) => ({
    id: 'luyen-mot',
    type: 'single',
    prompt,
    options: [
      { id: 'x', text: 'Phương án b' },
      { id: 'y', text: 'Phương án a' },
    ],
    answer,
  });
  const twins = (data: unknown) =>
    findLeaks('luyen-tap.json', JSON.stringify(data), secrets)
      .filter((leak) => leak.kind === 'twin')
      .map((leak) => leak.questionKey);

  it('finds a practice question asking an exam question again with the same answer', () => {
    // The exam's "mot" asks "Một lựa chọn?" with "Phương án b" right.
    expect(twins({ questions: [twin('Một lựa chọn?', 'x')] })).toEqual(['mot']);
    // The same in the review data's shape, the answer beside the question.
    const { answer, ...question } = twin('Một lựa chọn?', 'x');
    expect(twins({ 'luyen-mot': { unit: { key: 'luyen-mot', question }, answer } })).toEqual([
      'mot',
    ]);
    // And in a practice page's shape, the key apart from the questions.
    expect(twins({ banks: [{ questions: [question] }], key: { 'luyen-mot': { answer } } })).toEqual(
      ['mot'],
    );
  });

  it('leaves a practice question alone when its answer or its question differs', () => {
    expect(twins({ questions: [twin('Một lựa chọn?', 'y')] })).toEqual([]);
    expect(twins({ questions: [twin('Thời hiệu kỷ luật khiển trách là bao lâu?', 'x')] })).toEqual(
      [],
    );
  });
});

describe('scanForLeaks', () => {
  const dist = mkdtempSync(join(tmpdir(), 'camnang-leaks-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('reads every file, Pagefind fragments (gzip) included', () => {
    mkdirSync(join(dist, 'pagefind/fragment'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<p>Trang chủ</p>');
    writeFileSync(
      join(dist, 'pagefind/fragment/vi_1.pf_fragment'),
      gzipSync(`pagefind_dcd${JSON.stringify({ content: examKey.answers['mot']?.explanation })}`),
    );
    const { files, leaks } = scanForLeaks(dist, secrets);
    expect(files).toBe(2);
    expect(leaks).toEqual([
      expect.objectContaining({
        file: 'pagefind/fragment/vi_1.pf_fragment',
        questionKey: 'mot',
        kind: 'explanation',
      }),
    ]);
    expect(leaks[0]?.excerpt).toContain(KEY_TEXT);
  });
});
