import type { Quiz } from '../../schemas/quiz.ts';
import { drawQuestions, type QuizDraw } from './draw.ts';
import { gradeAttempt, isAnswered, type AttemptResult } from './grade.ts';
import type { AnswerKey } from './key.ts';
import {
  choiceIds,
  gradableUnits,
  type AnswerValue,
  type GradableQuestion,
  type GradableUnit,
  type PublicBank,
} from './questions.ts';
import { deadlineFor, isExpired, type Timed } from './timer.ts';

/** A quiz file's data with its id (the file name). */
export interface QuizDefinition extends Quiz {
  id: string;
}

export type AttemptStatus = 'in-progress' | 'submitted';

export interface GivenAnswer {
  value: AnswerValue;
  answeredAt: number;
}

/** One attempt at a quiz, without its answers (stored one row per answer, so tabs never overwrite each other). */
export interface AttemptRecord extends Timed {
  id: string;
  quizId: string;
  quizVersion: number;
  mode: Quiz['mode'];
  feedback: Quiz['feedback'];
  /** Taken at the start, so editing the quiz never changes a running attempt's rules. */
  passMark: number;
  seed: string;
  draw: QuizDraw;
  status: AttemptStatus;
  /** The question the learner last moved to, and when. */
  position: { questionKey: string; at: number } | null;
  submittedAt: number | null;
  /** 'timer' when time ran out. */
  submittedBy: 'learner' | 'timer' | null;
  /** Null until graded: an exam is graded by the trainer, with the key the site never ships. */
  result: AttemptResult | null;
}

export interface AttemptState extends AttemptRecord {
  /** By question key. */
  answers: Record<string, GivenAnswer>;
}

/** A drawn question as shown in this attempt. */
export interface AttemptQuestion extends GradableUnit {
  /** Choice ids in the order shown (see `QuizDraw.choiceOrder`); empty for true/false. */
  choices: string[];
}

export function createAttempt(options: {
  id: string;
  quiz: QuizDefinition;
  banks: readonly PublicBank[];
  seenCounts: Readonly<Record<string, number>>;
  seed: string;
  now: number;
}): AttemptState {
  const { id, quiz, seed, now } = options;
  return {
    id,
    quizId: quiz.id,
    quizVersion: quiz.version,
    mode: quiz.mode,
    feedback: quiz.feedback,
    passMark: quiz.passMark,
    seed,
    draw: drawQuestions(quiz, options.banks, options.seenCounts, seed),
    status: 'in-progress',
    startedAt: now,
    deadline: deadlineFor(now, quiz.timeLimitMinutes),
    position: null,
    submittedAt: null,
    submittedBy: null,
    result: null,
    answers: {},
  };
}

/**
 * The attempt's questions in the order shown, looked up in the banks. A question removed from
 * the banks since the attempt began is left out; choices added since are shown last.
 */
export function attemptQuestions(
  attempt: AttemptRecord,
  banks: readonly PublicBank[],
): AttemptQuestion[] {
  const units = new Map(
    banks.flatMap((bank) => bank.questions.flatMap(gradableUnits)).map((unit) => [unit.key, unit]),
  );
  return attempt.draw.questionKeys.flatMap((key) => {
    const unit = units.get(key);
    if (!unit) return [];
    const written = choiceIds(unit.question);
    const shown = (attempt.draw.choiceOrder[key] ?? []).filter((id) => written.includes(id));
    return [{ ...unit, choices: [...shown, ...written.filter((id) => !shown.includes(id))] }];
  });
}

/** Why an answer is not accepted, in words for the learner; null when it is well formed. */
export function answerProblem(question: GradableQuestion, value: unknown): string | null {
  const ids = new Set(choiceIds(question));
  const known = (id: unknown) => typeof id === 'string' && ids.has(id);
  const list = Array.isArray(value) ? (value as unknown[]) : null;
  switch (question.type) {
    case 'single':
      return known(value) ? null : 'Hãy chọn một trong các phương án của câu hỏi.';
    case 'true-false':
      return typeof value === 'boolean' ? null : 'Hãy chọn Đúng hoặc Sai.';
    case 'multiple':
      return list && list.every(known) && new Set(list).size === list.length
        ? null
        : 'Các lựa chọn phải là phương án của câu hỏi, mỗi phương án chọn một lần.';
    case 'ordering':
      return list &&
        list.length === ids.size &&
        new Set(list).size === ids.size &&
        list.every(known)
        ? null
        : 'Hãy sắp xếp đủ mọi mục, mỗi mục một lần.';
    case 'matching': {
      const lefts = new Set(question.left.map((item) => item.id));
      const ok =
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(([left, right]) => lefts.has(left) && known(right));
      return ok ? null : 'Mỗi mục bên trái chỉ được ghép với một mục bên phải của câu hỏi.';
    }
  }
}

