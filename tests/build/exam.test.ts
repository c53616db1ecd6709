import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanForLeaks } from '../../src/lib/cert/leak-check.ts';
import { parseKeySet } from '../../src/lib/cert/key-set.ts';
import { splitQuestions } from '../../src/lib/quiz/key.ts';
import { examBank, examKey, examQuiz } from '../unit/cert/fixtures.ts';
import { bank, matching, multiple, ordering, quiz, single } from '../unit/quiz/fixtures.ts';
import { buildFixture } from './fixture.ts';

// A practice quiz beside the exam: its page ships its key by design, so it shows the check
// finds a key when one is there.
const practiceBank = bank(
  'luyen-tap',
  [single('lt-mot'), multiple('lt-nhieu'), ordering('lt-sap-xep'), matching('lt-ghep')].map(
    (question, index) => ({
      ...question,
      tags: ['luyen'],
      explanation: `Lời giải luyện tập số ${index + 1}, theo Điều 1 Quy định 69-QĐ/TW.`,
    }),
  ),
);
const practiceKey = splitQuestions(practiceBank.questions).key;
const { id: _exam, ...examFile } = examQuiz;
const { id: _practice, ...practiceFile } = quiz({
  banks: ['luyen-tap'],
  draw: [{ tag: 'luyen', count: 4 }],
});

describe('an exam in the built site', () => {
  let site: ReturnType<typeof buildFixture>;
  beforeAll(() => {
    site = buildFixture('exam', {
      'quizzes/thi-mau.yaml': JSON.stringify(examFile),
      'quizzes/banks/de-thi.yaml': JSON.stringify({
        title: 'Đề thi',
        questions: examBank.questions,
      }),
      'quizzes/keys/thi-mau.yaml': JSON.stringify(examKey),
      // Broken on purpose: the build must not notice, since it never reads this folder.
      'quizzes/keys/khong-co-bai.yaml': 'version: [\n',
      'quizzes/luyen-tap.yaml': JSON.stringify(practiceFile),
      'quizzes/banks/luyen-tap.yaml': JSON.stringify({
        title: 'Luyện tập',
        questions: practiceBank.questions,
      }),
    });
  }, 180_000);

  it('builds, without reading quizzes/keys/ (a broken key file there goes unnoticed)', () => {
    expect(site.status, site.output).toBe(0);
    const lint = spawnSync(
      process.execPath,
      [resolve('bin/camnang.mjs'), 'lint', '--root', site.dir('..')],
      {
        encoding: 'utf8',
      },
    );
    expect(lint.stdout).toContain('quizzes/keys/khong-co-bai.yaml');
    expect(lint.status).toBe(1);
  });

  it('ships the exam’s questions and options', () => {
    const page = site.file('trac-nghiem/thi-mau/noi-dung.json');
    for (const text of ['Một lựa chọn?', 'Phương án c', 'Một tình huống giả định.', 'Câu nhỏ 2?']) {
      expect(page).toContain(text);
    }
  });

  it('ships no answer and no explanation of the exam, in any file: HTML, JS, JSON, search index', () => {
    const { files, leaks } = scanForLeaks(site.dir('.'), [
      { examId: 'thi-mau', answers: examKey.answers },
    ]);
    expect(files).toBeGreaterThan(20);
    expect(leaks).toEqual([]);
  });

  it('would catch a key that reached the site: the practice quiz ships its own', () => {
    const { leaks } = scanForLeaks(site.dir('.'), [{ examId: 'luyen-tap', answers: practiceKey }]);
    const onPage = leaks.filter((leak) => leak.file === 'trac-nghiem/luyen-tap/noi-dung.json');
    expect(new Set(onPage.map((leak) => `${leak.kind}:${leak.questionKey}`))).toEqual(
      new Set(
        practiceBank.questions.flatMap((question) => [
          `answer:${question.id}`,
          `explanation:${question.id}`,
        ]),
      ),
    );
  });

  it('publishes the key set and the verification and self-study pages', () => {
    const { keySet, problems } = parseKeySet(
      JSON.parse(readFileSync(join(site.dir('.'), 'keys.json'), 'utf8')),
    );
    expect(problems).toEqual([]);
    expect(keySet.keys.length).toBeGreaterThan(0);
    expect(site.page('xac-minh')).toContain('<astro-island');
    expect(site.page('hoc-xong')).toContain('Xác nhận tự học — không phải chứng chỉ');
  });
});
