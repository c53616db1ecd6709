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
import { openQuizDatabase, type QuizDatabase } from './connection.ts';
import type { AnswerRow } from './db.ts';
import type { ReviewCardRow } from './records.ts';
import { DATABASE_NAME } from './schema.ts';

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

/** Runs `work` atomically: in one readwrite transaction, which IndexedDB serialises across tabs. */
type Transact = <T>(work: (tables: Tables) => Promise<T>) => Promise<T>;

interface Store {
  transact: Transact;
  close(): void;
}

const QUIZ_TABLES = ['attempts', 'answers', 'questionStats', 'reviewCards'] as const;

const present = <T>(rows: (T | undefined)[]) => rows.filter((row) => row !== undefined);

function inDatabase(opened: QuizDatabase, name: string): Store {
  let db = opened;
  /** Another tab's upgrade closes the connection (see `openQuizDatabase`): open it again. */
  const begin = async () => {
    try {
      return db.transaction(QUIZ_TABLES, 'readwrite');
    } catch (error) {
      const reopened =
        error instanceof DOMException &&
        error.name === 'InvalidStateError' &&
        (await openQuizDatabase(name));
      if (!reopened) throw error;
      db = reopened;
      return db.transaction(QUIZ_TABLES, 'readwrite');
    }
  };
  const transact: Transact = async (work) => {
    const tx = await begin();
    const store = <Name extends (typeof QUIZ_TABLES)[number]>(table: Name) => tx.objectStore(table);
    const tables: Tables = {
      attempt: (id) => store('attempts').get(id),
      attempts: (quizId) =>
        quizId === undefined
          ? store('attempts').getAll()
          : store('attempts').index('quizId').getAll(quizId),
      putAttempt: (attempt) => store('attempts').put(attempt),
      answers: (attemptId) => store('answers').index('attemptId').getAll(attemptId),
      putAnswer: (row) => store('answers').put(row),
      stats: async (questionKeys) =>
        questionKeys === undefined
          ? store('questionStats').getAll()
          : present(await Promise.all(questionKeys.map((key) => store('questionStats').get(key)))),
      putStats: (rows) => Promise.all(rows.map((row) => store('questionStats').put(row))),
      cards: async (ids) =>
        present(await Promise.all(ids.map((id) => store('reviewCards').get(id)))),
      putCards: (rows) => Promise.all(rows.map((row) => store('reviewCards').put(row))),
    };
    // `work` awaits only these requests, so the transaction stays open until it is done.
    tx.done.catch(() => undefined);
    try {
      const result = await work(tables);
      await tx.done;
      return result;
    } catch (error) {
      try {
        tx.abort();
      } catch {
        // Already ended: IndexedDB aborted it itself (the error came from a request).
      }
      throw error;
    }
  };
  return { transact, close: () => db.close() };
}

