import { fill } from './fill.ts';
import strings from './vi.json';

export type StringKey = keyof typeof strings;

/** A UI string from vi.json, with `{name}` placeholders filled in. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return fill(strings[key], params);
}

/** The strings whose keys start with `prefix`, for an island (so it never bundles all of vi.json). */
export function stringsFor(prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(strings).filter(([key]) => key.startsWith(prefix)));
}

export { formatVietnameseDate as formatDate } from '../lib/text/date.ts';
