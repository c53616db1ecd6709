import {
  openQuizProgress,
  QuizProgress,
  type QuizContent,
} from '../../lib/learner/quiz-progress.ts';
import type { AnswerRow } from '../../lib/learner/records.ts';
import type { SaveFailure } from '../../lib/learner/storage.ts';
import {
  recordAnswer,
  submitAttempt,
  type AttemptQuestion,
  type AttemptRecord,
  type AttemptState,
  type RecordOutcome,
} from '../../lib/quiz/attempt.ts';
import { gradeAnswer, isAnswered, type QuestionGrade } from '../../lib/quiz/grade.ts';
import type { AnswerValue } from '../../lib/quiz/questions.ts';
import { remainingMs } from '../../lib/quiz/timer.ts';

export type Phase = 'loading' | 'question' | 'review' | 'limit';

/**
 * One learner's run through a quiz, as the island sees it. Every change goes through
 * QuizProgress, which stores it at once, and this class mirrors the stored state. When storage
 * refuses a write, the attempt goes on here in memory: what could not be stored is kept on the
 * page, stored with the next write that succeeds, and submitting always works.
 */
export class QuizSession {
  phase = $state<Phase>('loading');
  attempt = $state<AttemptState | null>(null);
  questions = $state<AttemptQuestion[]>([]);
  index = $state(0);
  persistent = $state(true);
  /** Set when the attempt ended without the learner pressing "Nộp bài". */
  endedBy = $state<'timer' | 'elsewhere' | null>(null);
  pastAttempts = $state<AttemptRecord[]>([]);
  /** An exam's submitted attempts with their answers, so the learner can still download them. */
  pastSubmissions = $state<AttemptState[]>([]);
  now = $state(Date.now());
  error = $state('');
  /** Why the last write was refused; null once everything on the page is stored. */
  saveFailure = $state<SaveFailure | null>(null);
  /** Answers given since storage last refused a write, not stored yet. */
  #unsaved = new Map<string, AnswerRow>();

  content: QuizContent;
  #progress: QuizProgress | null = null;

  constructor(content: QuizContent) {
    this.content = content;
  }

  current = $derived(this.questions[this.index]);
  answeredCount = $derived(
    this.questions.filter((q) => isAnswered(this.attempt?.answers[q.key]?.value)).length,
  );
  remaining = $derived(this.attempt ? remainingMs(this.attempt, this.now) : null);

  answerOf(questionKey: string): AnswerValue | undefined {
    return this.attempt?.answers[questionKey]?.value;
  }

  /** The grade of an answered question, when the key is shipped (practice). */
  gradeOf(question: AttemptQuestion): QuestionGrade | null {
    const entry = this.content.key?.[question.key];
    const answer = this.answerOf(question.key);
    return entry && isAnswered(answer)
      ? gradeAnswer(question.question, entry.answer, answer)
      : null;
  }

  async open(): Promise<void> {
    this.#progress ??= await openQuizProgress();
    this.persistent = this.#progress.persistent;
    await this.#load();
  }

  /** Re-reads the stored attempt: another tab may have answered or submitted meanwhile. */
  async refresh(): Promise<void> {
    if (this.phase === 'question') await this.#load(true);
  }

  async #load(refreshing = false): Promise<void> {
    let started = await this.#progress!.startOrResume(this.content, Date.now());
    if (!started.ok) {
      // Seen again on return to the tab: what is on the page stays as it is.
      if (refreshing) return;
      // Storage refuses even to start: this attempt runs in memory, and the page says so.
      this.saveFailure = started.failure;
      this.#progress = new QuizProgress(null);
      this.persistent = false;
      started = await this.#progress.startOrResume(this.content, Date.now());
      if (!started.ok) return;
    }
    const outcome = started.value;
    if (outcome.kind === 'limit-reached') {
      this.pastAttempts = outcome.attempts;
      if (this.content.quiz.mode === 'exam') {
        // Submitting a submitted attempt changes nothing and returns it with its answers.
        const past = await Promise.all(
          outcome.attempts
            .filter((attempt) => attempt.status === 'submitted')
            .map((attempt) => this.#progress!.submit(this.content, attempt.id)),
        );
        this.pastSubmissions = past.flatMap((read) => (read.ok ? [read.value] : []));
      }
      this.phase = 'limit';
      return;
    }
    this.attempt = this.#withUnsaved(outcome.attempt);
    this.questions = outcome.questions;
    if (outcome.kind === 'expired') {
      this.endedBy = 'timer';
      this.phase = 'review';
      return;
    }
    const position = outcome.position;
    if (!refreshing)
      this.index = Math.max(
        0,
        this.questions.findIndex((q) => q.key === position),
      );
    this.phase = 'question';
  }

