import { describe, expect, it } from 'vitest';
import type { AttemptRecord } from '../../../src/lib/quiz/attempt.ts';
import {
  buildDashboard,
  seenCounts,
  statsAfterAttempt,
  type QuestionStats,
} from '../../../src/lib/quiz/dashboard.ts';

const attempt = (
  id: string,
  quizId: string,
  startedAt: number,
  percentage: number | null,
  fields: Partial<AttemptRecord> = {},
): AttemptRecord => ({
  id,
  quizId,
  quizVersion: 1,
  mode: 'practice',
  feedback: 'end',
  passMark: 60,
  seed: id,
  draw: { questionIds: [], questionKeys: [], choiceOrder: {} },
  status: percentage === null ? 'in-progress' : 'submitted',
  startedAt,
  deadline: null,
  position: null,
  submittedAt: percentage === null ? null : startedAt + 10,
  submittedBy: percentage === null ? null : 'learner',
  result:
    percentage === null
      ? null
      : { score: 0, max: 0, percentage, passed: percentage >= 60, results: [] },
  ...fields,
});

const stat = (
  questionKey: string,
  tags: string[],
  correct: number,
  wrong: number,
): QuestionStats => ({
  questionKey,
  tags,
  seen: correct + wrong + 1,
  correct,
  wrong,
  lastSeenAt: 100,
});

describe('dashboard', () => {
  it('summarises each quiz: attempts, best and last score', () => {
    const { quizzes } = buildDashboard(
      [
        attempt('1', 'a', 100, 80),
        attempt('2', 'a', 200, 40),
        attempt('3', 'a', 300, null),
        attempt('4', 'b', 50, 30),
      ],
      [],
    );
    expect(quizzes).toEqual([
      {
        quizId: 'a',
        attempts: 3,
        submitted: 2,
        inProgress: true,
        best: 80,
        last: 40,
        passed: true,
        lastActivityAt: 300,
      },
      {
        quizId: 'b',
        attempts: 1,
        submitted: 1,
        inProgress: false,
        best: 30,
        last: 30,
        passed: false,
        lastActivityAt: 60,
      },
    ]);
  });

  it('ranks the weakest topics by correct ratio over answered, and the most missed questions', () => {
    const stats = [
      stat('q1', ['tham-quyen'], 1, 3),
      stat('q2', ['tham-quyen', 'thoi-hieu'], 2, 0),
      stat('q3', ['thoi-hieu'], 1, 1),
      stat('q4', ['chua-tra-loi'], 0, 0),
    ];
    const { weakestTopics, mostMissed } = buildDashboard([], stats);
    expect(weakestTopics).toEqual([
      { tag: 'tham-quyen', answered: 6, correct: 3, ratio: 0.5 },
      { tag: 'thoi-hieu', answered: 4, correct: 3, ratio: 0.75 },
    ]);
    expect(mostMissed.map((row) => [row.questionKey, row.wrong])).toEqual([
      ['q1', 3],
      ['q3', 1],
    ]);
    expect(seenCounts(stats)).toEqual({ q1: 5, q2: 3, q3: 3, q4: 1 });
  });

  it('adds a submitted attempt to the question history', () => {
    const submitted = attempt('1', 'a', 100, 50, {
      result: {
        score: 1,
        max: 2,
        percentage: 50,
        passed: false,
        results: [
          { questionKey: 'q1', score: 1, max: 1, correct: true, answered: true },
          { questionKey: 'q2', score: 0, max: 1, correct: false, answered: true },
          { questionKey: 'q3', score: 0, max: 1, correct: false, answered: false },
        ],
      },
    });
    const unit = (key: string) => ({
      key,
      tags: ['t'],
      cites: [],
      scenario: null,
      choices: [],
      question: {} as never,
    });
    const rows = statsAfterAttempt(
      submitted,
      [unit('q1'), unit('q2'), unit('q3')],
      new Map([['q1', stat('q1', ['cu'], 2, 1)]]),
    );
    expect(rows).toEqual([
      { questionKey: 'q1', tags: ['t'], seen: 5, correct: 3, wrong: 1, lastSeenAt: 110 },
      { questionKey: 'q2', tags: ['t'], seen: 1, correct: 0, wrong: 1, lastSeenAt: 110 },
      { questionKey: 'q3', tags: ['t'], seen: 1, correct: 0, wrong: 0, lastSeenAt: 110 },
    ]);
  });
});
