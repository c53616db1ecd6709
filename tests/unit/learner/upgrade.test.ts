import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openLearnerDB } from '../../../src/lib/learner/database.ts';
import { LEARNER_TABLES } from '../../../src/lib/learner/records.ts';
import { answerRows, attemptRow, lessonRows, statsRows } from './fixtures.ts';

/**
 * Every released schema, frozen here as it shipped: a database a learner's browser may still
 * hold. A new version adds its entry; none is ever edited.
 */
const RELEASED = [
  {
    version: 1,
    stores: {
      attempts: 'id, quizId',
      answers: '[attemptId+questionKey], attemptId',
      questionStats: 'questionKey',
      lessonProgress: 'lessonId',
    },
    rows: {
      attempts: [
        attemptRow(),
        attemptRow({
          id: 'luot-2',
          status: 'in-progress',
          submittedAt: null,
          submittedBy: null,
          result: null,
        }),
      ],
      answers: answerRows(),
      questionStats: statsRows(),
      lessonProgress: lessonRows(),
    },
  },
];

const sorted = (rows: readonly unknown[]) => rows.map((row) => JSON.stringify(row)).sort();

describe('upgrading the learner database', () => {
  for (const { version, stores, rows } of RELEASED) {
    it(`keeps every row of a version ${version} database`, async () => {
      const name = `camnang-nang-cap-${version}`;
      const old = new Dexie(name, { indexedDB, IDBKeyRange });
      old.version(version).stores(stores);
      await old.open();
      for (const [table, data] of Object.entries(rows)) await old.table(table).bulkPut(data);
      old.close();

      const before = Date.now();
      const db = await openLearnerDB(name);
      if (!db) throw new Error('storage unavailable');
      expect((await db.connection()).version).toBe(20);
      const all = await db.read(LEARNER_TABLES, async (tx) =>
        Object.fromEntries(
          await Promise.all(
            LEARNER_TABLES.map(async (table) => [table, await tx.table(table).getAll()]),
          ),
        ),
      );
      for (const [table, data] of Object.entries(rows)) {
        expect(sorted(all[table] ?? [])).toEqual(sorted(data));
      }
      // A question missed before review existed becomes a card, due at once.
      const cards = all['reviewCards'] ?? [];
      expect(cards).toEqual([
        expect.objectContaining({
          id: 'cau:cau-2',
          kind: 'question',
          questionKey: 'cau-2',
          reps: 0,
        }),
      ]);
      expect(cards[0]?.due).toBeGreaterThanOrEqual(before);
      db.close();
    });
  }
});
