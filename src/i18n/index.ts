import strings from './vi.json';

export type StringKey = keyof typeof strings;

/** A UI string from vi.json, with `{name}` placeholders filled in. */
export function t(key: StringKey, params: Record<string, string | number> = {}): string {
  return strings[key].replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  );
}

/** A date as Vietnamese readers write it: 30/5/2025. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}/${month}/${year}`;
}
