import { describe, expect, it } from 'vitest';
import { gradeAttempt } from '../../../src/lib/quiz/grade.ts';
import { splitQuestions } from '../../../src/lib/quiz/key.ts';
import {
  choiceIds,
  gradableUnits,
  type GradableQuestion,
  type PublicQuestion,
} from '../../../src/lib/quiz/questions.ts';
import { inShippingOrder } from '../../../src/lib/quiz/ship.ts';
import { examBank, material, RIGHT } from '../cert/fixtures.ts';
import { bank, matching, ordering, single } from './fixtures.ts';

const { questions } = splitQuestions(examBank.questions);
const lists = (shipped: readonly PublicQuestion[]) =>
  shipped.flatMap(gradableUnits).map(({ key: id, question }) => {
    const left = question.type === 'matching' ? question.left.map((item) => item.id) : [];
    return [id, [...left, ...choiceIds(question)]] as const;
  });

describe('inShippingOrder', () => {
  it('reorders an exam’s options, ordering items and both matching columns, keeping every one', () => {
    const shipped = inShippingOrder('thi-mau', questions);
    const written = Object.fromEntries(lists(questions));
    const moved = lists(shipped).filter(([id, ids]) => ids.join() !== written[id]?.join());
    // Every question with choices ships them reordered here (true/false has none).
    expect(moved.map(([id]) => id).sort()).toEqual(
      ['ghep', 'mot', 'nhieu', 'sap-xep', 'tinh-huong-2'].sort(),
    );
    for (const [id, ids] of lists(shipped)) {
      expect([...ids].sort()).toEqual([...(written[id] ?? [])].sort());
    }
    expect(shipped.map((question) => question.id)).toEqual(
      questions.map((question) => question.id),
    );
  });

  it('gives the same order on every build of the same exam, and another for another exam', () => {
    const once = inShippingOrder('thi-mau', questions);
    expect(inShippingOrder('thi-mau', structuredClone(questions))).toEqual(once);
    expect(inShippingOrder('thi-khac', questions)).not.toEqual(once);
  });

  it('changes the order when the question’s text changes', () => {
    const first = questions[0];
    if (first?.type !== 'single') throw new Error('câu đầu không phải câu một lựa chọn');
    const edited = { ...first, prompt: `${first.prompt} (sửa)` };
    const before = inShippingOrder('thi-mau', [first]);
    const after = inShippingOrder('thi-mau', [edited]);
    expect(lists(after)[0]?.[1]).not.toEqual(lists(before)[0]?.[1]);
  });

  it('puts the right option anywhere, though authors write it first', () => {
    // 400 questions whose right option "a" is written first: where does it ship?
    const many = splitQuestions(
      bank(
        'nhieu',
        Array.from({ length: 400 }, (_, index) => single(`cau-${index}`)),
      ).questions,
    ).questions;
    const positions = [0, 0, 0, 0];
    for (const question of inShippingOrder('thi-mau', many)) {
      const index = choiceIds(question as GradableQuestion).indexOf('a');
      positions[index] = (positions[index] ?? 0) + 1;
    }
    for (const count of positions) expect(count).toBeGreaterThan(70);
  });

  it('ships ordering items and matching pairs apart from the key’s order', () => {
    const written = splitQuestions(
      bank('de', [ordering('sap'), matching('ghep')]).questions,
    ).questions;
    const [sorted, paired] = inShippingOrder('thi-mau', written).flatMap(gradableUnits);
    expect(choiceIds(sorted?.question as GradableQuestion)).not.toEqual(['a', 'b', 'c', 'd']);
    const match = paired?.question;
    if (match?.type !== 'matching') throw new Error('không phải câu ghép');
    const aligned = match.left.every(
      (item, index) => match.right[index]?.id === { x: 'a', y: 'b' }[item.id],
    );
    expect(aligned).toBe(false);
  });

  it('never ships ordering items as written, nor matching pairs side by side as written', () => {
    const written = splitQuestions(
      bank('de', [
        {
          ...ordering('sap'),
          items: [
            { id: 'a', text: 'A' },
            { id: 'b', text: 'B' },
            { id: 'c', text: 'C' },
          ],
          answer: ['a', 'b', 'c'],
        },
        {
          ...matching('ghep'),
          right: [
            { id: 'a', text: 'A' },
            { id: 'b', text: 'B' },
          ],
        },
      ]).questions,
    ).questions;
    // Over 300 exams a fair shuffle alone would land on the written order about 50 and 150 times.
    for (let exam = 0; exam < 300; exam++) {
      const [sorted, paired] = inShippingOrder(`thi-${exam}`, written).flatMap(gradableUnits);
      expect(choiceIds(sorted?.question as GradableQuestion)).not.toEqual(['a', 'b', 'c']);
      const match = paired?.question;
      if (match?.type !== 'matching') throw new Error('không phải câu ghép');
      const partner: Record<string, string> = { x: 'a', y: 'b' };
      expect(match.left.every((item, index) => match.right[index]?.id === partner[item.id])).toBe(
        false,
      );
    }
  });

  it('still grades the key as full marks, since keys name option ids', () => {
    const units = inShippingOrder('thi-mau', questions).flatMap(gradableUnits);
    const result = gradeAttempt(units, material.key, RIGHT, 70);
    expect(result).toMatchObject({ score: 7, max: 7, passed: true });
  });
});
