import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  gradableUnits,
  type AnswerValue,
  type GradableQuestion,
  type PublicQuestion,
} from '../quiz/questions.ts';
import { foldVietnamese } from '../text/fold.ts';
import {
  chanceOfReadings,
  ORDER_ALPHA,
  readOrder,
  type OrderPattern,
  type OrderReading,
  type ShippedLists,
} from './order-tells.ts';

/**
 * What must never reach a built site: an exam's answers and explanations, by question key. Its
 * public questions (as written) let the check find their order in text and their near-twins.
 */
export interface ExamSecrets {
  examId: string;
  answers: Readonly<Record<string, { answer: AnswerValue; explanation?: string | undefined }>>;
  questions: readonly PublicQuestion[];
}

export interface Leak {
  /** Relative to the scanned folder. */
  file: string;
  examId: string;
  questionKey: string;
  /** `order`: the order choices ship in reads as the key; `twin`: a practice question ships the same question with its answer. */
  kind: 'explanation' | 'answer' | 'order' | 'twin';
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

const LISTS = ['options', 'items', 'left', 'right'] as const;
type Choice = { id: string; text: string };

/** A list of `{ id, text }` choices, or null for anything else. */
function choicesOf(value: unknown): Choice[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const ok = value.every(
    (item: unknown) =>
      typeof item === 'object' &&
      item !== null &&
      typeof (item as Record<string, unknown>)['id'] === 'string',
  );
  return ok ? (value as Choice[]) : null;
}

/** The choice lists of a question-like object, as ids in the order they appear. */
function listsOf(record: Record<string, unknown>): ShippedLists | null {
  if (typeof record['type'] !== 'string') return null;
  const lists: ShippedLists = { type: record['type'] };
  let any = false;
  for (const name of LISTS) {
    const choices = choicesOf(record[name]);
    if (choices) {
      lists[name] = choices.map((choice) => choice.id);
      any = true;
    }
  }
  return any ? lists : null;
}

/** Exam questions found in structured data, with their choice lists in shipped order. */
function shippedInData(data: unknown, keys: ReadonlySet<string>, found: Map<string, ShippedLists>) {
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const id = record['id'];
    if (typeof id === 'string' && keys.has(id) && !found.has(id)) {
      const lists = listsOf(record);
      if (lists) found.set(id, lists);
    }
    Object.values(record).forEach(visit);
  };
  visit(data);
}

const simple = (text: string) => readable(text).trim();

/** Exam questions found in text (a page, a script, a search fragment): choices ordered by where their text first follows the prompt. */
function shippedInText(
  text: string,
  units: readonly { key: string; question: GradableQuestion }[],
  found: Map<string, ShippedLists>,
) {
  for (const { key, question } of units) {
    if (found.has(key)) continue;
    const start = text.indexOf(simple(question.prompt));
    if (start < 0) continue;
    const lists: ShippedLists = { type: question.type };
    const record = question as unknown as Record<string, unknown>;
    let complete = true;
    for (const name of LISTS) {
      const choices = choicesOf(record[name]);
      if (!choices) continue;
      const at = choices.map((choice) => ({
        id: choice.id,
        index: text.indexOf(simple(choice.text), start),
      }));
      if (at.some((choice) => choice.index < 0)) complete = false;
      lists[name] = at.sort((a, b) => a.index - b.index).map((choice) => choice.id);
    }
    if (complete && LISTS.some((name) => lists[name])) found.set(key, lists);
  }
}

const PATTERNS: Record<OrderPattern, string> = {
  'right-first': 'các lựa chọn đúng đứng đầu',
  'key-order': 'các mục đứng đúng thứ tự của đáp án',
  'reverse-key-order': 'các mục đứng ngược đúng thứ tự của đáp án',
  aligned: 'mỗi mục cột trái đứng ngang mục cột phải ghép với nó',
};

/** Exam questions whose shipped order, taken together, reads as the key rather than luck. */
function orderTells(
  secret: ExamSecrets,
  found: ReadonlyMap<string, ShippedLists>,
): { questionKey: string; excerpt: string }[] {
  const readings: (OrderReading & { questionKey: string })[] = [];
  for (const [questionKey, lists] of found) {
    const answer = secret.answers[questionKey]?.answer;
    const reading = answer === undefined ? null : readOrder(lists, answer);
    if (reading) readings.push({ ...reading, questionKey });
  }
  const chance = chanceOfReadings(readings);
  if (chance >= ORDER_ALPHA) return [];
  const odds = `một cách xáo ngẫu nhiên chỉ cho thứ tự như vậy với xác suất ${chance.toExponential(1)}`;
  return readings.flatMap(({ questionKey, pattern }) =>
    pattern ? [{ questionKey, excerpt: `${PATTERNS[pattern]}; ${odds}` }] : [],
  );
}

/** Words of a text, folded, for comparing two questions' wording. */
const words = (text: string) =>
  new Set(
    foldVietnamese(readable(text))
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  );

/** Share of words two prompts have in common (Jaccard). */
function likeness(a: string, b: string): number {
  const [x, y] = [words(a), words(b)];
  const shared = [...x].filter((word) => y.has(word)).length;
  return shared / (x.size + y.size - shared || 1);
}

