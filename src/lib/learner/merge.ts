import type { AttemptRecord } from '../quiz/attempt.ts';
import {
  LEARNER_TABLES,
  type HighlightRow,
  type LearnerData,
  type LearnerTable,
} from './records.ts';

/** What importing does to one table: the rows to write, and how many are new, replace a row, or change nothing. */
export interface TableMerge<Row> {
  put: Row[];
  add: number;
  replace: number;
  keep: number;
}

export type MergePlan = { [Table in LearnerTable]: TableMerge<LearnerData[Table][number]> };

interface Rule<Row> {
  key: (row: Row) => string;
  /** True when the file's row should replace the one kept so far; a tie keeps what is there. */
  wins: (incoming: Row, kept: Row) => boolean;
}

/** Compares tuples left to right: the first difference decides. */
function later(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return false;
}

const lastActivity = (attempt: AttemptRecord) =>
  attempt.submittedAt ?? attempt.position?.at ?? attempt.startedAt;

/**
 * The merge rules, one per table. Nothing is ever summed, so importing the same file twice, or a
 * file exported after an earlier import, changes nothing the second time.
 */
export const MERGE_RULES: { [Table in LearnerTable]: Rule<LearnerData[Table][number]> } = {
  // An attempt (random id) exists on both sides only after an earlier import: the one further
  // along wins, submitted over in progress, then the most recent activity.
  attempts: {
    key: (row) => row.id,
    wins: (a, b) =>
      later(
        [a.status === 'submitted' ? 1 : 0, lastActivity(a)],
        [b.status === 'submitted' ? 1 : 0, lastActivity(b)],
      ),
  },
  // One row per attempt and question: the answer given last wins.
  answers: {
    key: (row) => JSON.stringify([row.attemptId, row.questionKey]),
    wins: (a, b) => a.answeredAt > b.answeredAt,
  },
  // Counters, never added (that would count attempts twice): the longer history wins.
  questionStats: {
    key: (row) => row.questionKey,
    wins: (a, b) => later([a.seen, a.lastSeenAt], [b.seen, b.lastSeenAt]),
  },
  // "Đã học" wins over not done; between two marks the earlier one is kept.
  lessonProgress: {
    key: (row) => row.lessonId,
    wins: (a, b) =>
      (a.done && !b.done) || (a.done && b.done && (a.doneAt ?? Infinity) < (b.doneAt ?? Infinity)),
  },
  // One per place: the most recently changed wins.
  bookmarks: { key: (row) => row.place, wins: (a, b) => a.updatedAt > b.updatedAt },
  notes: { key: (row) => row.place, wins: (a, b) => a.updatedAt > b.updatedAt },
  // By id, the most recently changed wins; the same passage marked on two devices is kept once (see planMerge).
  highlights: { key: (row) => row.id, wins: (a, b) => a.updatedAt > b.updatedAt },
  // The card reviewed last knows most about the learner's memory; then the one changed last.
  reviewCards: {
    key: (row) => row.id,
    wins: (a, b) => later([a.lastReview ?? 0, a.updatedAt], [b.lastReview ?? 0, b.updatedAt]),
  },
};

function mergeTable<Row>(current: readonly Row[], incoming: readonly Row[], rule: Rule<Row>) {
  const existing = new Map(current.map((row) => [rule.key(row), row]));
  const chosen = new Map<string, Row>();
  for (const row of incoming) {
    const key = rule.key(row);
    const kept = chosen.get(key) ?? existing.get(key);
    if (kept === undefined || rule.wins(row, kept)) chosen.set(key, row);
  }
  const replace = [...chosen.keys()].filter((key) => existing.has(key)).length;
  const add = chosen.size - replace;
  // Every row of the file is added, replaces one, or changes nothing.
  return { put: [...chosen.values()], add, replace, keep: incoming.length - add - replace };
}

const passageKey = (row: HighlightRow) => JSON.stringify([row.place, row.start, row.end]);

/** What importing `incoming` into `current` writes, table by table (see MERGE_RULES). */
export function planMerge(current: LearnerData, incoming: LearnerData): MergePlan {
  const marked = new Set(current.highlights.map(passageKey));
  const ids = new Set(current.highlights.map((row) => row.id));
  const highlights = incoming.highlights.filter(
    (row) => ids.has(row.id) || !marked.has(passageKey(row)),
  );
  const plan = {
    attempts: mergeTable(current.attempts, incoming.attempts, MERGE_RULES.attempts),
    answers: mergeTable(current.answers, incoming.answers, MERGE_RULES.answers),
    questionStats: mergeTable(
      current.questionStats,
      incoming.questionStats,
      MERGE_RULES.questionStats,
    ),
    lessonProgress: mergeTable(
      current.lessonProgress,
      incoming.lessonProgress,
      MERGE_RULES.lessonProgress,
    ),
    bookmarks: mergeTable(current.bookmarks, incoming.bookmarks, MERGE_RULES.bookmarks),
    notes: mergeTable(current.notes, incoming.notes, MERGE_RULES.notes),
    highlights: mergeTable(current.highlights, highlights, MERGE_RULES.highlights),
    reviewCards: mergeTable(current.reviewCards, incoming.reviewCards, MERGE_RULES.reviewCards),
  };
  plan.highlights.keep += incoming.highlights.length - highlights.length;
  return plan;
}

/** Rows added and replaced over all tables. */
export function mergeTotals(plan: MergePlan): { add: number; replace: number } {
  return LEARNER_TABLES.reduce(
    (sum, table) => ({
      add: sum.add + plan[table].add,
      replace: sum.replace + plan[table].replace,
    }),
    { add: 0, replace: 0 },
  );
}
