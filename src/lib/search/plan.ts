import { abbreviationSpans, type AbbreviationTable } from './abbreviations.ts';
import { tokenizeQuery, type QueryToken } from './normalize.ts';
import { spellingVariants } from './spelling.ts';

/** One way of reading the query, as the Pagefind searches that test it. */
export interface Alternative {
  /** Every word, unquoted: Pagefind returns pages holding all of them, anywhere. */
  words: string;
  /** The reader's quoted phrases, each as a quoted Pagefind query: a page must hold every one. */
  phrases: string[];
  /** With no quotes typed and two words or more, all words as one phrase: pages holding it rank first. */
  wholePhrase: string | null;
  /** How many words or abbreviations differ from what was typed (0: as typed). */
  changes: number;
}

export interface QueryPlan {
  tokens: QueryToken[];
  /** As typed first; never empty when the query has a word. */
  alternatives: Alternative[];
}

/** Enough for every đ/d choice of three words; each alternative costs two searches in memory. */
export const MAX_ALTERNATIVES = 12;

interface Option {
  words: readonly string[];
  changed: boolean;
}

interface Slot {
  options: Option[];
  phrase: number | null;
}

/** The query's words, grouped where an abbreviation spans several, each with its other spellings. */
function slotsOf(tokens: readonly QueryToken[], table: AbbreviationTable): Slot[] {
  const slots: Slot[] = [];
  let index = 0;
  // Abbreviations are looked for within runs of words that share a phrase (or none).
  while (index < tokens.length) {
    const phrase = tokens[index]?.phrase ?? null;
    let end = index;
    while (end < tokens.length && (tokens[end]?.phrase ?? null) === phrase) end++;
    const run = tokens.slice(index, end);
    // A word with inner punctuation ("69-qđ/tw") folds to several keys: it never starts an abbreviation.
    const keys = run.map((token) => (token.key.includes(' ') ? '\u0000' : token.key));
    const spans = abbreviationSpans(keys, table);
    let at = 0;
    for (const span of [...spans, null]) {
      const stop = span ? span.start : run.length;
      for (; at < stop; at++) {
        const token = run[at];
        if (!token) continue;
        slots.push({
          phrase,
          options: [
            { words: [token.text], changed: false },
            ...spellingVariants(token.text).map((variant) => ({ words: [variant], changed: true })),
          ],
        });
      }
      if (span) {
        slots.push({
          phrase,
          options: [
            { words: run.slice(span.start, span.end).map((token) => token.text), changed: false },
            ...span.replacements.map((words) => ({ words, changed: true })),
          ],
        });
        at = span.end;
      }
    }
    index = end;
  }
  return slots;
}

/** Choices (an option index per slot) with exactly `changes` slots not as typed, in order. */
function* choicesWith(
  slots: readonly Slot[],
  changes: number,
  from = 0,
  chosen: number[] = [],
): Generator<number[]> {
  if (from === slots.length) {
    if (changes === 0) yield chosen;
    return;
  }
  const remaining = slots.length - from;
  if (changes > remaining) return;
  const options = slots[from]?.options.length ?? 1;
  if (changes < remaining) yield* choicesWith(slots, changes, from + 1, [...chosen, 0]);
  if (changes > 0) {
    for (let option = 1; option < options; option++) {
      yield* choicesWith(slots, changes - 1, from + 1, [...chosen, option]);
    }
  }
}

function alternativeOf(slots: readonly Slot[], choice: readonly number[]): Alternative {
  const all: string[] = [];
  const phrases = new Map<number, string[]>();
  let changes = 0;
  slots.forEach((slot, index) => {
    const option = slot.options[choice[index] ?? 0] ?? slot.options[0];
    if (!option) return;
    if (option.changed) changes++;
    all.push(...option.words);
    if (slot.phrase !== null)
      phrases.set(slot.phrase, [...(phrases.get(slot.phrase) ?? []), ...option.words]);
  });
  return {
    words: all.join(' '),
    phrases: [...phrases.values()].map((words) => `"${words.join(' ')}"`),
    wholePhrase: phrases.size === 0 && all.length > 1 ? `"${all.join(' ')}"` : null,
    changes,
  };
}

/**
 * The searches that answer a query: as typed, with đ for d, with the other spelling of a final
 * i/y, and with abbreviations expanded or contracted. First as typed, then every word changed at
 * once (the usual case for a reader typing without marks), then one change at a time, and so on.
 */
export function planQuery(raw: string, abbreviations: AbbreviationTable): QueryPlan {
  const tokens = tokenizeQuery(raw);
  const slots = slotsOf(tokens, abbreviations);
  if (slots.length === 0) return { tokens, alternatives: [] };
  const choices: number[][] = [slots.map(() => 0)];
  const allChanged = slots.map((slot) => (slot.options.length > 1 ? 1 : 0));
  if (allChanged.some(Boolean)) choices.push(allChanged);
  const seen = new Set(choices.map((choice) => choice.join()));
  for (let changes = 1; changes <= slots.length && choices.length < MAX_ALTERNATIVES; changes++) {
    for (const choice of choicesWith(slots, changes)) {
      if (choices.length >= MAX_ALTERNATIVES) break;
      const key = choice.join();
      if (seen.has(key)) continue;
      seen.add(key);
      choices.push(choice);
    }
  }
  return { tokens, alternatives: choices.map((choice) => alternativeOf(slots, choice)) };
}
