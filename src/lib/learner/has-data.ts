import { mayHaveLearnerDatabase } from './schema.ts';

/**
 * Whether the learner has anything saved in this browser (an attempt, a note, a review card…).
 * The one place pages ask this, so a change of storage changes only this function. A browser
 * with no database answers without downloading the storage code, and without creating one.
 */
export async function hasLearnerData(): Promise<boolean> {
  if (!(await mayHaveLearnerDatabase())) return false;
  const { openCamnangDB } = await import('./db.ts');
  const db = await openCamnangDB();
  if (!db) return false;
  try {
    const counts = await db.transaction('r', db.tables, () =>
      Promise.all(db.tables.map((table) => table.count())),
    );
    return counts.some((count) => count > 0);
  } catch {
    return false;
  } finally {
    db.close();
  }
}
