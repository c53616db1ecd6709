/**
 * `record[key]` for a key that comes from outside (an address, a query, a file), counting only
 * the record's own entries: a plain object also answers "constructor", "toString" and
 * "__proto__" from its prototype.
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