  /** The attempt with the answers given on this page that storage has not taken yet. */
  #withUnsaved(attempt: AttemptState): AttemptState {
    const unsaved = [...this.#unsaved.values()].filter((row) => row.attemptId === attempt.id);
    if (!unsaved.length || attempt.status !== 'in-progress') return attempt;
    const answers = { ...attempt.answers };
    for (const { questionKey, value, answeredAt } of unsaved) {
      answers[questionKey] = { value, answeredAt };
    }
    return { ...attempt, answers };
  }

  async answer(questionKey: string, value: AnswerValue): Promise<boolean> {
    const attempt = this.attempt;
    if (!attempt) return false;
    const now = Date.now();
    const saved = await this.#progress!.saveAnswer(
      this.content,
      attempt.id,
      questionKey,
      value,
      now,
      [...this.#unsaved.values()],
    );
    let outcome: RecordOutcome;
    if (saved.ok) {
      outcome = saved.value;
      if (outcome.ok) {
        this.#unsaved.clear();
        // In memory after a refusal, nothing is stored: the warning stays.
        if (this.#progress!.persistent) this.saveFailure = null;
      }
    } else {
      // Refused: the answer stays on the page and is stored with the next write that succeeds.
      this.saveFailure = saved.failure;
      outcome = recordAnswer(attempt, this.questions, questionKey, value, now);
      if (outcome.ok)
        this.#unsaved.set(questionKey, { attemptId: attempt.id, questionKey, ...outcome.answer });
    }
    if (outcome.ok) {
      this.attempt = outcome.state;
      this.error = '';
      return true;
    }
    if (outcome.reason === 'expired' || outcome.reason === 'submitted') {
      await this.submit(outcome.reason === 'expired' ? 'timer' : 'elsewhere');
    } else {
      this.error = outcome.message;
    }
    return false;
  }

  async go(index: number): Promise<void> {
    const question = this.questions[index];
    if (!question || !this.attempt) return;
    this.index = index;
    // Only where a reload reopens: a refusal here costs nothing the learner would miss.
    await this.#progress!.goTo(this.attempt.id, question.key);
  }

  /** Always ends in the review: when storage refuses, the attempt is submitted in memory. */
  async submit(endedBy: 'timer' | 'elsewhere' | null = null): Promise<void> {
    const attempt = this.attempt;
    if (!attempt) return;
    const now = Date.now();
    const saved = await this.#progress!.submit(this.content, attempt.id, now, [
      ...this.#unsaved.values(),
    ]);
    if (saved.ok) {
      this.#unsaved.clear();
      if (this.#progress!.persistent) this.saveFailure = null;
      this.attempt = saved.value;
    } else {
      this.saveFailure = saved.failure;
      this.attempt = submitAttempt(attempt, this.questions, this.content.key, now);
    }
    this.endedBy = endedBy ?? (this.attempt.submittedBy === 'timer' ? 'timer' : null);
    this.phase = 'review';
  }

  async retry(): Promise<void> {
    this.endedBy = null;
    this.attempt = null;
    this.phase = 'loading';
    this.#unsaved.clear();
    if (this.saveFailure) {
      // The last attempt ran in memory: try storage again for this one.
      this.saveFailure = null;
      this.#progress = await openQuizProgress();
      this.persistent = this.#progress.persistent;
    }
    await this.#load();
  }

  tick(): void {
    this.now = Date.now();
    if (this.phase === 'question' && this.remaining === 0) void this.submit('timer');
  }
}
