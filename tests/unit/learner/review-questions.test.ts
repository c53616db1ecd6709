import { describe, expect, it } from 'vitest';
import { reviewQuestions } from '../../../src/lib/learner/review-questions.ts';
import { bank, scenario, single } from '../quiz/fixtures.ts';

const practice = bank('luyen', [single('cau-1'), scenario('tinh-huong', ['cau-2a', 'cau-2b'])]);
const exam = bank('thi', [{ ...single('thi-1'), answer: undefined, explanation: undefined }]);
const banks = new Map([
  ['luyen', practice.questions],
  ['thi', exam.questions],
]);

describe('questions for review', () => {
  it('carry the public question, its key and links, from practice quizzes only', () => {
    const questions = reviewQuestions(
      [
        { id: 'de-thi', title: 'Đề thi', mode: 'exam', banks: ['thi', 'luyen'] },
        { id: 'luyen-tap', title: 'Luyện tập', mode: 'practice', banks: ['luyen'] },
      ],
      banks,
      (texts) =>
        Object.fromEntries(
          texts.filter((text) => text.startsWith('Điều')).map((text) => [text, '/van-ban/x/']),
        ),
    );
    expect(Object.keys(questions)).toEqual(['cau-1', 'cau-2a', 'cau-2b']);
    expect(questions['cau-1']).toMatchObject({
      answer: 'a',
      explanation: 'Theo Điều 1.',
      quizId: 'luyen-tap',
      quizTitle: 'Luyện tập',
      citeLinks: { 'Điều 1 Quy định 69-QĐ/TW': '/van-ban/x/' },
    });
    expect(questions['cau-1']?.unit.question).not.toHaveProperty('answer');
    expect(questions['cau-2a']?.unit.scenario).toMatchObject({
      scenario: 'Một tình huống.',
      questions: [],
    });
  });
});
