/** The learner's IndexedDB database, in a module of its own so checking for it never loads Dexie. */
export const DATABASE_NAME = 'camnang';
