import { describe, expect, it } from 'vitest';
import { answerKeySchema, questionBankSchema, quizSchema } from '../../../src/schemas/quiz.ts';
import { matching, multiple, ordering, scenario, single } from './fixtures.ts';

const issues = (questions: unknown[]) =>
  (questionBankSchema.safeParse({ title: 'Ngân hàng', questions }).error?.issues ?? []).map(
    (issue) => [issue.path.join('.'), issue.message],
  );

describe('question bank schema', () => {
  it('accepts every question type', () => {
    expect(
      issues([
        single('a1'),
        multiple('a2'),
        ordering('a3'),
        matching('a4'),
        scenario('a5', ['a6', 'a7']),
      ]),
    ).toEqual([]);
  });

  it('lets sub-questions inherit tags and cites from their scenario', () => {
    const bank = questionBankSchema.parse({
      title: 'Ngân hàng',
      questions: [scenario('tinh-huong', ['th-1'])],
    });
    expect(bank.questions[0]).toMatchObject({ questions: [{ id: 'th-1', tags: [], cites: [] }] });
  });

  it('points at answers that name no option', () => {
    expect(issues([single('a1', ['chung'], 'z')])).toEqual([
      ['questions.0.answer', 'đáp án "z" không có trong options (có: a, b, c, d)'],
    ]);
    expect(issues([multiple('a1', ['a', 'z', 'a'])])).toEqual([
      ['questions.0.answer.1', 'đáp án "z" không có trong options (có: a, b, c, d)'],
      ['questions.0.answer.2', 'đáp án "a" ghi hai lần'],
    ]);
  });

  it('points at repeated option ids', () => {
    const twice = {
      ...single('a1'),
      options: [
        { id: 'a', text: 'A' },
        { id: 'a', text: 'B' },
      ],
    };
    expect(issues([twice])).toEqual([
      [
        'questions.0.options.1.id',
        'mã lựa chọn "a" bị trùng trong câu này; mỗi lựa chọn cần một mã riêng',
      ],
    ]);
  });

  it('wants an ordering answer to list every item once, and a matching answer to pair every left item', () => {
    expect(issues([{ ...ordering('a1'), answer: ['a', 'b', 'c'] }])).toEqual([
      ['questions.0.answer', 'answer phải liệt kê mỗi mục của items đúng một lần; còn thiếu: d'],
    ]);
    expect(issues([{ ...matching('a1'), answer: { x: 'z' } }])).toEqual([
      ['questions.0.answer.x', 'đáp án "z" không có trong right (có: a, b, c, d)'],
      ['questions.0.answer', 'answer phải ghép mọi mục bên trái; còn thiếu: y'],
    ]);
  });

  it('wants every question id, sub-questions included, unique within the bank', () => {
    expect(issues([single('mot'), scenario('hai', ['ba', 'mot'])])).toEqual([
      [
        'questions.1.questions.1.id',
        'mã câu hỏi "mot" đã dùng ở câu thứ 1 của ngân hàng này; mỗi câu (kể cả câu hỏi nhỏ của tình huống) cần một mã riêng',
      ],
    ]);
  });
});

describe('quiz schema', () => {
  const minimal = {
    title: 'T',
    description: 'D',
    banks: ['b'],
    draw: [{ tag: 't', count: 2 }],
    passMark: 70,
  };

  it('fills in the defaults', () => {
    expect(quizSchema.parse(minimal)).toMatchObject({
      mode: 'practice',
      version: 1,
      shuffleQuestions: true,
      shuffleOptions: true,
      feedback: 'end',
    });
  });

  it('refuses a tag drawn twice', () => {
    const result = quizSchema.safeParse({
      ...minimal,
      draw: [...minimal.draw, { tag: 't', count: 1 }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['draw.1.tag', 'thẻ "t" ghi hai lần'],
    ]);
  });
});

describe('answer key schema', () => {
  it('reads an exam key file', () => {
    expect(
      answerKeySchema.parse({
        version: 2,
        answers: {
          mot: { answer: 'b', explanation: 'Theo Điều 1.' },
          hai: { answer: ['a', 'c'] },
          ba: { answer: false },
        },
      }).answers['hai'],
    ).toEqual({ answer: ['a', 'c'] });
  });
});
