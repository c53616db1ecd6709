import type { AnswerKey } from './key.ts';
import type { AnswerValue, GradableQuestion, GradableType } from './questions.ts';

/**
 * How each type is scored, for the UI to show beside the question. Every gradable question
 * (each sub-question of a scenario too) is worth 1 point.
 */
export const SCORING_RULES: Record<GradableType | 'scenario', string> = {
  single: 'Chọn đúng đáp án được 1 điểm; chọn sai hoặc bỏ trống được 0 điểm.',
  'true-false': 'Chọn đúng được 1 điểm; chọn sai hoặc bỏ trống được 0 điểm.',
  multiple:
    'Mỗi lựa chọn đúng được cộng 1 phần, mỗi lựa chọn sai bị trừ 1 phần (1 phần = 1 điểm chia cho số đáp án đúng); điểm câu không âm. Chọn đủ và chỉ chọn các đáp án đúng mới được trọn 1 điểm.',
  ordering:
    'Mỗi cặp mục liền nhau được xếp đúng thứ tự được cộng một phần điểm bằng nhau; xếp đúng toàn bộ được 1 điểm.',
  matching: 'Mỗi mục ghép đúng được cộng một phần điểm bằng nhau; ghép đúng tất cả được 1 điểm.',
  scenario: 'Mỗi câu hỏi nhỏ của tình huống được chấm riêng, tối đa 1 điểm mỗi câu.',
};

export interface QuestionGrade {
  score: number;
  max: number;
  /** Full marks. */
  correct: boolean;
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');
const isPairs = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether the learner has given an answer at all (an empty selection is none). */
export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** The share of a point earned, from 0 to 1. Answers of the wrong shape (stale data) earn 0. */
function earned(type: GradableType, key: AnswerValue, answer: AnswerValue): number {
  switch (type) {
    case 'single':
    case 'true-false':
      return answer === key ? 1 : 0;
    case 'multiple': {
      if (!isStringList(key) || !isStringList(answer)) return 0;
      // Partial credit: +1/k per correct choice, −1/k per wrong choice (k correct options), floored at 0,
      // so a guessed extra box costs what a right one earns and a missed right one only forgoes its share.
      const chosen = new Set(answer);
      const right = key.filter((id) => chosen.has(id)).length;
      return Math.max(0, (right - (chosen.size - right)) / key.length);
    }
    case 'ordering': {
      if (!isStringList(key) || !isStringList(answer)) return 0;
      const isPermutation = answer.length === key.length && key.every((id) => answer.includes(id));
      if (!isPermutation) return 0;
      // Adjacent pairs rather than positions: one item moved to the end still keeps most of the credit.
      const follows = new Map(key.slice(0, -1).map((id, index) => [id, key[index + 1]]));
      const pairs = answer
        .slice(0, -1)
        .filter((id, index) => follows.get(id) === answer[index + 1]).length;
      return pairs / (key.length - 1);
    }
    case 'matching': {
      if (!isPairs(key) || !isPairs(answer)) return 0;
      const lefts = Object.keys(key);
      return lefts.filter((left) => answer[left] === key[left]).length / lefts.length;
    }
  }
}

/** Grades one answer against the key's answer for that question; `answer` undefined means unanswered. */
export function gradeAnswer(
  question: GradableQuestion,
  key: AnswerValue,
  answer: AnswerValue | undefined,
): QuestionGrade {
  const score = answer === undefined ? 0 : earned(question.type, key, answer);
  return { score, max: 1, correct: score === 1 };
}

export interface QuestionResult extends QuestionGrade {
  questionKey: string;
  answered: boolean;
}

export interface AttemptResult {
  score: number;
  max: number;
  /** Rounded to one decimal, for display. */
  percentage: number;
  passed: boolean;
  results: QuestionResult[];
}

/** Grades an attempt; `questions` in the order shown, `answers` by question key. */
export function gradeAttempt(
  questions: readonly { key: string; question: GradableQuestion }[],
  key: AnswerKey,
  answers: Readonly<Record<string, AnswerValue>>,
  passMark: number,
): AttemptResult {
  const results = questions.map(({ key: questionKey, question }) => {
    const entry = key[questionKey];
    if (!entry) throw new Error(`đáp án không có câu "${questionKey}"; không thể chấm bài`);
    const answer = answers[questionKey];
    return {
      questionKey,
      answered: isAnswered(answer),
      ...gradeAnswer(question, entry.answer, answer),
    };
  });
  const score = results.reduce((sum, result) => sum + result.score, 0);
  const max = results.reduce((sum, result) => sum + result.max, 0);
  const ratio = max ? (score / max) * 100 : 0;
  return {
    score,
    max,
    percentage: Math.round(ratio * 10) / 10,
    // Compared before rounding, with room for floating-point error (3 × 1/3 is not exactly 1).
    passed: max > 0 && ratio >= passMark - 1e-9,
    results,
  };
}
