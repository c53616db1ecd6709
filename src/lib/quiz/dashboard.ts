import type { AttemptQuestion, AttemptRecord } from './attempt.ts';

/** The learner's history of one question across all quizzes. */
export interface QuestionStats {
  questionKey: string;
  /** As of the last time the question was seen. */
  tags: string[];
  seen: number;
  /** Answered with full marks. */
  correct: number;
  /** Answered without full marks. */
  wrong: number;
  lastSeenAt: number;
}

/**
 * The history after a submitted attempt: every question shown counts as seen; answered ones
 * count as correct or wrong when the attempt was graded.
 */
export function statsAfterAttempt(
  attempt: AttemptRecord,
  questions: readonly AttemptQuestion[],
  previous: ReadonlyMap<string, QuestionStats>,
): QuestionStats[] {
  const results = new Map(attempt.result?.results.map((result) => [result.questionKey, result]));
  return questions.map(({ key, tags }) => {
    const before = previous.get(key);
    const result = results.get(key);
    const answered = result?.answered === true;
    return {
      questionKey: key,
      tags,
      seen: (before?.seen ?? 0) + 1,
      correct: (before?.correct ?? 0) + (answered && result.correct ? 1 : 0),
      wrong: (before?.wrong ?? 0) + (answered && !result.correct ? 1 : 0),
      lastSeenAt: attempt.submittedAt ?? attempt.startedAt,
    };
  });
}

/** Times each question was seen, for drawing the least-seen questions first. */
export function seenCounts(stats: readonly QuestionStats[]): Record<string, number> {
  return Object.fromEntries(stats.map((row) => [row.questionKey, row.seen]));
}

export interface QuizSummary {
  quizId: string;
  attempts: number;
  submitted: number;
  inProgress: boolean;
  /** Percentages of graded attempts; null before the first. */
  best: number | null;
  last: number | null;
  passed: boolean;
  lastActivityAt: number;
}

export interface TopicStrength {
  tag: string;
  answered: number;
  correct: number;
  /** correct / answered. */
  ratio: number;
}

export interface MissedQuestion {
  questionKey: string;
  wrong: number;
  answered: number;
  lastSeenAt: number;
}

export interface Dashboard {
  /** Most recently active first. */
  quizzes: QuizSummary[];
  /** Lowest correct ratio first. */
  weakestTopics: TopicStrength[];
  /** Most often answered wrong first. */
  mostMissed: MissedQuestion[];
}

export function buildDashboard(
  attempts: readonly AttemptRecord[],
  stats: readonly QuestionStats[],
  limits: { topics?: number; missed?: number } = {},
): Dashboard {
  const byQuiz = new Map<string, AttemptRecord[]>();
  for (const attempt of attempts)
    byQuiz.set(attempt.quizId, [...(byQuiz.get(attempt.quizId) ?? []), attempt]);
  const quizzes = [...byQuiz].map(([quizId, list]): QuizSummary => {
    const graded = list
      .filter((attempt) => attempt.result !== null)
      .sort((a, b) => (a.submittedAt ?? 0) - (b.submittedAt ?? 0));
    const percentages = graded.map((attempt) => attempt.result?.percentage ?? 0);
    return {
      quizId,
      attempts: list.length,
      submitted: list.filter((attempt) => attempt.status === 'submitted').length,
      inProgress: list.some((attempt) => attempt.status === 'in-progress'),
      best: percentages.length ? Math.max(...percentages) : null,
      last: percentages.at(-1) ?? null,
      passed: graded.some((attempt) => attempt.result?.passed),
      lastActivityAt: Math.max(...list.map((attempt) => attempt.submittedAt ?? attempt.startedAt)),
    };
  });
  quizzes.sort((a, b) => b.lastActivityAt - a.lastActivityAt);

  const topics = new Map<string, TopicStrength>();
  for (const row of stats) {
    const answered = row.correct + row.wrong;
    if (!answered) continue;
    for (const tag of row.tags) {
      const topic = topics.get(tag) ?? { tag, answered: 0, correct: 0, ratio: 0 };
      topic.answered += answered;
      topic.correct += row.correct;
      topic.ratio = topic.correct / topic.answered;
      topics.set(tag, topic);
    }
  }
  const weakestTopics = [...topics.values()]
    .sort((a, b) => a.ratio - b.ratio || b.answered - a.answered || a.tag.localeCompare(b.tag))
    .slice(0, limits.topics ?? 5);

  const mostMissed = stats
    .filter((row) => row.wrong > 0)
    .map((row) => ({
      questionKey: row.questionKey,
      wrong: row.wrong,
      answered: row.correct + row.wrong,
      lastSeenAt: row.lastSeenAt,
    }))
    .sort(
      (a, b) =>
        b.wrong - a.wrong ||
        b.lastSeenAt - a.lastSeenAt ||
        a.questionKey.localeCompare(b.questionKey),
    )
    .slice(0, limits.missed ?? 10);

  return { quizzes, weakestTopics, mostMissed };
}
