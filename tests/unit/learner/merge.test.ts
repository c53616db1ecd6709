import { describe, expect, it } from 'vitest';
import { mergeTotals, planMerge } from '../../../src/lib/learner/merge.ts';
import { LEARNER_TABLES, type LearnerData } from '../../../src/lib/learner/records.ts';
import { attemptRow, clause, learnerData, lesson, t0 } from './fixtures.ts';

const empty = (): LearnerData =>
  Object.fromEntries(LEARNER_TABLES.map((table) => [table, []])) as unknown as LearnerData;

describe('merging a backup', () => {
  it('adds everything into an empty database', () => {
    const data = learnerData();
    const plan = planMerge(empty(), data);
    for (const table of LEARNER_TABLES) {
      expect(plan[table]).toEqual({
        put: data[table],
        add: data[table].length,
        replace: 0,
        keep: 0,
      });
    }
  });

  it('changes nothing when the same file is imported again', () => {
    const plan = planMerge(learnerData(), learnerData());
    expect(mergeTotals(plan)).toEqual({ add: 0, replace: 0 });
    for (const table of LEARNER_TABLES) expect(plan[table].put).toEqual([]);
  });

  it('takes the newer note and bookmark, and keeps the local one when it is newer', () => {
    const current = {
      ...empty(),
      notes: [
        { ...clause, text: 'cũ', createdAt: t0, updatedAt: t0 + 5 },
        { ...lesson, text: 'mới ở máy này', createdAt: t0, updatedAt: t0 + 9 },
      ],
    };
    const incoming = {
      ...empty(),
      notes: [
        { ...clause, text: 'mới', createdAt: t0, updatedAt: t0 + 6 },
        { ...lesson, text: 'cũ từ tệp', createdAt: t0, updatedAt: t0 + 1 },
      ],
    };
    const plan = planMerge(current, incoming);
    expect(plan.notes).toMatchObject({ add: 0, replace: 1, keep: 1 });
    expect(plan.notes.put.map((note) => note.text)).toEqual(['mới']);
  });

  it('lets a submitted attempt win over the same attempt in progress, and the latest answer win', () => {
    const inProgress = attemptRow({
      status: 'in-progress',
      submittedAt: null,
      submittedBy: null,
      result: null,
      position: { questionKey: 'cau-2', at: t0 + 9000 },
    });
    const submitted = attemptRow();
    expect(
      planMerge({ ...empty(), attempts: [inProgress] }, { ...empty(), attempts: [submitted] })
        .attempts,
    ).toMatchObject({ replace: 1, put: [submitted] });
    expect(
      planMerge({ ...empty(), attempts: [submitted] }, { ...empty(), attempts: [inProgress] })
        .attempts,
    ).toMatchObject({ keep: 1, put: [] });

    const answer = { attemptId: 'luot-1', questionKey: 'cau-1', value: 'a', answeredAt: t0 };
    const later = { ...answer, value: 'b', answeredAt: t0 + 1 };
    expect(
      planMerge({ ...empty(), answers: [answer] }, { ...empty(), answers: [later] }).answers.put,
    ).toEqual([later]);
    expect(
      planMerge({ ...empty(), answers: [later] }, { ...empty(), answers: [answer] }).answers.put,
    ).toEqual([]);
  });

  it('never adds up question counters: the longer history wins', () => {
    const short = {
      questionKey: 'cau-1',
      tags: ['chung'],
      seen: 2,
      correct: 1,
      wrong: 1,
      lastSeenAt: t0 + 50,
    };
    const long = { ...short, seen: 5, correct: 3, wrong: 2, lastSeenAt: t0 };
    expect(
      planMerge({ ...empty(), questionStats: [short] }, { ...empty(), questionStats: [long] })
        .questionStats.put,
    ).toEqual([long]);
    expect(
      planMerge({ ...empty(), questionStats: [long] }, { ...empty(), questionStats: [short] })
        .questionStats.put,
    ).toEqual([]);
  });

  it('keeps "đã học" over not done, and the first time it was marked', () => {
    const notDone = { lessonId: 'bai', done: false, doneAt: null };
    const done = { lessonId: 'bai', done: true, doneAt: t0 + 5 };
    const earlier = { ...done, doneAt: t0 };
    expect(
      planMerge({ ...empty(), lessonProgress: [notDone] }, { ...empty(), lessonProgress: [done] })
        .lessonProgress.put,
    ).toEqual([done]);
    expect(
      planMerge({ ...empty(), lessonProgress: [done] }, { ...empty(), lessonProgress: [notDone] })
        .lessonProgress.put,
    ).toEqual([]);
    expect(
      planMerge({ ...empty(), lessonProgress: [done] }, { ...empty(), lessonProgress: [earlier] })
        .lessonProgress.put,
    ).toEqual([earlier]);
  });

  it('keeps the card reviewed last', () => {
    const [card] = learnerData().reviewCards;
    const reviewed = {
      ...card!,
      reps: 2,
      lastReview: t0 + 100,
      due: t0 + 5 * 86_400_000,
      updatedAt: t0 + 100,
    };
    expect(
      planMerge({ ...empty(), reviewCards: [card!] }, { ...empty(), reviewCards: [reviewed] })
        .reviewCards.put,
    ).toEqual([reviewed]);
    expect(
      planMerge({ ...empty(), reviewCards: [reviewed] }, { ...empty(), reviewCards: [card!] })
        .reviewCards.put,
    ).toEqual([]);
  });

  it('keeps one copy of a passage highlighted on both devices, and of duplicates within the file', () => {
    const [mark] = learnerData().highlights;
    const sameOnOtherDevice = { ...mark!, id: 'dd-khac' };
    const other = { ...mark!, id: 'dd-2', start: 30, end: 35, quote: 'khác' };
    const plan = planMerge(
      { ...empty(), highlights: [mark!] },
      { ...empty(), highlights: [sameOnOtherDevice, other, { ...other, updatedAt: t0 + 1 }] },
    );
    expect(plan.highlights).toMatchObject({ add: 1, replace: 0, keep: 2 });
    expect(plan.highlights.put).toEqual([{ ...other, updatedAt: t0 + 1 }]);
  });
});
