import { describe, expect, it } from 'vitest';
import { lintContent } from '../../../src/lib/content/lint.ts';
import { loadEntry, type ContentEntries } from '../../../src/lib/content/load.ts';
import { formatProblem } from '../../../src/lib/content/problem.ts';
import { checkQuizzes } from '../../../src/lib/content/quiz-checks.ts';
import { collectionSpecs, type CollectionName } from '../../../src/schemas/index.ts';

const root = '/du-an';

/** Loads YAML files given by path (`quizzes/x.yaml`, `quizzes/banks/y.yaml`) and runs the quiz checks. */
function check(files: Record<string, string>): string[] {
  const entries = Object.fromEntries(
    Object.keys(collectionSpecs).map((name) => [name, []]),
  ) as unknown as ContentEntries;
  for (const [path, text] of Object.entries(files)) {
    const collection: CollectionName = path.startsWith('quizzes/banks/')
      ? 'questionBanks'
      : 'quizzes';
    const { entry, problems } = loadEntry(root, collection, `${root}/${path}`, text);
    expect(problems.map(formatProblem)).toEqual([]);
    if (entry) entries[collection].push(entry);
  }
  return checkQuizzes(entries).map(formatProblem);
}

const practiceQuiz = (
  draw = '[{ tag: kiem-tra, count: 2 }]',
  mode = 'practice',
  banks = '[co-ban]',
) => `title: Luyện tập
description: Mô tả
mode: ${mode}
banks: ${banks}
draw: ${draw}
passMark: 70
`;

const fullBank = `title: Cơ bản
questions:
  - id: cau-1
    type: true-false
    tags: [kiem-tra]
    cites: ["Điều 30 Điều lệ Đảng"]
    prompt: Kiểm tra là chức năng lãnh đạo của Đảng.
    answer: true
    explanation: Theo Điều 30 Điều lệ Đảng.
  - id: cau-2
    type: single
    tags: [kiem-tra, giam-sat]
    cites: ["Điều 30 Điều lệ Đảng"]
    prompt: Câu hỏi?
    options:
      - { id: a, text: A }
      - { id: b, text: B }
    answer: a
    explanation: Theo Điều 30.
`;

