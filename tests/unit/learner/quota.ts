import 'fake-indexeddb/auto';
import { LearnerDB } from '../../../src/lib/learner/database.ts';

let opened = 0;
const full = new Set<string>();

// Every write to a full database is refused with a QuotaExceededError, as a browser does when
// the site's quota is used up: at `put` and `add` themselves, as in Chromium.
for (const method of ['put', 'add'] as const) {
  const write = IDBObjectStore.prototype[method];
  IDBObjectStore.prototype[method] = function (
    this: IDBObjectStore,
    ...args: [unknown, IDBValidKey?]
  ) {
    if (full.has(this.transaction.db.name))
      throw new DOMException('Bộ nhớ đầy', 'QuotaExceededError');
    return write.apply(this, args);
  };
}

/** A fresh learner database whose disk can fill up: once `full` is set, every write is refused. */
export async function fillableDB(): Promise<{ db: LearnerDB; disk: { full: boolean } }> {
  const name = `camnang-day-bo-nho-${++opened}`;
  const db = new LearnerDB(name);
  await db.connection();
  const disk = {
    get full() {
      return full.has(name);
    },
    set full(value: boolean) {
      if (value) full.add(name);
      else full.delete(name);
    },
  };
  return { db, disk };
}