export type AnswerRejection =
  'not-found' | 'submitted' | 'expired' | 'unknown-question' | 'locked' | 'invalid';

export type RecordOutcome =
  | { ok: true; state: AttemptState; answer: GivenAnswer }
  | { ok: false; reason: AnswerRejection; message: string };

/**
 * Records the learner's answer to one question. With immediate feedback the answer is final,
 * since the learner has seen the explanation; with feedback at the end it may change until submission.
 */
export function recordAnswer(
  state: AttemptState,
  questions: readonly AttemptQuestion[],
  questionKey: string,
  value: AnswerValue,
  now: number,
): RecordOutcome {
  const reject = (reason: AnswerRejection, message: string) => ({
    ok: false as const,
    reason,
    message,
  });
  if (state.status === 'submitted')
    return reject('submitted', 'Bài đã nộp; câu trả lời này không được lưu.');
  if (isExpired(state, now))
    return reject('expired', 'Đã hết giờ làm bài; câu trả lời này không được lưu.');
  const question = questions.find((candidate) => candidate.key === questionKey);
  if (!question)
    return reject('unknown-question', `Lượt làm bài này không có câu "${questionKey}".`);
  if (state.feedback === 'immediate' && isAnswered(state.answers[questionKey]?.value)) {
    return reject('locked', 'Câu này đã được chấm ngay khi trả lời nên không sửa được nữa.');
  }
  const problem = answerProblem(question.question, value);
  if (problem) return reject('invalid', problem);
  const answer = { value, answeredAt: now };
  return {
    ok: true,
    state: { ...state, answers: { ...state.answers, [questionKey]: answer } },
    answer,
  };
}

export function moveTo<T extends AttemptRecord>(state: T, questionKey: string, now: number): T {
  if (!state.draw.questionKeys.includes(questionKey)) {
    throw new Error(`Lượt làm bài này không có câu "${questionKey}".`);
  }
  return { ...state, position: { questionKey, at: now } };
}

/**
 * Where a resumed attempt opens: where the learner last moved to, unless they answered
 * something after that; then the first unanswered question after the last one answered
 * (wrapping round to skipped ones), or that last one when all are answered.
 * Null only for an attempt without questions.
 */
export function resumePosition(state: AttemptState): string | null {
  const keys = state.draw.questionKeys;
  let last = -1;
  let lastAt = -Infinity;
  keys.forEach((key, index) => {
    const answer = state.answers[key];
    if (answer && isAnswered(answer.value) && answer.answeredAt >= lastAt) {
      last = index;
      lastAt = answer.answeredAt;
    }
  });
  const { position } = state;
  if (position && position.at >= lastAt && keys.includes(position.questionKey))
    return position.questionKey;
  if (last < 0) return keys[0] ?? null;
  for (let step = 1; step < keys.length; step++) {
    const key = keys[(last + step) % keys.length] as string;
    if (!isAnswered(state.answers[key]?.value)) return key;
  }
  return keys[last] ?? null;
}

/**
 * Submits the attempt with whatever was answered: graded when the key is at hand (practice),
 * left for the trainer otherwise (exam). Submitting a submitted attempt changes nothing.
 */
export function submitAttempt(
  state: AttemptState,
  questions: readonly AttemptQuestion[],
  key: AnswerKey | undefined,
  now: number,
): AttemptState {
  if (state.status === 'submitted') return state;
  const timedOut = isExpired(state, now);
  const values: Record<string, AnswerValue> = {};
  for (const [questionKey, answer] of Object.entries(state.answers)) {
    // Another tab's clock may have let an answer in after time ran out.
    if (state.deadline === null || answer.answeredAt <= state.deadline)
      values[questionKey] = answer.value;
  }
  return {
    ...state,
    status: 'submitted',
    submittedAt: timedOut && state.deadline !== null ? state.deadline : now,
    submittedBy: timedOut ? 'timer' : 'learner',
    result: key ? gradeAttempt(questions, key, values, state.passMark) : null,
  };
}
