import {
  attemptQuestions,
  createAttempt,
  moveTo,
  recordAnswer,
  resumePosition,
  submitAttempt,
  type AttemptQuestion,
  type AttemptRecord,
  type AttemptState,
  type QuizDefinition,
  type RecordOutcome,
} from '../quiz/attempt.ts';
import {
  buildDashboard,
  seenCounts,
  statsAfterAttempt,
  type Dashboard,
  type QuestionStats,
} from '../quiz/dashboard.ts';
import type { AnswerKey } from '../quiz/key.ts';
import type { AnswerValue, PublicBank } from '../quiz/questions.ts';
import { isExpired } from '../quiz/timer.ts';
import { cardsForMissed, missedQuestionKeys, questionCardId } from './cards.ts';
import { openLearnerDB, plain, type LearnerDB, type WriteTx } from './database.ts';
import type { AnswerRow, ReviewCardRow } from './records.ts';
import { failureOf, type SaveResult } from './storage.ts';

/** What a quiz page gives the API: the quiz, its banks as shipped, and the key when it may be shipped. */
export interface QuizContent {
  quiz: QuizDefinition;
  banks: readonly PublicBank[];
  /** Practice only. Without it (exam) attempts are submitted ungraded, for the trainer to grade. */
  key?: AnswerKey | undefined;
}

export type StartOutcome =
  | {
      kind: 'started' | 'resumed';
      attempt: AttemptState;
      questions: AttemptQuestion[];
      /** The question to show first (see `resumePosition`). */
      position: string | null;
    }
  /** The resumed attempt's time ran out while the page was closed: it is now submitted with what was answered. */
  | { kind: 'expired'; attempt: AttemptState; questions: AttemptQuestion[] }
  /** All attempts allowed are used; newest first. */
  | { kind: 'limit-reached'; attempts: AttemptRecord[] };

/** The learner tables as one atomic unit of work sees them. */
interface Tables {
  attempt(id: string): Promise<AttemptRecord | undefined>;
  /** Every attempt, or one quiz's. */
  attempts(quizId?: string): Promise<AttemptRecord[]>;
  putAttempt(attempt: AttemptRecord): Promise<unknown>;
  answers(attemptId: string): Promise<AnswerRow[]>;
  putAnswer(row: AnswerRow): Promise<unknown>;
  /** Every question's history, or only these questions'. */
  stats(questionKeys?: string[]): Promise<QuestionStats[]>;
  putStats(rows: QuestionStats[]): Promise<unknown>;
  /** The review cards among these ids. */
  cards(ids: string[]): Promise<ReviewCardRow[]>;
  putCards(rows: ReviewCardRow[]): Promise<unknown>;
}

/** Runs `work` atomically, in one transaction: all of it is stored, or none, and the result says which. */
type Transact = <T>(work: (tables: Tables) => Promise<T>) => Promise<SaveResult<T>>;

const QUIZ_TABLES = ['attempts', 'answers', 'questionStats', 'reviewCards'] as const;

const present = <T>(rows: (T | undefined)[]) => rows.filter((row) => row !== undefined);

/** The quiz's tables in one transaction of the learner database. */
function tablesOf(tx: WriteTx): Tables {
  return {
    attempt: (id) => tx.table('attempts').get(id),
    attempts: (quizId) =>
      quizId === undefined
        ? tx.table('attempts').getAll()
        : tx.table('attempts').index('quizId').getAll(quizId),
    putAttempt: (attempt) => tx.put('attempts', attempt),
    answers: (attemptId) => tx.table('answers').index('attemptId').getAll(attemptId),
    putAnswer: (row) => tx.put('answers', row),
    stats: async (questionKeys) =>
      questionKeys === undefined
        ? tx.table('questionStats').getAll()
        : present(await Promise.all(questionKeys.map((key) => tx.table('questionStats').get(key)))),
    putStats: (rows) => Promise.all(rows.map((row) => tx.put('questionStats', row))),
    cards: async (ids) =>
      present(await Promise.all(ids.map((id) => tx.table('reviewCards').get(id)))),
    putCards: (rows) => Promise.all(rows.map((row) => tx.put('reviewCards', row))),
  };
}

function inDatabase(db: LearnerDB): Transact {
  return (work) => db.write(QUIZ_TABLES, (tx) => work(tablesOf(tx)));
}

