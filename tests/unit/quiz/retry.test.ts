import { describe, expect, it } from 'vitest';
import type { QuizContent } from '../../../src/lib/learner/quiz-progress.ts';
import { drawQuestions } from '../../../src/lib/quiz/draw.ts';
import { retryContent } from '../../../src/lib/quiz/retry.ts';

const content: QuizContent = {
  quiz: {
    id: 'ky-luat',
    title: 'Kỷ luật',
    description: 'Mô tả',
    mode: 'practice',
    version: 1,
    banks: ['chung'],
    draw: [{ tag: 'a', count: 2 }],
    passMark: 70,
    timeLimitMinutes: 10,
    attempts: 2,
    shuffleQuestions: true,
    shuffleOptions: true,
    feedback: 'end',
  },
  banks: [
    {
      id: 'chung',
      questions: [
        { id: 'q1', type: 'true-false', tags: ['a'], difficulty: 1, cites: [], prompt: 'Một?' },
        { id: 'q2', type: 'true-false', tags: ['a'], difficulty: 1, cites: [], prompt: 'Hai?' },
        {
          id: 's',
          type: 'scenario',
          tags: ['b'],
          difficulty: 2,
          cites: [],
          scenario: 'Tình huống giả định.',
          questions: [
            { id: 's1', type: 'true-false', tags: [], cites: [], prompt: 'Ba?' },
            { id: 's2', type: 'true-false', tags: [], cites: [], prompt: 'Bốn?' },
          ],
        },
      ],
    },
  ],
  key: { q1: { answer: true }, q2: { answer: false }, s1: { answer: true }, s2: { answer: true } },
};

describe('retryContent', () => {
  it('makes an untimed, unlimited run of just the missed questions, stored apart', () => {
    const retry = retryContent(content, ['q2', 's2'])!;
    expect(retry.quiz.id).toBe('ky-luat~on-tap');
    expect(retry.quiz.timeLimitMinutes).toBeUndefined();
    expect(retry.quiz.attempts).toBeUndefined();
    const draw = drawQuestions(retry.quiz, retry.banks, {}, 'seed');
    expect(draw.questionIds.sort()).toEqual(['q2', 's']);
    expect(draw.questionKeys.sort()).toEqual(['q2', 's1', 's2']);
    expect(retry.key).toBe(content.key);
  });

  it('is null when the questions are not in this quiz', () => {
    expect(retryContent(content, ['khong-co'])).toBeNull();
  });

  it('is null on an exam, so ?cau= cannot turn it into an untimed rehearsal', () => {
    const exam = { ...content, quiz: { ...content.quiz, mode: 'exam' as const }, key: undefined };
    expect(retryContent(exam, ['q2', 's2'])).toBeNull();
  });
});
