import { describe, expect, it } from 'vitest';
import { answerProblem } from '../../../src/lib/quiz/attempt.ts';
import { gradableUnits } from '../../../src/lib/quiz/questions.ts';
import { examBank } from '../cert/fixtures.ts';

/** Each exam question by id, as the learner API and the grader check answers against it. */
const question = (id: string) => {
  const unit = examBank.questions.flatMap(gradableUnits).find((candidate) => candidate.key === id);
  if (!unit) throw new Error(id);
  return unit.question;
};

// What a tampered file or a broken page could hand in, type by type: every one is refused,
// with the sentence the learner or the trainer reads.
const CASES: [string, unknown, string | null][] = [
  ['mot', 'b', null],
  ['mot', 'z', 'Hãy chọn một trong các phương án của câu hỏi.'],
  ['mot', 1, 'Hãy chọn một trong các phương án của câu hỏi.'],
  ['dung-sai', false, null],
  ['dung-sai', 'false', 'Hãy chọn Đúng hoặc Sai.'],
  ['nhieu', ['a', 'c'], null],
  ['nhieu', [], null],
  ['nhieu', ['a', 'a'], 'Các lựa chọn phải là phương án của câu hỏi, mỗi phương án chọn một lần.'],
  ['nhieu', ['z'], 'Các lựa chọn phải là phương án của câu hỏi, mỗi phương án chọn một lần.'],
  ['nhieu', 'a', 'Các lựa chọn phải là phương án của câu hỏi, mỗi phương án chọn một lần.'],
  ['sap-xep', ['d', 'c', 'b', 'a'], null],
  ['sap-xep', ['a', 'b', 'c'], 'Hãy sắp xếp đủ mọi mục, mỗi mục một lần.'],
  ['sap-xep', ['a', 'a', 'b', 'c'], 'Hãy sắp xếp đủ mọi mục, mỗi mục một lần.'],
  ['sap-xep', ['a', 'b', 'c', 'z'], 'Hãy sắp xếp đủ mọi mục, mỗi mục một lần.'],
  ['sap-xep', 'abcd', 'Hãy sắp xếp đủ mọi mục, mỗi mục một lần.'],
  ['ghep', { x: 'a', y: 'b' }, null],
  ['ghep', { x: 'a' }, null],
  ['ghep', { q: 'a' }, 'Mỗi mục bên trái chỉ được ghép với một mục bên phải của câu hỏi.'],
  ['ghep', { x: 'z' }, 'Mỗi mục bên trái chỉ được ghép với một mục bên phải của câu hỏi.'],
  ['ghep', ['a'], 'Mỗi mục bên trái chỉ được ghép với một mục bên phải của câu hỏi.'],
  ['ghep', null, 'Mỗi mục bên trái chỉ được ghép với một mục bên phải của câu hỏi.'],
];

describe('answerProblem', () => {
  it.each(CASES)('question %s, answer %j: %s', (id, value, problem) => {
    expect(answerProblem(question(id), value)).toBe(problem);
  });
});
