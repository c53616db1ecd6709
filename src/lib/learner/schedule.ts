import { fsrs, Rating, type Card, type Grade } from 'ts-fsrs';
import type { CardSchedule, ReviewCardRow } from './records.ts';

/** The learner's four answers, in the order shown: Quên, Khó, Được, Dễ. */
export const RATINGS = ['again', 'hard', 'good', 'easy'] as const;
export type ReviewRating = (typeof RATINGS)[number];

const GRADES: Record<ReviewRating, Grade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

// No same-day learning steps: every rating schedules another day, so /on-tap/ is a list for
// today that shrinks as the learner works through it, and a forgotten card returns tomorrow.
const scheduler = fsrs({ enable_short_term: false });

export function cardOf(row: CardSchedule): Card {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    // Deprecated in ts-fsrs 5 and computed from `last_review`; only its review log reads it.
    elapsed_days: 0,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    ...(row.lastReview === null ? {} : { last_review: new Date(row.lastReview) }),
  };
}

export function scheduleOf(card: Card): CardSchedule {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/** The card after the learner rated how well they remembered it at `now`. */
export function rateCard(row: ReviewCardRow, rating: ReviewRating, now: number): ReviewCardRow {
  const { card } = scheduler.next(cardOf(row), new Date(now), GRADES[rating]);
  return { ...row, ...scheduleOf(card), updatedAt: now };
}

/** When each rating would bring the card back, to show on its button. */
export function nextDueByRating(row: CardSchedule, now: number): Record<ReviewRating, number> {
  const preview = scheduler.repeat(cardOf(row), new Date(now));
  return {
    again: preview[Rating.Again].card.due.getTime(),
    hard: preview[Rating.Hard].card.due.getTime(),
    good: preview[Rating.Good].card.due.getTime(),
    easy: preview[Rating.Easy].card.due.getTime(),
  };
}

/** Whole days from `now` to `due`, at least 1 (ratings never schedule the same day). */
export const daysUntil = (due: number, now: number): number =>
  Math.max(1, Math.round((due - now) / 86_400_000));
