import { fsrs, Rating, type Grade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { questionCard } from '../../../src/lib/learner/cards.ts';
import { isDueToday } from '../../../src/lib/learner/review-deck.ts';
import {
  cardOf,
  daysUntil,
  nextDueByRating,
  RATINGS,
  rateCard,
  scheduleOf,
} from '../../../src/lib/learner/schedule.ts';
import { t0 } from './fixtures.ts';

const DAY = 86_400_000;

describe('scheduling with FSRS', () => {
  it('maps Quên, Khó, Được, Dễ to Again, Hard, Good, Easy', () => {
    const card = questionCard('cau-1', t0);
    const reference = fsrs({ enable_short_term: false });
    const expected = ([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as Grade[]).map(
      (grade) => reference.next(cardOf(card), new Date(t0), grade).card.due.getTime(),
    );
    expect(RATINGS.map((rating) => rateCard(card, rating, t0).due)).toEqual(expected);
  });

  it('schedules every rating for another day, later the easier it was', () => {
    const card = questionCard('cau-1', t0);
    const dues = RATINGS.map((rating) => rateCard(card, rating, t0).due);
    for (const due of dues) expect(isDueToday({ ...card, due }, t0)).toBe(false);
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(nextDueByRating(card, t0)).toEqual({
      again: dues[0],
      hard: dues[1],
      good: dues[2],
      easy: dues[3],
    });
  });

  it('keeps the card its own and records the review', () => {
    const card = questionCard('cau-1', t0);
    const rated = rateCard(card, 'good', t0 + DAY);
    expect(rated).toMatchObject({
      id: card.id,
      kind: 'question',
      questionKey: 'cau-1',
      reps: 1,
      lastReview: t0 + DAY,
      updatedAt: t0 + DAY,
      createdAt: t0,
      state: 2,
    });
    const forgotten = rateCard(rateCard(rated, 'again', rated.due), 'again', rated.due + DAY);
    expect(forgotten.lapses).toBeGreaterThan(0);
  });

  it('turns a card into a row and back without loss', () => {
    const rated = rateCard(rateCard(questionCard('cau-1', t0), 'good', t0), 'hard', t0 + 3 * DAY);
    const { id: _id, kind: _kind, createdAt: _c, updatedAt: _u, ...schedule } = rated;
    const { questionKey: _q, ...rest } = schedule as typeof schedule & { questionKey: string };
    expect(scheduleOf(cardOf(rest))).toEqual(rest);
  });

  it('counts whole days, at least one', () => {
    expect(daysUntil(t0 + 3 * DAY + 1000, t0)).toBe(3);
    expect(daysUntil(t0 + 1000, t0)).toBe(1);
  });
});
