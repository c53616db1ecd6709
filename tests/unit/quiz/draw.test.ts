import { describe, expect, it } from 'vitest';
import { DrawError, drawQuestions } from '../../../src/lib/quiz/draw.ts';
import { createRandom, shuffled } from '../../../src/lib/quiz/random.ts';
import { bank, ordering, quiz, scenario, single } from './fixtures.ts';

const twenty = bank(
  'ngan-hang',
  Array.from({ length: 20 }, (_, index) => single(`cau-${index + 1}`)),
);
const rules = quiz({ draw: [{ tag: 'chung', count: 5 }] });

describe('seeded random', () => {
  it('repeats for a seed and differs across seeds', () => {
    const sequence = (seed: string) => Array.from({ length: 5 }, createRandom(seed));
    expect(sequence('lan-1')).toEqual(sequence('lan-1'));
    expect(sequence('lan-1')).not.toEqual(sequence('lan-2'));
    expect(sequence('lan-1').every((value) => value >= 0 && value < 1)).toBe(true);
    expect(shuffled([1, 2, 3, 4, 5], createRandom('x')).sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('drawQuestions', () => {
  it('draws the same questions in the same order with the same options for a seed, and differently for another', () => {
    const first = drawQuestions(rules, [twenty], {}, 'seed-1');
    expect(drawQuestions(rules, [twenty], {}, 'seed-1')).toEqual(first);
    expect(first.questionIds).toHaveLength(5);
    expect(new Set(first.questionIds).size).toBe(5);
    expect(drawQuestions(rules, [twenty], {}, 'seed-2').questionIds).not.toEqual(first.questionIds);
  });

  it('prefers the questions seen least, breaking ties by the seed', () => {
    const seen = Object.fromEntries(twenty.questions.map((q, index) => [q.id, index < 17 ? 3 : 0]));
    const unseen = ['cau-18', 'cau-19', 'cau-20'];
    for (const seed of ['a', 'b', 'c']) {
      const draw = drawQuestions(rules, [twenty], seen, seed);
      expect(draw.questionIds).toEqual(expect.arrayContaining(unseen));
    }
    const others = (seed: string) =>
      drawQuestions(rules, [twenty], seen, seed)
        .questionIds.filter((id) => !unseen.includes(id))
        .sort();
    expect(new Set(['a', 'b', 'c', 'd'].map((seed) => others(seed).join())).size).toBeGreaterThan(
      1,
    );
  });

  it('counts a scenario as seen as its least-seen sub-question', () => {
    const banks = [bank('ngan-hang', [single('don'), scenario('tinh-huong', ['th-1', 'th-2'])])];
    const draw = drawQuestions(
      quiz({ draw: [{ tag: 'chung', count: 1 }] }),
      banks,
      { don: 1, 'th-1': 2, 'th-2': 0 },
      'x',
    );
    expect(draw.questionIds).toEqual(['tinh-huong']);
  });

  it('shows a scenario once, its sub-questions in written order, each with its own key', () => {
    const banks = [bank('ngan-hang', [scenario('tinh-huong', ['th-1', 'th-2', 'th-3'])])];
    const draw = drawQuestions(quiz({ draw: [{ tag: 'chung', count: 1 }] }), banks, {}, 'x');
    expect(draw).toMatchObject({
      questionIds: ['tinh-huong'],
      questionKeys: ['th-1', 'th-2', 'th-3'],
    });
  });

  it('keeps the written order when shuffling is off, except for ordering items', () => {
    const banks = [bank('ngan-hang', [single('mot'), single('hai'), ordering('ba')])];
    const fixed = quiz({ shuffleQuestions: false, shuffleOptions: false });
    for (const seed of ['a', 'b', 'c', 'd']) {
      const draw = drawQuestions(fixed, banks, {}, seed);
      expect(draw.questionIds).toEqual(['mot', 'hai', 'ba']);
      expect(draw.choiceOrder['mot']).toEqual(['a', 'b', 'c', 'd']);
      expect(draw.choiceOrder['ba']).not.toEqual(['a', 'b', 'c', 'd']);
      expect([...(draw.choiceOrder['ba'] ?? [])].sort()).toEqual(['a', 'b', 'c', 'd']);
    }
  });

  it('shuffles questions and options per seed, each question on its own', () => {
    const banks = [bank('ngan-hang', [single('mot'), single('hai'), single('ba')])];
    const orders = ['a', 'b', 'c', 'd', 'e', 'f'].map((seed) =>
      drawQuestions(quiz(), banks, {}, seed),
    );
    expect(new Set(orders.map((draw) => draw.questionIds.join())).size).toBeGreaterThan(1);
    expect(new Set(orders.map((draw) => draw.choiceOrder['mot']?.join())).size).toBeGreaterThan(1);
    expect(orders[0]?.choiceOrder['mot']).not.toEqual(orders[0]?.choiceOrder['hai']);
  });

  it('says how many questions a tag has when it has too few', () => {
    const banks = [bank('ngan-hang', [single('mot'), single('hai', ['khac'])])];
    const attempt = () =>
      drawQuestions(quiz({ draw: [{ tag: 'khac', count: 3 }] }), banks, {}, 'x');
    expect(attempt).toThrow(DrawError);
    expect(attempt).toThrow(
      'thẻ "khac" cần 3 câu nhưng ngân hàng ngan-hang chỉ có 1 câu mang thẻ này',
    );
  });

  it('uses a question carrying two drawn tags once, and finds a draw when tags share questions', () => {
    const banks = [
      bank('ngan-hang', [
        single('ca-hai', ['a', 'b']),
        single('chi-a', ['a']),
        single('chi-b', ['b']),
      ]),
    ];
    const both = quiz({
      draw: [
        { tag: 'a', count: 1 },
        { tag: 'b', count: 2 },
      ],
    });
    for (const seed of ['1', '2', '3', '4', '5', '6']) {
      expect(drawQuestions(both, banks, {}, seed).questionIds.sort()).toEqual([
        'ca-hai',
        'chi-a',
        'chi-b',
      ]);
    }
    const tooMany = quiz({
      draw: [
        { tag: 'a', count: 2 },
        { tag: 'b', count: 2 },
      ],
    });
    let error: unknown;
    try {
      drawQuestions(tooMany, banks, {}, 'x');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DrawError);
    expect((error as DrawError).ruleIndex).toBe(1);
    expect((error as DrawError).message).toContain('cũng mang thẻ "a"');
  });

  it('refuses ids used twice across banks', () => {
    const banks = [bank('mot', [single('trung')]), bank('hai', [single('trung')])];
    expect(() =>
      drawQuestions(
        quiz({ banks: ['mot', 'hai'], draw: [{ tag: 'chung', count: 1 }] }),
        banks,
        {},
        'x',
      ),
    ).toThrow('mã câu hỏi "trung" xuất hiện hai lần');
  });
});