/** The same tables in memory, for when the browser gives no storage; lost when the page closes. */
function inMemory(): Transact {
  const attempts = new Map<string, AttemptRecord>();
  const answers = new Map<string, AnswerRow>();
  const stats = new Map<string, QuestionStats>();
  const cards = new Map<string, ReviewCardRow>();
  // Plain copies, as IndexedDB would store them, so callers never share objects with the store.
  const tables: Tables = {
    attempt: async (id) => {
      const attempt = attempts.get(id);
      return attempt && plain(attempt);
    },
    attempts: async (quizId) =>
      [...attempts.values()].filter((a) => quizId === undefined || a.quizId === quizId).map(plain),
    putAttempt: async (attempt) => attempts.set(attempt.id, plain(attempt)),
    answers: async (attemptId) =>
      [...answers.values()].filter((row) => row.attemptId === attemptId).map(plain),
    putAnswer: async (row) =>
      answers.set(JSON.stringify([row.attemptId, row.questionKey]), plain(row)),
    stats: async (questionKeys) =>
      (questionKeys ?? [...stats.keys()]).flatMap((key) => {
        const row = stats.get(key);
        return row ? [plain(row)] : [];
      }),
    putStats: async (rows) => rows.forEach((row) => stats.set(row.questionKey, plain(row))),
    cards: async (ids) =>
      ids.flatMap((id) => {
        const row = cards.get(id);
        return row ? [plain(row)] : [];
      }),
    putCards: async (rows) => rows.forEach((row) => cards.set(row.id, plain(row))),
  };
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: (tables: Tables) => Promise<T>) => {
    const result = queue.then(async (): Promise<SaveResult<T>> => ({
      ok: true,
      value: await work(tables),
    }));
    const settled = result.catch(
      (error: unknown) => ({ ok: false, failure: failureOf(error) }) as const,
    );
    queue = settled;
    return settled;
  };
}

/** Random hex; `crypto.getRandomValues` works on plain http too, unlike `randomUUID`. */
function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

function recordOf(state: AttemptState): AttemptRecord {
  const { answers: _answers, ...record } = state;
  return record;
}

/**
 * The attempt with its stored answers. `unsaved` are answers the store refused earlier, kept on
 * the page since: they are stored now, while the attempt is open, unless a later one is stored.
 */
async function stateOf(
  tables: Tables,
  record: AttemptRecord,
  unsaved: readonly AnswerRow[] = [],
): Promise<AttemptState> {
  const rows = new Map((await tables.answers(record.id)).map((row) => [row.questionKey, row]));
  if (record.status === 'in-progress') {
    for (const row of unsaved) {
      const stored = rows.get(row.questionKey);
      if (row.attemptId !== record.id || (stored && stored.answeredAt >= row.answeredAt)) continue;
      await tables.putAnswer(row);
      rows.set(row.questionKey, row);
    }
  }
  return {
    ...record,
    answers: Object.fromEntries(
      [...rows.values()].map((row) => [
        row.questionKey,
        { value: row.value, answeredAt: row.answeredAt },
      ]),
    ),
  };
}

const newestFirst = (attempts: AttemptRecord[]) =>
  attempts.sort((a, b) => b.startedAt - a.startedAt);

/**
 * Submits once, recording in the same unit of work the questions' history and a review card
 * for each question missed (see `cardsForMissed`).
 */
async function finish(
  tables: Tables,
  state: AttemptState,
  questions: readonly AttemptQuestion[],
  key: AnswerKey | undefined,
  now: number,
): Promise<AttemptState> {
  if (state.status === 'submitted') return state;
  const submitted = submitAttempt(state, questions, key, now);
  const previous = await tables.stats(questions.map((question) => question.key));
  await tables.putStats(
    statsAfterAttempt(submitted, questions, new Map(previous.map((row) => [row.questionKey, row]))),
  );
  const missed = missedQuestionKeys(submitted);
  if (missed.length) {
    await tables.putCards(
      cardsForMissed(missed, await tables.cards(missed.map(questionCardId)), now),
    );
  }
  await tables.putAttempt(recordOf(submitted));
  return submitted;
}

/**
 * A learner's quiz progress: every answer is stored the moment it is given, one row each, and
 * every change runs in a transaction, so a reload, a crash or a second tab loses nothing.
 */
export class QuizProgress {
  /** False when the browser gives no storage: the quiz works, but progress ends with the page. */
  readonly persistent: boolean;
  readonly #transact: Transact;
  readonly #db: LearnerDB | null;

  constructor(db: LearnerDB | null) {
    this.persistent = db !== null;
    this.#db = db;
    this.#transact = db ? inDatabase(db) : inMemory();
  }

