import type { AttemptRecord } from '../quiz/attempt.ts';
import type { CardSchedule, ReviewCardRow } from './records.ts';

// Kept free of ts-fsrs: quiz pages create cards, only /on-tap/ schedules them.

export const questionCardId = (questionKey: string): string => `cau:${questionKey}`;
export const placeCardId = (place: string): string => `vt:${place}`;

/** A card never reviewed, due at once; the same state as ts-fsrs's `createEmptyCard(now)`. */
export function newSchedule(now: number): CardSchedule {
  return {
    due: now,
    stability: 0,
    difficulty: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: 0,
    lastReview: null,
  };
}

export function questionCard(questionKey: string, now: number): ReviewCardRow {
  return {
    id: questionCardId(questionKey),
    kind: 'question',
    questionKey,
    ...newSchedule(now),
    createdAt: now,
    updatedAt: now,
  };
}

/** Questions answered without full marks in a graded attempt (the ones counted "wrong" on /tien-do/). */
export function missedQuestionKeys(attempt: AttemptRecord): string[] {
  return (attempt.result?.results ?? [])
    .filter((result) => result.answered && !result.correct)
    .map((result) => result.questionKey);
}

/**
 * The cards to write after questions were missed: a new card for each question without one, and
 * an existing card brought due now, keeping its memory state, since the learner just forgot it.
 */
export function cardsForMissed(
  questionKeys: readonly string[],
  existing: readonly ReviewCardRow[],
  now: number,
): ReviewCardRow[] {
  const byId = new Map(existing.map((card) => [card.id, card]));
  return [...new Set(questionKeys)].flatMap((key) => {
    const card = byId.get(questionCardId(key));
    if (!card) return [questionCard(key, now)];
    return card.due <= now ? [] : [{ ...card, due: now, updatedAt: now }];
  });
}
