import { newSchedule, placeCardId } from './cards.ts';
import { openCamnangDB, type CamnangDB } from './db.ts';
import { placeOf, type CardSchedule, type Place, type ReviewCardRow } from './records.ts';
import { trySave, type SaveResult } from './storage.ts';

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

/** The review cards in storage. Scheduling (ts-fsrs) lives in schedule.ts, loaded only by /on-tap/. */
export class ReviewDeck {
  readonly #db: CamnangDB;

  constructor(db: CamnangDB) {
    this.#db = db;
  }

  /** Cards due today, the longest overdue first (the `due` index keeps them in that order). */
  due(now = Date.now()): Promise<ReviewCardRow[]> {
    return this.#db.reviewCards.where('due').below(startOfNextDay(now)).toArray();
  }

  countDue(now = Date.now()): Promise<number> {
    return this.#db.reviewCards.where('due').below(startOfNextDay(now)).count();
  }

  /** When the first card after today falls due; null when none is scheduled. */
  async nextDue(now = Date.now()): Promise<number | null> {
    const card = await this.#db.reviewCards.where('due').aboveOrEqual(startOfNextDay(now)).first();
    return card?.due ?? null;
  }

  /** The places among these that have a review card. */
  async placesInReview(places: readonly string[]): Promise<Set<string>> {
    const cards = await this.#db.reviewCards.bulkGet(places.map(placeCardId));
    return new Set(cards.flatMap((card) => (card?.kind === 'place' ? [card.target.place] : [])));
  }

  /** "Ôn tập điều này": a card for the place, due today; an existing card keeps its schedule. */
  addPlace(place: Place, now = Date.now()): Promise<SaveResult> {
    return trySave(() =>
      this.#db.transaction('rw', this.#db.reviewCards, async () => {
        if (!(await this.#db.reviewCards.get(placeCardId(place.place)))) {
          await this.#db.reviewCards.put(placeCard(place, now));
        }
      }),
    );
  }

  remove(id: string): Promise<SaveResult> {
    return trySave(() => this.#db.reviewCards.delete(id));
  }

  /** Stores a card as rated (see `rateCard`). */
  save(card: ReviewCardRow): Promise<SaveResult> {
    return trySave(() => this.#db.reviewCards.put(card));
  }
}

/** Null when the browser gives no storage. */
export async function openReviewDeck(
  options: { name?: string; indexedDB?: IDBFactory | undefined } = {},
): Promise<ReviewDeck | null> {
  const db = await openCamnangDB(options);
  return db && new ReviewDeck(db);
}
