import { newSchedule, placeCardId } from './cards.ts';
import { openLearnerDB, type LearnerDB } from './database.ts';
import { placeOf, type CardSchedule, type Place, type ReviewCardRow } from './records.ts';
import type { SaveResult } from './storage.ts';

/** Midnight starting the day after `now`, in the learner's time zone: cards due before it are due today. */
export function startOfNextDay(now: number): number {
  const date = new Date(now);
  date.setHours(24, 0, 0, 0);
  return date.getTime();
}

export const isDueToday = (card: CardSchedule, now: number): boolean =>
  card.due < startOfNextDay(now);

/** A card asking to recall a place ("Ôn tập điều này"), due at once. */
export function placeCard(target: Place, now: number): ReviewCardRow {
  return {
    id: placeCardId(target.place),
    kind: 'place',
    target: placeOf(target),
    ...newSchedule(now),
    createdAt: now,
    updatedAt: now,
  };
}

/** Cards due before the end of today, or (`later`) from tomorrow on. */
const dueRange = (now: number, later = false) =>
  later
    ? IDBKeyRange.lowerBound(startOfNextDay(now))
    : IDBKeyRange.upperBound(startOfNextDay(now), true);

/** The review cards in storage. Scheduling (ts-fsrs) lives in schedule.ts, loaded only by /on-tap/. */
export class ReviewDeck {
  readonly #db: LearnerDB;

  constructor(db: LearnerDB) {
    this.#db = db;
  }

  /** Cards due today, the longest overdue first (the `due` index keeps them in that order). */
  due(now = Date.now()): Promise<ReviewCardRow[]> {
    return this.#db.read(['reviewCards'], (tx) =>
      tx.table('reviewCards').index('due').getAll(dueRange(now)),
    );
  }

  countDue(now = Date.now()): Promise<number> {
    return this.#db.read(['reviewCards'], (tx) =>
      tx.table('reviewCards').index('due').count(dueRange(now)),
    );
  }

  /** When the first card after today falls due; null when none is scheduled. */
  nextDue(now = Date.now()): Promise<number | null> {
    return this.#db.read(['reviewCards'], async (tx) => {
      const cursor = await tx.table('reviewCards').index('due').openCursor(dueRange(now, true));
      return cursor?.value.due ?? null;
    });
  }

  /** The places among these that have a review card. */
  placesInReview(places: readonly string[]): Promise<Set<string>> {
    return this.#db.read(['reviewCards'], async (tx) => {
      const cards = await Promise.all(
        places.map((place) => tx.table('reviewCards').get(placeCardId(place))),
      );
      return new Set(cards.flatMap((card) => (card?.kind === 'place' ? [card.target.place] : [])));
    });
  }

  /** "Ôn tập điều này": a card for the place, due today; an existing card keeps its schedule. */
  addPlace(place: Place, now = Date.now()): Promise<SaveResult> {
    return this.#db.write(['reviewCards'], async (tx) => {
      if (!(await tx.table('reviewCards').get(placeCardId(place.place)))) {
        await tx.put('reviewCards', placeCard(place, now));
      }
    });
  }

  remove(id: string): Promise<SaveResult> {
    return this.#db.write(['reviewCards'], (tx) => tx.delete('reviewCards', id));
  }

  /** Stores a card as rated (see `rateCard`). */
  save(card: ReviewCardRow): Promise<SaveResult> {
    return this.#db.write(['reviewCards'], (tx) => tx.put('reviewCards', card));
  }
}

/** Null when the browser gives no storage. */
export async function openReviewDeck(name?: string): Promise<ReviewDeck | null> {
  const db = await openLearnerDB(name);
  return db && new ReviewDeck(db);
}