/** The same tables in memory, for when the browser gives no storage; lost when the page closes. */
function inMemory(): Store {
  const attempts = new Map<string, AttemptRecord>();
  const answers = new Map<string, AnswerRow>();
  const stats = new Map<string, QuestionStats>();
  const cards = new Map<string, ReviewCardRow>();
  // Copies, as IndexedDB would make, so callers never share objects with the store.
  const copy = <T>(value: T): T => structuredClone(value);
  const tables: Tables = {
    attempt: async (id) => {
      const attempt = attempts.get(id);
      return attempt && copy(attempt);
    },
    attempts: async (quizId) =>
      [...attempts.values()].filter((a) => quizId === undefined || a.quizId === quizId).map(copy),
    putAttempt: async (attempt) => attempts.set(attempt.id, copy(attempt)),
    answers: async (attemptId) =>
      [...answers.values()].filter((row) => row.attemptId === attemptId).map(copy),
    putAnswer: async (row) =>
      answers.set(JSON.stringify([row.attemptId, row.questionKey]), copy(row)),
    stats: async (questionKeys) =>
      (questionKeys ?? [...stats.keys()]).flatMap((key) => {
        const row = stats.get(key);
        return row ? [copy(row)] : [];
      }),
    putStats: async (rows) => rows.forEach((row) => stats.set(row.questionKey, copy(row))),
    cards: async (ids) =>
      ids.flatMap((id) => {
        const row = cards.get(id);
        return row ? [copy(row)] : [];
      }),
    putCards: async (rows) => rows.forEach((row) => cards.set(row.id, copy(row))),
  };
  let queue: Promise<unknown> = Promise.resolve();
  const transact: Transact = (work) => {
    const result = queue.then(() => work(tables));
    queue = result.catch(() => undefined);
    return result;
  };
  return { transact, close: () => undefined };
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

async function stateOf(tables: Tables, record: AttemptRecord): Promise<AttemptState> {
  const rows = await tables.answers(record.id);
  return {
    ...record,
    answers: Object.fromEntries(
      rows.map((row) => [row.questionKey, { value: row.value, answeredAt: row.answeredAt }]),
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
  readonly #store: Store;
  readonly #transact: Transact;

  constructor(db: QuizDatabase | null, name = DATABASE_NAME) {
    this.persistent = db !== null;
    this.#store = db ? inDatabase(db, name) : inMemory();
    this.#transact = this.#store.transact;
  }

  /**
   * Resumes the newest attempt in progress, or starts one (drawing the least-seen questions)
   * if the attempts allowed permit.
   */
  startOrResume(content: QuizContent, now = Date.now()): Promise<StartOutcome> {
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
   * Stores one answer at once. Rejected, with a message for the learner, when the attempt is
   * already submitted or out of time (then call `submit` to get the final state), or when the
   * answer is not one the question allows.
   */
  saveAnswer(
    content: QuizContent,
    attemptId: string,
    questionKey: string,
    value: AnswerValue,
    now = Date.now(),
  ): Promise<RecordOutcome> {
    return this.#transact(async (tables): Promise<RecordOutcome> => {
      const record = await tables.attempt(attemptId);
      if (!record)
        return { ok: false, reason: 'not-found', message: 'Không tìm thấy lượt làm bài này.' };
      const state = await stateOf(tables, record);
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
  goTo(attemptId: string, questionKey: string, now = Date.now()): Promise<void> {
    return this.#transact(async (tables) => {
      const record = await tables.attempt(attemptId);
      if (record?.status === 'in-progress')
        await tables.putAttempt(moveTo(record, questionKey, now));
    });
  }

  /** Submits with whatever was answered; submitting again returns the same result and counts nothing twice. */
  submit(content: QuizContent, attemptId: string, now = Date.now()): Promise<AttemptState> {
    return this.#transact(async (tables) => {
      const record = await tables.attempt(attemptId);
      if (!record) throw new Error('Không tìm thấy lượt làm bài này.');
      const state = await stateOf(tables, record);
      return finish(tables, state, attemptQuestions(state, content.banks), content.key, now);
    });
  }

  /** The quiz's attempts, newest first. */
  attemptsFor(quizId: string): Promise<AttemptRecord[]> {
    return this.#transact(async (tables) => newestFirst(await tables.attempts(quizId)));
  }

  /** Data for the progress page (`/tien-do/`). */
  dashboard(limits: { topics?: number; missed?: number } = {}): Promise<Dashboard> {
    return this.#transact(async (tables) =>
      buildDashboard(await tables.attempts(), await tables.stats(), limits),
    );
  }

  close(): void {
    this.#store.close();
  }
}

/** Opens the learner's progress, in IndexedDB when the browser allows it, in memory otherwise. */
export async function openQuizProgress(options: { name?: string } = {}): Promise<QuizProgress> {
  const name = options.name ?? DATABASE_NAME;
  return new QuizProgress(await openQuizDatabase(name), name);
}
