import type { AttemptRecord } from '../../../src/lib/quiz/attempt.ts';
import type { QuestionStats } from '../../../src/lib/quiz/dashboard.ts';
import type { AnswerRow, LessonProgress } from '../../../src/lib/learner/records.ts';
import type { LearnerData } from '../../../src/lib/learner/records.ts';
import type { Place } from '../../../src/lib/learner/records.ts';

export const t0 = Date.UTC(2026, 0, 5, 8, 0, 0);

export function attemptRow(fields: Partial<AttemptRecord> = {}): AttemptRecord {
  return {
    id: 'luot-1',
    quizId: 'luyen-tap',
    quizVersion: 1,
    mode: 'practice',
    feedback: 'end',
    passMark: 50,
    seed: 'hat-giong',
    draw: {
      questionIds: ['cau-1', 'cau-2'],
      questionKeys: ['cau-1', 'cau-2'],
      choiceOrder: { 'cau-1': ['b', 'a'] },
    },
    status: 'submitted',
    startedAt: t0,
    deadline: null,
    position: { questionKey: 'cau-2', at: t0 + 1000 },
    submittedAt: t0 + 2000,
    submittedBy: 'learner',
    result: {
      score: 1,
      max: 2,
      percentage: 50,
      passed: true,
      results: [
        { questionKey: 'cau-1', answered: true, score: 1, max: 1, correct: true },
        { questionKey: 'cau-2', answered: true, score: 0, max: 1, correct: false },
      ],
    },
    ...fields,
  };
}

export const answerRows = (): AnswerRow[] => [
  { attemptId: 'luot-1', questionKey: 'cau-1', value: 'a', answeredAt: t0 + 500 },
  { attemptId: 'luot-1', questionKey: 'cau-2', value: { x: 'a', y: 'b' }, answeredAt: t0 + 900 },
];

export const statsRows = (): QuestionStats[] => [
  { questionKey: 'cau-1', tags: ['chung'], seen: 1, correct: 1, wrong: 0, lastSeenAt: t0 + 2000 },
  { questionKey: 'cau-2', tags: ['chung'], seen: 1, correct: 0, wrong: 1, lastSeenAt: t0 + 2000 },
];

export const lessonRows = (): LessonProgress[] => [
  { lessonId: 'bai-mot', done: true, doneAt: t0 },
  { lessonId: 'bai-hai', done: false, doneAt: null },
];

export const clause: Place = {
  place: '/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1',
  type: 'clause',
  docId: '/van-ban/dieu-le-dang/',
  docTitle: 'Điều lệ Đảng',
  label: 'khoản 1 Điều 32 Điều lệ Đảng',
};

export const lesson: Place = {
  place: '/bai-hoc/hinh-thuc-ky-luat/',
  type: 'lesson',
  docId: '/bai-hoc/hinh-thuc-ky-luat/',
  docTitle: 'Hình thức kỷ luật',
  label: 'Hình thức kỷ luật',
};

/** A learner's data with a row in every table. */
export function learnerData(): LearnerData {
  return {
    attempts: [attemptRow()],
    answers: answerRows(),
    questionStats: statsRows(),
    lessonProgress: lessonRows(),
    bookmarks: [{ ...clause, createdAt: t0, updatedAt: t0 }],
    notes: [{ ...clause, text: 'Dòng một\nDòng hai', createdAt: t0, updatedAt: t0 }],
    highlights: [
      {
        ...clause,
        id: 'dd-1',
        quote: 'đảng viên',
        start: 10,
        end: 19,
        createdAt: t0,
        updatedAt: t0,
      },
    ],
    reviewCards: [
      {
        id: 'cau:cau-2',
        kind: 'question',
        questionKey: 'cau-2',
        due: t0,
        stability: 0,
        difficulty: 0,
        scheduledDays: 0,
        learningSteps: 0,
        reps: 0,
        lapses: 0,
        state: 0,
        lastReview: null,
        createdAt: t0,
        updatedAt: t0,
      },
    ],
  };
}