  /**
   * Resumes the newest attempt in progress, or starts one (drawing the least-seen questions)
   * if the attempts allowed permit.
   */
  startOrResume(content: QuizContent, now = Date.now()): Promise<SaveResult<StartOutcome>> {
    const { quiz, banks } = content;
    return this.#transact(async (tables): Promise<StartOutcome> => {
      const attempts = newestFirst(await tables.attempts(quiz.id));
      const open = attempts.find((attempt) => attempt.status === 'in-progress');
      if (open) {
        const state = await stateOf(tables, open);
        const questions = attemptQuestions(state, banks);
        if (isExpired(state, now)) {
          return {
            kind: 'expired',
            attempt: await finish(tables, state, questions, content.key, now),
            questions,
          };
        }
        return { kind: 'resumed', attempt: state, questions, position: resumePosition(state) };
      }
      if (quiz.attempts !== undefined && attempts.length >= quiz.attempts) {
        return { kind: 'limit-reached', attempts };
      }
      const state = createAttempt({
        id: randomId(),
        quiz,
        banks,
        seenCounts: seenCounts(await tables.stats()),
        seed: randomId(),
        now,
      });
      await tables.putAttempt(recordOf(state));
      const questions = attemptQuestions(state, banks);
      return { kind: 'started', attempt: state, questions, position: resumePosition(state) };
    });
  }

  /**
   * Stores one answer at once, with any `unsaved` ones the store refused before. The outcome is
   * a rejection, with a message for the learner, when the attempt is already submitted or out of
   * time (then call `submit` to get the final state), or when the answer is not one the question
   * allows; the result is a failure when storage refused the write.
   */
  saveAnswer(
    content: QuizContent,
    attemptId: string,
    questionKey: string,
    value: AnswerValue,
    now = Date.now(),
    unsaved: readonly AnswerRow[] = [],
  ): Promise<SaveResult<RecordOutcome>> {
    return this.#transact(async (tables): Promise<RecordOutcome> => {
      const record = await tables.attempt(attemptId);
      if (!record)
        return { ok: false, reason: 'not-found', message: 'Không tìm thấy lượt làm bài này.' };
      const state = await stateOf(tables, record, unsaved);
      const outcome = recordAnswer(
        state,
        attemptQuestions(state, content.banks),
        questionKey,
        value,
        now,
      );
      if (outcome.ok) await tables.putAnswer({ attemptId, questionKey, ...outcome.answer });
      return outcome;
    });
  }

  /** Remembers the question the learner moved to, so a reload opens there. */
  goTo(attemptId: string, questionKey: string, now = Date.now()): Promise<SaveResult<void>> {
    return this.#transact(async (tables) => {
      const record = await tables.attempt(attemptId);
      if (record?.status === 'in-progress')
        await tables.putAttempt(moveTo(record, questionKey, now));
    });
  }

  /**
   * Submits with whatever was answered, `unsaved` answers included; submitting again returns the
   * same result and counts nothing twice.
   */
  submit(
    content: QuizContent,
    attemptId: string,
    now = Date.now(),
    unsaved: readonly AnswerRow[] = [],
  ): Promise<SaveResult<AttemptState>> {
    return this.#transact(async (tables) => {
      const record = await tables.attempt(attemptId);
      if (!record) throw new Error('Không tìm thấy lượt làm bài này.');
      const state = await stateOf(tables, record, unsaved);
      return finish(tables, state, attemptQuestions(state, content.banks), content.key, now);
    });
  }

  /** The quiz's attempts, newest first; none when storage cannot be read. */
  async attemptsFor(quizId: string): Promise<AttemptRecord[]> {
    const read = await this.#transact(async (tables) => newestFirst(await tables.attempts(quizId)));
    return read.ok ? read.value : [];
  }

  /** Data for the progress page (`/tien-do/`); null when storage cannot be read. */
  async dashboard(limits: { topics?: number; missed?: number } = {}): Promise<Dashboard | null> {
    const read = await this.#transact(async (tables) =>
      buildDashboard(await tables.attempts(), await tables.stats(), limits),
    );
    return read.ok ? read.value : null;
  }

  close(): void {
    this.#db?.close();
  }
}

/** Opens the learner's progress, in IndexedDB when the browser allows it, in memory otherwise. */
export async function openQuizProgress(name?: string): Promise<QuizProgress> {
  return new QuizProgress(await openLearnerDB(name));
}
