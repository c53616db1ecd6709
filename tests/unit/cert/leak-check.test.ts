import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findLeaks, scanForLeaks, type ExamSecrets } from '../../../src/lib/cert/leak-check.ts';
import { splitQuestions } from '../../../src/lib/quiz/key.ts';
import { examBank, examKey, KEY_TEXT } from './fixtures.ts';

const secrets: ExamSecrets[] = [{ examId: 'thi-mau', answers: examKey.answers }];
const { questions } = splitQuestions(examBank.questions);

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
    const page = `<html><body><h1>Bài thi</h1>${astroProps({ content: { banks: [{ id: 'de-thi', questions }] } })}</body></html>`;
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
