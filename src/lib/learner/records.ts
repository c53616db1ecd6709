import type { AttemptRecord, GivenAnswer } from '../quiz/attempt.ts';
import type { QuestionStats } from '../quiz/dashboard.ts';

/** What a learner can keep: an article (điều), a clause (khoản or điểm), a lesson or a case. */
export type PlaceType = 'article' | 'clause' | 'lesson' | 'case';

/** A place in the site that bookmarks, notes, highlights and review cards point to. */
export interface Place {
  /**
   * Its canonical URL, the key: `/van-ban/dieu-le-dang/dieu-32/#dieu-32-khoan-1`, `/bai-hoc/x/`.
   * URLs are stable (learners bookmark them), so a note finds its clause after any rebuild.
   */
  place: string;
  type: PlaceType;
  /** The document it belongs to (a regulation's page, or the lesson or case itself), to group by. */
  docId: string;
  docTitle: string;
  /** How it is cited or titled: "khoản 1 Điều 32 Điều lệ Đảng". */
  label: string;
}

/** Only the fields of a place, never whatever else an object handed in from a page carries. */
export const placeOf = ({ place, type, docId, docTitle, label }: Place): Place => ({
  place,
  type,
  docId,
  docTitle,
  label,
});

export interface BookmarkRow extends Place {
  createdAt: number;
  updatedAt: number;
}

/** One note per place, plain text with line breaks; always shown as text, never as HTML. */
export interface NoteRow extends Place {
  text: string;
  createdAt: number;
  updatedAt: number;
}

/** A passage of a clause: the quoted text and where it starts and ends in the clause's own text. */
export interface HighlightRow extends Place {
  id: string;
  quote: string;
  start: number;
  end: number;
  createdAt: number;
  updatedAt: number;
}

/** The FSRS memory state of a card (ts-fsrs's `Card`, with dates as epoch ms so rows index and export plainly). */
export interface CardSchedule {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs `State`: 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview: number | null;
}

/** What a card asks: a quiz question answered again, or a place recalled before it is shown. */
export type CardTarget =
  { kind: 'question'; questionKey: string } | { kind: 'place'; target: Place };

export type ReviewCardRow = CardSchedule &
  CardTarget & {
    /** `cau:<question key>` or `vt:<place>`: one card per question or place. */
    id: string;
    createdAt: number;
    updatedAt: number;
  };

/** One answer, its own row, so two tabs answering different questions never overwrite each other. */
export interface AnswerRow extends GivenAnswer {
  attemptId: string;
  questionKey: string;
}

export interface LessonProgress {
  lessonId: string;
  done: boolean;
  doneAt: number | null;
}

/** Every table of the learner's database and the row it holds: declared here once. */
export interface LearnerRows {
  attempts: AttemptRecord;
  answers: AnswerRow;
  questionStats: QuestionStats;
  lessonProgress: LessonProgress;
  bookmarks: BookmarkRow;
  notes: NoteRow;
  highlights: HighlightRow;
  reviewCards: ReviewCardRow;
}

export type LearnerTable = keyof LearnerRows;

/** Every table, in the order a backup lists them. */
export const LEARNER_TABLES = [
  'attempts',
  'answers',
  'questionStats',
  'lessonProgress',
  'bookmarks',
  'notes',
  'highlights',
  'reviewCards',
] as const satisfies readonly LearnerTable[];

/** All of a learner's rows, table by table: what a backup holds. */
export type LearnerData = { [Table in LearnerTable]: LearnerRows[Table][] };
