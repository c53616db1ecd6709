import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { AnswerValue } from '../quiz/questions.ts';

/** What must never reach a built site: an exam's answers and explanations, by question key. */
export interface ExamSecrets {
  examId: string;
  answers: Readonly<Record<string, { answer: AnswerValue; explanation?: string | undefined }>>;
}

export interface Leak {
  /** Relative to the scanned folder. */
  file: string;
  examId: string;
  questionKey: string;
  kind: 'explanation' | 'answer';
  /** Where it was seen, shortened. */
  excerpt: string;
}

const ENTITIES: Record<string, string> = {
  quot: '"',
  apos: "'",
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: ' ',
};

/** Text as a reader or a script would get it: entities and JS escapes decoded, one spelling of each letter, single spaces. */
function readable(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? match;
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    })
    .replace(
      /\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi,
      (_match, braced?: string, four?: string, two?: string) =>
        String.fromCodePoint(parseInt(braced ?? four ?? two ?? '', 16)),
    )
    .normalize('NFC')
    .replace(/\s+/g, ' ');
}

const flatten = (text: string) =>
  readable(text)
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ');

/**
 * Astro serialises island props as an object of [type, value] pairs: type 0 a plain value or
 * an object of pairs, type 1 an array of pairs.
 */
function unwrapAstro(value: unknown): unknown {
  const entries = (record: object) =>
    Object.fromEntries(Object.entries(record).map(([key, item]) => [key, unwrapAstro(item)]));
  if (!Array.isArray(value))
    return typeof value === 'object' && value !== null ? entries(value) : value;
  if (value.length !== 2 || typeof value[0] !== 'number') return value;
  const [type, inner] = value as [number, unknown];
  if (type === 1 && Array.isArray(inner)) return inner.map(unwrapAstro);
  return type === 0 && typeof inner === 'object' && inner !== null && !Array.isArray(inner)
    ? entries(inner)
    : inner;
}

/**
 * Structured data that binds an exam question to its key: an object with the question's `id`
 * and an `answer` or `explanation`, or a map from the question's key to such an entry or to
 * the answer itself.
 */
function findBindings(
  data: unknown,
  secrets: readonly ExamSecrets[],
  report: (secret: ExamSecrets, key: string, excerpt: string) => void,
) {
  const owner = new Map<string, ExamSecrets>();
  for (const secret of secrets)
    for (const key of Object.keys(secret.answers)) owner.set(key, secret);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const id = record['id'];
    const secret = typeof id === 'string' ? owner.get(id) : undefined;
    if (secret && typeof id === 'string' && ('answer' in record || 'explanation' in record)) {
      report(secret, id, JSON.stringify(record).slice(0, 160));
    }
    for (const [key, item] of Object.entries(record)) {
      const keyed = owner.get(key);
      const entry = item as Record<string, unknown> | null;
      const bound =
        keyed &&
        ((typeof entry === 'object' &&
          entry !== null &&
          ('answer' in entry || 'explanation' in entry)) ||
          same(item, keyed.answers[key]?.answer));
      if (keyed && bound) report(keyed, key, `"${key}":${JSON.stringify(item).slice(0, 160)}`);
      visit(item);
    }
  };
  visit(data);
}

/** Leaks in one file's text (already decompressed). */
export function findLeaks(file: string, text: string, secrets: readonly ExamSecrets[]): Leak[] {
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  const report = (
    secret: ExamSecrets,
    questionKey: string,
    kind: Leak['kind'],
    excerpt: string,
  ) => {
    const id = `${secret.examId}/${questionKey}/${kind}`;
    if (seen.has(id)) return;
    seen.add(id);
    leaks.push({
      file,
      examId: secret.examId,
      questionKey,
      kind,
      excerpt: excerpt.replace(/\s+/g, ' '),
    });
  };

  const plain = readable(text);
  const flat = flatten(text);
  for (const secret of secrets) {
    for (const [key, { explanation }] of Object.entries(secret.answers)) {
      if (!explanation) continue;
      const wanted = readable(explanation).trim();
      const index = Math.max(plain.indexOf(wanted), flat.indexOf(wanted));
      if (index >= 0) report(secret, key, 'explanation', wanted.slice(0, 120));
    }
  }

  const structured: unknown[] = [];
  if (/\.json$/i.test(file)) {
    try {
      structured.push(JSON.parse(text));
    } catch {
      // Not JSON after all: the text checks above still apply.
    }
  }
  for (const match of text.matchAll(/\sprops="([^"]*)"/g)) {
    try {
      structured.push(unwrapAstro(JSON.parse(readable(match[1] ?? ''))));
    } catch {
      // Props that are not JSON cannot carry a key in a form this check knows.
    }
  }
  for (const data of structured)
    findBindings(data, secrets, (secret, key, excerpt) => report(secret, key, 'answer', excerpt));

  // Anything else (scripts, text files): a question's key quoted within a few characters of an `answer` field.
  for (const secret of secrets) {
    for (const key of Object.keys(secret.answers)) {
      const near = new RegExp(
        `["'\`]${key}["'\`][^"'\`]{0,12}?(?:\\{|\\[0,)\\s*["'\`]?(?:answer|explanation)["'\`]?\\s*:`,
      );
      const match = near.exec(plain);
      if (match) report(secret, key, 'answer', plain.slice(match.index, match.index + 120));
    }
  }
  return leaks;
}

/** Gzip (Pagefind's index and fragments) is searched decompressed. */
function contents(bytes: Buffer): string {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return gunzipSync(bytes).toString('utf8');
    } catch {
      return bytes.toString('latin1');
    }
  }
  return bytes.toString('utf8');
}

/** Every exam secret found in any file below `dir`: HTML, scripts, JSON, the search index. */
export function scanForLeaks(
  dir: string,
  secrets: readonly ExamSecrets[],
): { files: number; leaks: Leak[] } {
  const leaks: Leak[] = [];
  let files = 0;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      files++;
      leaks.push(
        ...findLeaks(
          relative(dir, path).split('\\').join('/'),
          contents(readFileSync(path)),
          secrets,
        ),
      );
    }
  };
  walk(dir);
  return { files, leaks };
}
