import 'fake-indexeddb/auto';
import { CamnangDB } from '../../../src/lib/learner/db.ts';

let opened = 0;

/**
 * A fresh learner database whose disk can fill up: once `full` is set, every write is refused
 * with a QuotaExceededError, as a browser does when the site's quota is used up.
 */
export async function fillableDB(): Promise<{ db: CamnangDB; disk: { full: boolean } }> {
  const disk = { full: false };
  const db = new CamnangDB(`camnang-day-bo-nho-${++opened}`, indexedDB);
  db.use({
    stack: 'dbcore',
    name: 'quota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            disk.full && request.type !== 'delete' && request.type !== 'deleteRange'
              ? Promise.reject(new DOMException('Bộ nhớ đầy', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  });
  await db.open();
  return { db, disk };
}
