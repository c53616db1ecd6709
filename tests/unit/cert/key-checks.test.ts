import { describe, expect, it } from 'vitest';
import { DEFAULT_KEYS_DIR, loadAnswerKeys, loadQuizzes } from '../../../src/lib/cert/keys.ts';
import { loadEntry, type ContentEntries } from '../../../src/lib/content/load.ts';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import { checkExamKeys, type AnswerKeySource } from '../../../src/lib/content/quiz-checks.ts';
import { readSourceFile } from '../../../src/lib/content/source-file.ts';
import { answerKeySchema } from '../../../src/schemas/quiz.ts';

const root = '/du-an';

const exam = (version = 1) => `title: Bài thi
description: Mô tả
mode: exam
version: ${version}
banks: [de]
draw: [{ tag: thi, count: 2 }]
passMark: 70
`;

const bank = `title: Đề
questions:
  - id: mot
    type: single
    tags: [thi]
    prompt: Câu một?
    options:
      - { id: a, text: A }
      - { id: b, text: B }
  - id: ghep
    type: matching
    tags: [thi]
    prompt: Ghép?
    left:
      - { id: x, text: X }
      - { id: y, text: Y }
    right:
      - { id: p, text: P }
      - { id: q, text: Q }
  - id: ngoai-de
    type: true-false
    tags: [khac]
    prompt: Không được rút?
`;

function check(keyText: string | null, quizText = exam()): string[] {
  const entries: Pick<ContentEntries, 'quizzes' | 'questionBanks'> = {
    quizzes: [],
    questionBanks: [],
  };
  const quiz = loadEntry(root, 'quizzes', `${root}/quizzes/thi.yaml`, quizText).entry;
  const questions = loadEntry(root, 'questionBanks', `${root}/quizzes/banks/de.yaml`, bank).entry;
  if (!quiz || !questions) throw new Error('tệp mẫu không hợp lệ');
  entries.quizzes.push(quiz);
  entries.questionBanks.push(questions);
  const keys: AnswerKeySource[] = [];
  if (keyText !== null) {
    const source = readSourceFile(keyText, 'yaml');
    keys.push({
      quizId: 'thi',
      file: 'quizzes/keys/thi.yaml',
      data: answerKeySchema.parse(source.data),
      source,
    });
  }
  return checkExamKeys(entries, keys, 'quizzes/keys').map(formatProblem);
}

const KEY = `version: 1
answers:
  mot: { answer: b }
  ghep: { answer: { x: p, y: q } }
`;

describe('checkExamKeys', () => {
  it('accepts a key of the exam’s version answering every question it can draw', () => {
    expect(check(KEY)).toEqual([]);
  });

  it('asks for a key file when an exam has none', () => {
    expect(check(null)).toEqual([
      'quizzes/thi.yaml:3: bài thi "thi" chưa có đáp án: tạo quizzes/keys/thi.yaml với version: 1 và answers cho mọi câu',
    ]);
  });

  it('points at the version line when the versions differ', () => {
    expect(check(KEY, exam(2))).toEqual([
      'quizzes/keys/thi.yaml:1: đáp án là phiên bản 1 nhưng bài thi quizzes/thi.yaml là phiên bản 2: khi sửa câu hỏi hoặc đáp án, nâng version ở cả hai tệp cùng lúc',
    ]);
  });

  it('names missing answers, answers that fit no option and answers to questions the exam lacks', () => {
    const key = `version: 1
answers:
  mot: { answer: c }
  ghep: { answer: { x: p } }
  la: { answer: true }
`;
    expect(check(key)).toEqual([
      'quizzes/keys/thi.yaml:3: câu "mot": câu một lựa chọn: đáp án phải là một mã trong options (a, b)',
      'quizzes/keys/thi.yaml:4: câu "ghep": câu ghép cặp: đáp án phải ghép mỗi mục bên trái (x, y) với một mục bên phải (p, q)',
      'quizzes/keys/thi.yaml:5: câu "la" không có trong các ngân hàng của bài thi (de)',
    ]);
    expect(check('version: 1\nanswers:\n  mot: { answer: a }\n')).toEqual([
      'quizzes/keys/thi.yaml:2: thiếu đáp án câu "ghep" (quizzes/banks/de.yaml:10)',
    ]);
  });

  it('warns about a key file that belongs to no exam', () => {
    const problems = check(KEY, exam().replace('mode: exam', 'mode: practice'));
    expect(problems).toContain(
      'quizzes/keys/thi.yaml:1: cảnh báo: không có bài thi quizzes/thi.yaml (mode: exam) ứng với tệp đáp án này',
    );
  });

  it('passes on this project’s exams and keys', () => {
    const { entries, problems } = loadQuizzes('.');
    const keys = loadAnswerKeys('.', DEFAULT_KEYS_DIR);
    expect([...problems, ...keys.problems].map(formatProblem)).toEqual([]);
    expect(keys.keys.length).toBeGreaterThan(0);
    expect(checkExamKeys(entries, keys.keys, DEFAULT_KEYS_DIR).map(formatProblem)).toEqual([]);
  });
});
