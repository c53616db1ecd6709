import { mayHaveLearnerDatabase } from './schema.ts';

/**
 * Whether the learner has anything saved in this browser (an attempt, a note, a review card…).
 * The one place pages ask this, so a change of storage changes only this function. A browser
 * with no database answers without downloading the storage code, and without creating one.
 */
export async function hasLearnerData(): Promise<boolean> {
  if (!(await mayHaveLearnerDatabase())) return false;
  const [{ openLearnerDB }, { LEARNER_TABLES }] = await Promise.all([
    import('./database.ts'),
    import('./records.ts'),
  ]);
  const db = await openLearnerDB();
  if (!db) return false;
  try {
    const counts = await db.read(LEARNER_TABLES, (tx) =>
      Promise.all(LEARNER_TABLES.map((table) => tx.table(table).count())),
    );
    return counts.some((count) => count > 0);
  } catch {
    return false;
  } finally {
    db.close();
  }
}
