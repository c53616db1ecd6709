import { describe, expect, it } from 'vitest';
import { splitQuestions } from '../../../src/lib/quiz/key.ts';
import { bank, scenario, single } from './fixtures.ts';

describe('splitQuestions', () => {
  it('keeps answers and explanations out of what every browser gets', () => {
    const { questions, key } = splitQuestions(
      bank('ngan-hang', [single('mot', ['chung'], 'b'), scenario('tinh-huong', ['th-1'])])
        .questions,
    );
    expect(JSON.stringify(questions)).not.toMatch(/"answer"|"explanation"/);
    expect(questions[0]).toMatchObject({ id: 'mot', options: expect.any(Array) });
    expect(questions[1]).toMatchObject({
      scenario: 'Một tình huống.',
      questions: [{ id: 'th-1' }],
    });
    expect(key).toEqual({
      mot: { answer: 'b', explanation: 'Theo Điều 1.' },
      'th-1': { answer: true, explanation: 'Theo Điều 2.' },
    });
  });

  it('makes no key entry for a question written without its answer (an exam bank)', () => {
    const { answer: _answer, explanation: _explanation, ...bare } = single('mot');
    expect(splitQuestions(bank('ngan-hang', [bare]).questions).key).toEqual({});
  });
});
