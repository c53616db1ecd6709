import { createEmptyCard } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import {
  cardsForMissed,
  missedQuestionKeys,
  newSchedule,
  questionCard,
} from '../../../src/lib/learner/cards.ts';
import { isDueToday, placeCard, startOfNextDay } from '../../../src/lib/learner/review-deck.ts';
import { cardOf } from '../../../src/lib/learner/schedule.ts';
import { attemptRow, clause, t0 } from './fixtures.ts';

describe('review cards', () => {
  it('start in the state ts-fsrs gives a new card, due at once', () => {
    expect(cardOf(newSchedule(t0))).toEqual({
      ...createEmptyCard(new Date(t0)),
      last_review: undefined,
    });
    expect(questionCard('cau-2', t0)).toMatchObject({
      id: 'cau:cau-2',
      kind: 'question',
      due: t0,
      state: 0,
    });
  });

  it('keep only the fields of a place', () => {
    const card = placeCard({ ...clause, extra: '<script>' } as typeof clause, t0);
    expect(card).toMatchObject({ id: `vt:${clause.place}`, kind: 'place', target: clause });
    expect(card.kind === 'place' && Object.keys(card.target)).toEqual([
      'place',
      'type',
      'docId',
      'docTitle',
      'label',
    ]);
  });

  it('come from the questions answered without full marks, not from skipped ones', () => {
    const attempt = attemptRow();
    attempt.result?.results.push({
      questionKey: 'cau-3',
      answered: false,
      score: 0,
      max: 1,
      correct: false,
    });
    expect(missedQuestionKeys(attempt)).toEqual(['cau-2']);
    expect(missedQuestionKeys(attemptRow({ result: null }))).toEqual([]);
  });

  it('are created once per question; a card scheduled later comes due again when missed again', () => {
    const later = {
      ...questionCard('cau-2', t0),
      due: t0 + 10 * 86_400_000,
      reps: 3,
      stability: 9,
    };
    const due = questionCard('cau-3', t0);
    const written = cardsForMissed(['cau-1', 'cau-1', 'cau-2', 'cau-3'], [later, due], t0 + 5);
    expect(written).toEqual([
      questionCard('cau-1', t0 + 5),
      { ...later, due: t0 + 5, updatedAt: t0 + 5 },
    ]);
  });

  it('are due today until local midnight', () => {
    const now = new Date(2026, 0, 5, 23, 59).getTime();
    const midnight = new Date(2026, 0, 6, 0, 0).getTime();
    expect(startOfNextDay(now)).toBe(midnight);
    expect(isDueToday({ ...newSchedule(now), due: midnight - 1 }, now)).toBe(true);
    expect(isDueToday({ ...newSchedule(now), due: midnight }, now)).toBe(false);
  });
});