/** Prompts this alike ask the same thing, whatever the small rewording. */
const TWIN_LIKENESS = 0.7;

/**
 * An answer as the facts it states, in its choices' folded texts, so two questions with
 * different ids compare: the right option, each right option of a multiple choice, the
 * sequence of an ordering, each pair of a matching. Null for a wrong shape.
 */
function answerFacts(question: Record<string, unknown>, answer: unknown): string[][] | null {
  const text = (list: string, id: unknown) => {
    const choice = choicesOf(question[list])?.find((item) => item.id === id);
    return choice ? choice.text : '';
  };
  switch (question['type']) {
    case 'true-false':
      return typeof answer === 'boolean' ? [[String(answer)]] : null;
    case 'single':
      return [[text('options', answer)]];
    case 'multiple':
      return Array.isArray(answer) ? answer.map((id) => [text('options', id)]) : null;
    case 'ordering':
      return Array.isArray(answer) ? [answer.map((id) => text('items', id))] : null;
    case 'matching':
      return typeof answer === 'object' && answer !== null && !Array.isArray(answer)
        ? Object.entries(answer).map(([from, to]) => [text('left', from), text('right', to)])
        : null;
    default:
      return null;
  }
}

/** The same text, or one's words all in the other ("Quy định 296-QĐ/TW" for its full title). */
function sameText(a: string, b: string): boolean {
  const [x, y] = [words(a), words(b)];
  const within = (inner: Set<string>, outer: Set<string>) =>
    inner.size > 0 && [...inner].every((word) => outer.has(word));
  return within(x, y) || within(y, x);
}

const sameFact = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((text, index) => sameText(text, b[index] ?? ''));

/**
 * Whether a question shipped with its answer gives an exam question's answer away: asked in
 * nearly the same words, it states every fact of the exam's answer (a matching twin may have
 * more pairs). A true/false twin gives it away whatever its answer: a negated statement too.
 */
function givesAway(
  exam: { question: GradableQuestion; facts: readonly string[][] },
  question: Record<string, unknown>,
  facts: readonly string[][],
): boolean {
  if (exam.question.type !== question['type']) return false;
  if (likeness(exam.question.prompt, String(question['prompt'])) < TWIN_LIKENESS) return false;
  if (exam.question.type === 'true-false') return true;
  const stated = exam.facts.every((fact) => facts.some((other) => sameFact(fact, other)));
  return stated && (exam.question.type === 'matching' || facts.length === exam.facts.length);
}

/**
 * Questions shipped with their answers (a practice page, the review data) that ask an exam's
 * question in nearly the same words and give the same answer: the exam's key by another name.
 */
function findTwins(
  data: unknown,
  secrets: readonly ExamSecrets[],
  report: (secret: ExamSecrets, key: string, excerpt: string) => void,
) {
  const exams = secrets.flatMap((secret) =>
    secret.questions.flatMap(gradableUnits).flatMap(({ key, question }) => {
      const answer = secret.answers[key]?.answer;
      const record = question as unknown as Record<string, unknown>;
      const facts = answer === undefined ? null : answerFacts(record, answer);
      return facts === null ? [] : [{ secret, key, question, facts }];
    }),
  );
  // Questions by id, and answers by question id: inside the question, in a key map beside the
  // questions (a practice page), or beside the question in review data (`{ unit: { question }, answer }`).
  const questions = new Map<string, Record<string, unknown>>();
  const answers = new Map<string, unknown>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    const unit = record['unit'];
    const inner =
      typeof unit === 'object' && unit !== null
        ? (unit as Record<string, unknown>)['question']
        : undefined;
    const question =
      typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : record;
    const id = question['id'];
    if (typeof id === 'string' && typeof question['prompt'] === 'string') {
      questions.set(id, question);
      if ('answer' in record) answers.set(id, record['answer']);
    }
    for (const [key, item] of Object.entries(record)) {
      if (typeof item === 'object' && item !== null && 'answer' in item && !('prompt' in item))
        answers.set(key, (item as Record<string, unknown>)['answer']);
      visit(item);
    }
  };
  visit(data);
  for (const [id, answer] of answers) {
    const question = questions.get(id);
    const facts = question && answerFacts(question, answer);
    if (!question || !facts) continue;
    for (const exam of exams) {
      if (exam.key !== id && givesAway(exam, question, facts))
        report(
          exam.secret,
          exam.key,
          `câu "${id}": ${simple(String(question['prompt'])).slice(0, 120)}`,
        );
    }
  }
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
  for (const data of structured) {
    findBindings(data, secrets, (secret, key, excerpt) => report(secret, key, 'answer', excerpt));
    findTwins(data, secrets, (secret, key, excerpt) => report(secret, key, 'twin', excerpt));
  }

  // The order choices ship in: from the data where there is some, else from where the texts stand.
  for (const secret of secrets) {
    const keys = new Set(Object.keys(secret.answers));
    const found = new Map<string, ShippedLists>();
    for (const data of structured) shippedInData(data, keys, found);
    if (!/\.json$/i.test(file)) shippedInText(flat, secret.questions.flatMap(gradableUnits), found);
    for (const { questionKey, excerpt } of orderTells(secret, found))
      report(secret, questionKey, 'order', excerpt);
  }

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
