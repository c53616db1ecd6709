/**
 * The learner's IndexedDB database, as plain data in a module of its own: checking for the
 * database, or opening it for a quiz (see `connection.ts`), never loads Dexie.
 */
export const DATABASE_NAME = 'camnang';

/**
 * False when the browser certainly holds no learner database (nothing saved yet), so a page can
 * skip loading storage code; true when it does or cannot tell (`databases()` is fairly new).
 */
export async function mayHaveLearnerDatabase(): Promise<boolean> {
  if (typeof indexedDB === 'undefined') return false;
  const existing = await indexedDB.databases?.().catch(() => undefined);
  return !existing || existing.some((db) => db.name === DATABASE_NAME);
}

/**
 * Each released version's tables in Dexie's syntax (`CamnangDB` declares them in order):
 * a version lists only the tables it adds or changes. A released version is never edited.
 */
export const VERSIONS: readonly Readonly<Record<string, string | null>>[] = [
  {
    attempts: 'id, quizId',
    answers: '[attemptId+questionKey], attemptId',
    questionStats: 'questionKey',
    lessonProgress: 'lessonId',
  },
  // Version 2: notes, bookmarks, highlights and spaced-review cards.
  {
    bookmarks: 'place',
    notes: 'place',
    highlights: 'id, place',
    reviewCards: 'id, due',
  },
];

/** Dexie's version number; IndexedDB records it times ten. */
export const CURRENT_VERSION = VERSIONS.length;

export interface KeySpec {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  unique: boolean;
  multiEntry: boolean;
}

export interface StoreSpec {
  primaryKey: KeySpec;
  indexes: KeySpec[];
}

/** One key in Dexie's syntax: `id`, `++id`, `&code`, `*tags`, `[a+b]`, or empty for outbound keys. */
function parseKey(source: string): KeySpec {
  const autoIncrement = source.startsWith('++');
  const unique = source.startsWith('&');
  const multiEntry = source.startsWith('*');
  const name = source.replace(/^(\+\+|&|\*)/, '');
  const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name || null;
  return { name, keyPath, autoIncrement, unique, multiEntry };
}

/** Every table the current version has, as IndexedDB should hold it. */
export function currentStores(): Map<string, StoreSpec> {
  const stores = new Map<string, StoreSpec>();
  for (const version of VERSIONS) {
    for (const [table, spec] of Object.entries(version)) {
      if (spec === null) {
        stores.delete(table);
        continue;
      }
      const [primaryKey = '', ...indexes] = spec.split(',').map((key) => key.trim());
      stores.set(table, { primaryKey: parseKey(primaryKey), indexes: indexes.map(parseKey) });
    }
  }
  return stores;
}
