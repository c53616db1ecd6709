import type { AnswerValue } from '../quiz/questions.ts';

/** The choice lists of one question in the order a file ships them (ids). */
export interface ShippedLists {
  type: string;
  options?: readonly string[] | undefined;
  items?: readonly string[] | undefined;
  left?: readonly string[] | undefined;
  right?: readonly string[] | undefined;
}

export type OrderPattern = 'right-first' | 'key-order' | 'reverse-key-order' | 'aligned';

/** What a question's shipped order says of its key. */
export interface OrderReading {
  /** The order shows the key this way; null when it does not. */
  pattern: OrderPattern | null;
  /** How likely a uniform shuffle is to show the key this way (the question's p-value). */
  chance: number;
}

const factorial = (n: number) => {
  let product = 1;
  for (let k = 2; k <= n; k++) product *= k;
  return product;
};
const choose = (n: number, k: number) => factorial(n) / (factorial(k) * factorial(n - k));
const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, index) => id === b[index]);

/**
 * Whether the order a question ships in reads as its key, in the ways authors write: the right
 * options first, ordering items in the key's order (or reversed), each left item beside its
 * match. Null for a question whose order cannot carry its key (true/false, a wrong shape).
 */
export function readOrder(shipped: ShippedLists, answer: AnswerValue): OrderReading | null {
  switch (shipped.type) {
    case 'single':
    case 'multiple': {
      const right = typeof answer === 'string' ? [answer] : Array.isArray(answer) ? answer : null;
      const options = shipped.options;
      if (!right || !options || right.length >= options.length) return null;
      const first = new Set(options.slice(0, right.length));
      return {
        pattern: right.every((id) => first.has(id)) ? 'right-first' : null,
        chance: 1 / choose(options.length, right.length),
      };
    }
    case 'ordering': {
      const items = shipped.items;
      if (!items || !Array.isArray(answer) || items.length < 3) return null;
      const pattern = sameList(items, answer)
        ? 'key-order'
        : sameList(items, [...answer].reverse())
          ? 'reverse-key-order'
          : null;
      return { pattern, chance: 2 / factorial(items.length) };
    }
    case 'matching': {
      const { left, right } = shipped;
      if (!left || !right || typeof answer !== 'object' || Array.isArray(answer)) return null;
      const pairs = answer as Record<string, string>;
      // A right item matched twice can never stand beside both: the order cannot show that key.
      if (new Set(Object.values(pairs)).size !== left.length || right.length < left.length)
        return null;
      return {
        pattern: left.every((id, index) => pairs[id] === right[index]) ? 'aligned' : null,
        chance: factorial(right.length - left.length) / factorial(right.length),
      };
    }
    default:
      return null;
  }
}

/** Resolution of the distribution below, in nats of surprise. */
const STEP = 0.01;

/**
 * How likely uniform shuffles of these questions are to show, taken together, at least as much
 * of their key as these orders do: the chance of a total surprise (−ln of each shown pattern's
 * chance, summed) as large as the one seen. One question showing its key by luck is expected in
 * a long exam (a right option is first one time in four); many at once is not.
 */
export function chanceOfReadings(readings: readonly OrderReading[]): number {
  const steps = (chance: number) => Math.round(-Math.log(chance) / STEP);
  const seen = readings.reduce(
    (sum, reading) => sum + (reading.pattern ? steps(reading.chance) : 0),
    0,
  );
  if (seen === 0) return 1;
  // Distribution of the total surprise, one question at a time (each shows its pattern or not).
  let distribution = new Map<number, number>([[0, 1]]);
  for (const { chance } of readings) {
    const next = new Map<number, number>();
    const add = (total: number, probability: number) =>
      next.set(total, (next.get(total) ?? 0) + probability);
    for (const [total, probability] of distribution) {
      add(total, probability * (1 - chance));
      add(total + steps(chance), probability * chance);
    }
    distribution = next;
  }
  let tail = 0;
  for (const [total, probability] of distribution) if (total >= seen) tail += probability;
  return Math.min(1, tail);
}

/**
 * Below this, an exam's shipped order is taken to be its key rather than luck: a fair shuffle
 * is flagged once in a thousand versions, and authored order (right first, pairs side by side)
 * is flagged almost always.
 */
export const ORDER_ALPHA = 0.001;
