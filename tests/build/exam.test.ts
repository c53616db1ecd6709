import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanForLeaks } from '../../src/lib/cert/leak-check.ts';
import { parseKeySet } from '../../src/lib/cert/key-set.ts';
import { DEFAULT_KEYS_DIR, examSecrets } from '../../src/lib/cert/keys.ts';
import { splitQuestions } from '../../src/lib/quiz/key.ts';
import { choiceIds, gradableUnits, type PublicBank } from '../../src/lib/quiz/questions.ts';
import { inShippingOrder } from '../../src/lib/quiz/ship.ts';
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

// The real exam, as the trainers wrote it, built beside the fixture's.
const REAL = 'sat-hach-kiem-tra-ky-luat-dang';
const real = examSecrets('.', DEFAULT_KEYS_DIR).secrets.find((secret) => secret.examId === REAL);
const secrets = [
  {
    examId: 'thi-mau',
    answers: examKey.answers,
    questions: splitQuestions(examBank.questions).questions,
  },
  ...(real ? [real] : []),
];

describe('an exam in the built site', () => {
  let site: ReturnType<typeof buildFixture>;
  beforeAll(() => {
    site = buildFixture('exam', {
      [`quizzes/${REAL}.yaml`]: readFileSync(`quizzes/${REAL}.yaml`, 'utf8'),
      [`quizzes/banks/${REAL}.yaml`]: readFileSync(`quizzes/banks/${REAL}.yaml`, 'utf8'),
      [`quizzes/keys/${REAL}.yaml`]: readFileSync(`quizzes/keys/${REAL}.yaml`, 'utf8'),
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

  it('ships no answer, no explanation and no telling order of either exam, in any file: HTML, JS, JSON, search index, review data', () => {
    expect(real?.questions.length).toBe(10);
    const { files, leaks } = scanForLeaks(site.dir('.'), secrets);
    expect(files).toBeGreaterThan(20);
    expect(site.exists('pagefind/pagefind-entry.json')).toBe(true);
    expect(site.file('on-tap/cau-hoi.json')).toContain('lt-mot');
    expect(leaks).toEqual([]);
  });

  it('ships the real exam in its seeded order: no ordering as written, no matching pairs side by side', () => {
    const shipped = JSON.parse(site.file(`trac-nghiem/${REAL}/noi-dung.json`)) as {
      banks: PublicBank[];
    };
    const questions = shipped.banks.flatMap((bank) => bank.questions);
    expect(questions).toEqual(inShippingOrder(REAL, real?.questions ?? []));
    const written = new Map(
      (real?.questions ?? []).flatMap(gradableUnits).map((unit) => [unit.key, unit.question]),
    );
    for (const { key, question } of questions.flatMap(gradableUnits)) {
      const before = written.get(key);
      if (question.type === 'ordering')
        expect(choiceIds(question)).not.toEqual(before && choiceIds(before));
      if (question.type === 'matching' && before?.type === 'matching') {
        const partner = new Map(
          before.left.map((item, index) => [item.id, before.right[index]?.id]),
        );
        expect(
          question.left.every((item, index) => partner.get(item.id) === question.right[index]?.id),
        ).toBe(false);
      }
    }
  });

  it('would catch a key that reached the site: the practice quiz ships its own', () => {
    const { leaks } = scanForLeaks(site.dir('.'), [
      {
        examId: 'luyen-tap',
        answers: practiceKey,
        questions: splitQuestions(practiceBank.questions).questions,
      },
    ]);
    const onPage = leaks.filter(
      (leak) =>
        leak.file === 'trac-nghiem/luyen-tap/noi-dung.json' &&
        (leak.kind === 'answer' || leak.kind === 'explanation'),
    );
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
