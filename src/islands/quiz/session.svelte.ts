import { openQuizProgress, type QuizContent, type QuizProgress } from '../../lib/learner/quiz-progress.ts';
import type { AttemptQuestion, AttemptRecord, AttemptState } from '../../lib/quiz/attempt.ts';
import { gradeAnswer, isAnswered, type QuestionGrade } from '../../lib/quiz/grade.ts';
import type { AnswerValue } from '../../lib/quiz/questions.ts';
import { remainingMs } from '../../lib/quiz/timer.ts';

export type Phase = 'loading' | 'question' | 'review' | 'limit';

/**
 * One learner's run through a quiz, as the island sees it. Every change goes through
 * QuizProgress, which stores it at once; this class only mirrors the stored state.
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
    return entry && isAnswered(answer) ? gradeAnswer(question.question, entry.answer, answer) : null;
  }

  async open(): Promise<void> {
    this.#progress ??= await openQuizProgress();
    this.persistent = this.#progress.persistent;
    await this.#load();
  }

  /** Re-reads the stored attempt: another tab may have answered or submitted meanwhile. */
  async refresh(): Promise<void> {
    if (this.phase === 'question') await this.#load();
  }

  async #load(): Promise<void> {
    const outcome = await this.#progress!.startOrResume(this.content, Date.now());
    if (outcome.kind === 'limit-reached') {
      this.pastAttempts = outcome.attempts;
      if (this.content.quiz.mode === 'exam') {
        // Submitting a submitted attempt changes nothing and returns it with its answers.
        this.pastSubmissions = await Promise.all(
          outcome.attempts
            .filter((attempt) => attempt.status === 'submitted')
            .map((attempt) => this.#progress!.submit(this.content, attempt.id)),
        );
      }
      this.phase = 'limit';
      return;
    }
    this.attempt = outcome.attempt;
    this.questions = outcome.questions;
    if (outcome.kind === 'expired') {
      this.endedBy = 'timer';
      this.phase = 'review';
      return;
    }
    const position = outcome.position;
    this.index = Math.max(0, this.questions.findIndex((q) => q.key === position));
    this.phase = 'question';
  }

  async answer(questionKey: string, value: AnswerValue): Promise<boolean> {
    const attempt = this.attempt;
    if (!attempt) return false;
    const outcome = await this.#progress!.saveAnswer(this.content, attempt.id, questionKey, value);
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
    await this.#progress!.goTo(this.attempt.id, question.key);
  }

  async submit(endedBy: 'timer' | 'elsewhere' | null = null): Promise<void> {
    if (!this.attempt) return;
    this.attempt = await this.#progress!.submit(this.content, this.attempt.id);
    this.endedBy = endedBy ?? (this.attempt.submittedBy === 'timer' ? 'timer' : null);
    this.phase = 'review';
  }

  async retry(): Promise<void> {
    this.endedBy = null;
    this.attempt = null;
    this.phase = 'loading';
    await this.#load();
  }

  tick(): void {
    this.now = Date.now();
    if (this.phase === 'question' && this.remaining === 0) void this.submit('timer');
  }
}