describe('checkQuizzes', () => {
  it('accepts a practice quiz whose questions carry answers, explanations and cites', () => {
    expect(
      check({ 'quizzes/luyen-tap.yaml': practiceQuiz(), 'quizzes/banks/co-ban.yaml': fullBank }),
    ).toEqual([]);
  });

  it('says how many questions a drawn tag has, at the draw line', () => {
    expect(
      check({
        'quizzes/luyen-tap.yaml': practiceQuiz(
          '\n  - { tag: kiem-tra, count: 1 }\n  - { tag: giam-sat, count: 3 }',
        ),
        'quizzes/banks/co-ban.yaml': fullBank,
      }),
    ).toEqual([
      'quizzes/luyen-tap.yaml:7: draw: thẻ "giam-sat" cần 3 câu nhưng ngân hàng co-ban chỉ có 1 câu mang thẻ này',
    ]);
  });

  it('leaves a quiz with a missing bank to the reference check', () => {
    expect(
      check({ 'quizzes/luyen-tap.yaml': practiceQuiz(undefined, 'practice', '[khong-co]') }),
    ).toEqual([]);
  });

  it('reports tags that share too few questions between them', () => {
    const [problem] = check({
      'quizzes/luyen-tap.yaml': practiceQuiz(
        '\n  - { tag: kiem-tra, count: 2 }\n  - { tag: giam-sat, count: 1 }',
      ),
      'quizzes/banks/co-ban.yaml': fullBank,
    });
    expect(problem).toMatch(
      /^quizzes\/luyen-tap\.yaml:7: draw: thẻ "giam-sat" cần 1 câu khác nhau .*"kiem-tra"/,
    );
  });

  it('wants every practice question, sub-questions too, to have answer, explanation and cites', () => {
    const bank = `title: Thiếu
questions:
  - id: thieu-dap-an
    type: true-false
    tags: [kiem-tra]
    cites: ["Điều 30 Điều lệ Đảng"]
    prompt: Câu hỏi?
    explanation: Vì sao.
  - id: thieu-trich-dan
    type: true-false
    tags: [kiem-tra]
    prompt: Câu hỏi?
    answer: true
    explanation: Vì sao.
  - id: tinh-huong
    type: scenario
    tags: [kiem-tra]
    cites: ["Điều 32 Điều lệ Đảng"]
    scenario: Một tình huống.
    questions:
      - id: tinh-huong-1
        type: true-false
        prompt: Câu nhỏ?
        answer: false
  - id: khong-duoc-rut
    type: true-false
    tags: [khac]
    prompt: Không bài nào rút câu này.
`;
    expect(
      check({
        'quizzes/luyen-tap.yaml': practiceQuiz(
          '[{ tag: kiem-tra, count: 3 }]',
          'practice',
          '[thieu]',
        ),
        'quizzes/banks/thieu.yaml': bank,
      }),
    ).toEqual([
      'quizzes/banks/thieu.yaml:3: câu "thieu-dap-an" dùng trong bài luyện tập luyen-tap nhưng thiếu đáp án: thêm trường answer',
      'quizzes/banks/thieu.yaml:9: câu "thieu-trich-dan" dùng trong bài luyện tập luyen-tap nhưng không trích dẫn điều khoản nào: thêm cites, ví dụ cites: ["Điều 7 Quy định 69-QĐ/TW"]',
      'quizzes/banks/thieu.yaml:21: câu "tinh-huong-1" dùng trong bài luyện tập luyen-tap nhưng thiếu lời giải: thêm trường explanation nêu điều, khoản được kiểm tra',
    ]);
  });

  it('keeps answers and explanations out of exam banks, pointing at the key file', () => {
    expect(
      check({
        'quizzes/thi.yaml': practiceQuiz(undefined, 'exam'),
        'quizzes/banks/co-ban.yaml': fullBank,
      }),
    ).toEqual([
      'quizzes/banks/co-ban.yaml:8: câu "cau-1" thuộc ngân hàng của bài thi thi nên không được ghi answer ở đây (trang web sẽ công khai nó); chuyển sang quizzes/keys/thi.yaml',
      'quizzes/banks/co-ban.yaml:9: câu "cau-1" thuộc ngân hàng của bài thi thi nên không được ghi explanation ở đây (trang web sẽ công khai nó); chuyển sang quizzes/keys/thi.yaml',
      'quizzes/banks/co-ban.yaml:18: câu "cau-2" thuộc ngân hàng của bài thi thi nên không được ghi answer ở đây (trang web sẽ công khai nó); chuyển sang quizzes/keys/thi.yaml',
      'quizzes/banks/co-ban.yaml:19: câu "cau-2" thuộc ngân hàng của bài thi thi nên không được ghi explanation ở đây (trang web sẽ công khai nó); chuyển sang quizzes/keys/thi.yaml',
    ]);
  });

  it('wants question ids unique across banks', () => {
    expect(
      check({
        'quizzes/banks/co-ban.yaml': fullBank,
        'quizzes/banks/nang-cao.yaml': fullBank
          .replace('Cơ bản', 'Nâng cao')
          .replace('cau-1', 'cau-3'),
      }),
    ).toEqual([
      'quizzes/banks/nang-cao.yaml:10: mã câu hỏi "cau-2" đã dùng ở quizzes/banks/co-ban.yaml:10; mỗi câu cần một mã riêng trên mọi ngân hàng',
    ]);
  });

  it('points bank schema errors at the line to fix', () => {
    const { problems } = loadEntry(
      root,
      'questionBanks',
      `${root}/quizzes/banks/sai.yaml`,
      fullBank.replace('answer: a', 'answer: c'),
    );
    expect(problems.map(formatProblem)).toEqual([
      'quizzes/banks/sai.yaml:18: questions.1.answer: đáp án "c" không có trong options (có: a, b)',
    ]);
  });

  it('finds no error in the example bank and quiz', () => {
    // The fixture has no regulations, so its citations can only stay text (warnings).
    const errors = lintContent('tests/fixtures/quiz').problems.filter((p) => p.severity === 'error');
    expect(errors.map(formatProblem)).toEqual([]);
  });
});
