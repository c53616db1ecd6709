import { describe, expect, it } from 'vitest';
import {
  gradeAnswer,
  gradeAttempt,
  isAnswered,
  SCORING_RULES,
} from '../../../src/lib/quiz/grade.ts';
import { splitQuestions } from '../../../src/lib/quiz/key.ts';
import { gradableUnits, type GradableQuestion } from '../../../src/lib/quiz/questions.ts';
import { bank, matching, multiple, ordering, scenario, single } from './fixtures.ts';

const questions = bank('ngan-hang', [
  single('don'),
  multiple('nhieu', ['a', 'b', 'c']),
  ordering('thu-tu'),
  matching('ghep'),
  scenario('tinh-huong', ['th-1', 'th-2']),
]).questions;
const { questions: shown, key } = splitQuestions(questions);
const units = shown.flatMap(gradableUnits);
const question = (id: string) =>
  units.find((unit) => unit.key === id)?.question as GradableQuestion;
const grade = (id: string, answer: Parameters<typeof gradeAnswer>[2]) =>
  gradeAnswer(question(id), key[id]?.answer ?? false, answer).score;

describe('gradeAnswer', () => {
  it('gives single choice and true/false all or nothing', () => {
    expect(gradeAnswer(question('don'), 'a', 'a')).toEqual({ score: 1, max: 1, correct: true });
    expect(gradeAnswer(question('don'), 'a', 'b')).toEqual({ score: 0, max: 1, correct: false });
    expect(gradeAnswer(question('th-1'), true, true).correct).toBe(true);
    expect(grade('th-1', false)).toBe(0);
    expect(grade('don', undefined)).toBe(0);
  });

  it('gives multiple choice +1/k per right choice, −1/k per wrong one, never below 0', () => {
    expect(grade('nhieu', ['a', 'b', 'c'])).toBe(1);
    expect(grade('nhieu', ['a', 'b'])).toBeCloseTo(2 / 3);
    expect(grade('nhieu', ['a', 'b', 'd'])).toBeCloseTo(1 / 3);
    expect(grade('nhieu', ['a', 'b', 'c', 'd'])).toBeCloseTo(2 / 3);
    expect(grade('nhieu', ['a', 'd'])).toBe(0);
    expect(grade('nhieu', ['d'])).toBe(0);
    expect(gradeAnswer(question('nhieu'), ['a', 'b', 'c'], ['a', 'b']).correct).toBe(false);
    expect(SCORING_RULES.multiple).toContain('điểm câu không âm');
  });

  it('gives ordering a share per adjacent pair in the right order', () => {
    expect(grade('thu-tu', ['a', 'b', 'c', 'd'])).toBe(1);
    expect(grade('thu-tu', ['b', 'c', 'd', 'a'])).toBeCloseTo(2 / 3);
    expect(grade('thu-tu', ['d', 'c', 'b', 'a'])).toBe(0);
    expect(grade('thu-tu', ['a', 'b', 'c'])).toBe(0);
  });

  it('gives matching a share per left item matched right', () => {
    expect(grade('ghep', { x: 'a', y: 'b' })).toBe(1);
    expect(grade('ghep', { x: 'a', y: 'c' })).toBe(0.5);
    expect(grade('ghep', { x: 'a' })).toBe(0.5);
    expect(grade('ghep', {})).toBe(0);
  });

  it('gives 0 to answers of the wrong shape rather than failing', () => {
    expect(grade('nhieu', 'a')).toBe(0);
    expect(grade('ghep', ['a'])).toBe(0);
    expect(grade('thu-tu', { a: 'b' })).toBe(0);
  });
});

describe('gradeAttempt', () => {
  it('grades each scenario sub-question on its own and totals the attempt', () => {
    const result = gradeAttempt(
      units,
      key,
      { don: 'a', nhieu: ['a', 'b'], 'th-1': true, 'th-2': false },
      50,
    );
    expect(result.results.map((r) => [r.questionKey, r.score, r.answered])).toEqual([
      ['don', 1, true],
      ['nhieu', 2 / 3, true],
      ['thu-tu', 0, false],
      ['ghep', 0, false],
      ['th-1', 1, true],
      ['th-2', 0, true],
    ]);
    expect(result).toMatchObject({ max: 6, percentage: 44.4, passed: false });
    expect(result.score).toBeCloseTo(8 / 3);
  });

  it('passes at exactly the pass mark despite floating-point sums', () => {
    const thirds = gradeAttempt(
      units.filter((unit) => unit.key === 'nhieu'),
      key,
      { nhieu: ['a', 'b'] },
      200 / 3,
    );
    expect(thirds).toMatchObject({ percentage: 66.7, passed: true });
  });

  it('refuses to grade without the key of every question', () => {
    expect(() => gradeAttempt(units, {}, {}, 50)).toThrow('đáp án không có câu "don"');
  });

  it('treats an empty selection as unanswered', () => {
    expect(isAnswered([])).toBe(false);
    expect(isAnswered({})).toBe(false);
    expect(isAnswered(false)).toBe(true);
  });
});
