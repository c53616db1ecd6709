/**
 * The learner's IndexedDB database, as plain data in a module of its own: checking whether a
 * learner has one loads no storage code.
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
 * Each released version's tables, in Dexie's syntax (Dexie created the first databases):
 * a version lists only the tables it adds or changes. A released version is never edited.
 */
export const VERSIONS: readonly Readonly<Record<string, string>>[] = [
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

/** Our version number; IndexedDB records it times ten (see `database.ts`). */
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

function parseStore(spec: string): StoreSpec {
  const [primaryKey = '', ...indexes] = spec.split(',').map((key) => key.trim());
  return { primaryKey: parseKey(primaryKey), indexes: indexes.map(parseKey) };
}

/** The tables one version adds, or adds indexes to. */
export function storesAt(version: number): Map<string, StoreSpec> {
  return new Map(
    Object.entries(VERSIONS[version - 1] ?? {}).map(([table, spec]) => [table, parseStore(spec)]),
  );
}
