import { describe, expect, it } from 'vitest';
import { describeAnswer } from '../../../src/lib/quiz/describe.ts';
import { gradableUnits, type AnswerValue } from '../../../src/lib/quiz/questions.ts';
import { examBank } from '../cert/fixtures.ts';

const question = (id: string) => {
  const unit = examBank.questions.flatMap(gradableUnits).find((candidate) => candidate.key === id);
  if (!unit) throw new Error(id);
  return unit.question;
};
const labels = { true: 'Đúng', false: 'Sai' };
const say = (id: string, value: AnswerValue | undefined) =>
  describeAnswer(question(id), value, labels);

describe('an answer as the review shows it', () => {
  it('uses the options’ text, in the order given', () => {
    expect(say('mot', 'b')).toEqual(['Phương án b']);
    expect(say('nhieu', ['c', 'a'])).toEqual(['Phương án c', 'Phương án a']);
    expect(say('dung-sai', true)).toEqual(['Đúng']);
    expect(say('dung-sai', false)).toEqual(['Sai']);
    expect(say('sap-xep', ['b', 'a', 'd', 'c'])).toEqual([
      '1. Phương án b',
      '2. Phương án a',
      '3. Phương án d',
      '4. Phương án c',
    ]);
    expect(say('ghep', { x: 'b' })).toEqual(['X → Phương án b', 'Y → —']);
  });

  it('says nothing for no answer or one of the wrong kind, and shows an unknown id as it is', () => {
    expect(say('mot', undefined)).toEqual([]);
    expect(say('mot', true)).toEqual([]);
    expect(say('dung-sai', 'a')).toEqual([]);
    expect(say('nhieu', 'a')).toEqual([]);
    expect(say('sap-xep', 'a')).toEqual([]);
    expect(say('ghep', ['a'])).toEqual([]);
    expect(say('mot', 'z')).toEqual(['z']);
  });
});
