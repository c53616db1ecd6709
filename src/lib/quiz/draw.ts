import type { Quiz } from '../../schemas/quiz.ts';
import { choiceIds, gradableUnits, type PublicBank, type PublicQuestion } from './questions.ts';
import { createRandom, shuffled } from './random.ts';

/** What an attempt stores so that resuming shows exactly the same thing. */
export interface QuizDraw {
  /** Drawn bank questions in the order shown; a scenario counts once. */
  questionIds: string[];
  /** Gradable questions in the order shown: a scenario's sub-questions stand in its place, as written. */
  questionKeys: string[];
  /**
   * Choice ids in the order shown, by question key: options, ordering items, or a matching
   * question's right column (its left column keeps the written order). True/false has none.
   */
  choiceOrder: Record<string, string[]>;
}

export type DrawRules = Pick<Quiz, 'banks' | 'draw' | 'shuffleQuestions' | 'shuffleOptions'>;

/** The draw cannot be made from these banks. `ruleIndex` points at the `draw` entry at fault, if one is. */
export class DrawError extends Error {
  readonly ruleIndex: number | null;
  constructor(message: string, ruleIndex: number | null) {
    super(message);
    this.name = 'DrawError';
    this.ruleIndex = ruleIndex;
  }
}

/**
 * Draws an attempt's questions: for each `draw` rule, `count` distinct questions carrying its
 * tag, least seen first (`seenCounts` by question key; a scenario counts as its least-seen
 * sub-question), ties broken by the seeded shuffle. A question carrying two drawn tags is used
 * once; when tags share questions the rules are satisfied together if any draw can satisfy them.
 */
export function drawQuestions(
  quiz: DrawRules,
  banks: readonly PublicBank[],
  seenCounts: Readonly<Record<string, number>>,
  seed: string,
): QuizDraw {
  const pool: PublicQuestion[] = [];
  const ids = new Set<string>();
  for (const bankId of quiz.banks) {
    const bank = banks.find((candidate) => candidate.id === bankId);
    if (!bank) throw new DrawError(`không có ngân hàng câu hỏi "${bankId}"`, null);
    for (const question of bank.questions) {
      const keys = [question.id, ...gradableUnits(question).map((unit) => unit.key)];
      const repeated = keys.find((key) => ids.has(key));
      if (repeated !== undefined) {
        throw new DrawError(
          `mã câu hỏi "${repeated}" xuất hiện hai lần trong các ngân hàng ${quiz.banks.join(', ')}`,
          null,
        );
      }
      keys.forEach((key) => ids.add(key));
      pool.push(question);
    }
  }

  const seen = (question: PublicQuestion) =>
    Math.min(...gradableUnits(question).map((unit) => seenCounts[unit.key] ?? 0));
  // Array#sort is stable, so equally seen questions keep their shuffled order.
  const ranked = shuffled(pool, createRandom(`${seed}:draw`)).sort((a, b) => seen(a) - seen(b));
  const candidates = quiz.draw.map((rule, ruleIndex) => {
    const tagged = ranked.filter((question) => question.tags.includes(rule.tag));
    if (tagged.length < rule.count) {
      throw new DrawError(
        `thẻ "${rule.tag}" cần ${rule.count} câu nhưng ngân hàng ${quiz.banks.join(', ')} chỉ có ${tagged.length} câu mang thẻ này`,
        ruleIndex,
      );
    }
    return tagged;
  });

  // Bipartite matching of rule slots to questions (augmenting paths): a slot takes its best
  // candidate, and an earlier slot gives its question up only for an alternative of its own.
  const slots = quiz.draw.flatMap((rule, ruleIndex) =>
    Array.from({ length: rule.count }, () => ruleIndex),
  );
  const holder = new Map<string, number>();
  const assign = (slot: number, visited: Set<string>): boolean => {
    for (const question of candidates[slots[slot] ?? 0] ?? []) {
      if (visited.has(question.id)) continue;
      visited.add(question.id);
      const current = holder.get(question.id);
      if (current === undefined || assign(current, visited)) {
        holder.set(question.id, slot);
        return true;
      }
    }
    return false;
  };
  slots.forEach((ruleIndex, slot) => {
    if (assign(slot, new Set())) return;
    const rule = quiz.draw[ruleIndex];
    const others = quiz.draw
      .filter(
        (other) => other !== rule && candidates[ruleIndex]?.some((q) => q.tags.includes(other.tag)),
      )
      .map((other) => `"${other.tag}"`);
    throw new DrawError(
      `thẻ "${rule?.tag}" cần ${rule?.count} câu khác nhau nhưng các câu mang thẻ này cũng mang thẻ ${others.join(', ')} và đã được rút cho thẻ đó; hãy thêm câu hoặc giảm số câu cần rút`,
      ruleIndex,
    );
  });

  const drawn = pool.filter((question) => holder.has(question.id));
  const ordered = quiz.shuffleQuestions ? shuffled(drawn, createRandom(`${seed}:order`)) : drawn;
  const units = ordered.flatMap(gradableUnits);
  const choiceOrder: Record<string, string[]> = {};
  for (const { key, question } of units) {
    const written = choiceIds(question);
    if (!written.length) continue;
    // Ordering items are always shuffled, and never shown as written: authors tend to write them in order.
    if (question.type === 'ordering' || quiz.shuffleOptions) {
      const order = shuffled(written, createRandom(`${seed}:${key}`));
      if (question.type === 'ordering' && order.every((id, index) => id === written[index])) {
        order.push(order.shift() as string);
      }
      choiceOrder[key] = order;
    } else {
      choiceOrder[key] = written;
    }
  }
  return {
    questionIds: ordered.map((question) => question.id),
    questionKeys: units.map((unit) => unit.key),
    choiceOrder,
  };
}
