import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  MAX_BACKUP_BYTES,
  backupSchema,
  type Backup,
} from '../../schemas/backup.ts';
import { localIsoDate } from '../text/date.ts';
import type { LearnerDB, ReadTx, WriteTx } from './database.ts';
import { planMerge, type MergePlan } from './merge.ts';
import {
  LEARNER_TABLES,
  type LearnerData,
  type LearnerRows,
  type LearnerTable,
} from './records.ts';
import type { SaveResult } from './storage.ts';

/** Why a file is refused; the page words each one (`backup.error.*`). */
export type BackupError =
  | { code: 'too-large'; size: number }
  | { code: 'not-json' }
  | { code: 'not-backup' }
  | { code: 'future-version'; version: number }
  | { code: 'unsafe-key'; key: string }
  | { code: 'incomplete'; table: string; declared: number; actual: number }
  | { code: 'invalid'; path: string; message: string };

export type ReadOutcome =
  { ok: true; backup: Backup; data: LearnerData } | { ok: false; error: BackupError };

/** Keys that reach an object's prototype when assigned; no field of ours is ever called so. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class UnsafeKey extends Error {
  readonly key: string;
  constructor(key: string) {
    super(key);
    this.key = key;
  }
}

async function readAll(tx: ReadTx): Promise<LearnerData> {
  const data: Partial<Record<string, unknown[]>> = {};
  for (const table of LEARNER_TABLES) data[table] = await tx.table(table).getAll();
  return data as LearnerData;
}

/** A table's rows, put back in one go. */
function putRows<Table extends LearnerTable>(
  tx: WriteTx,
  table: Table,
  rows: readonly LearnerRows[Table][],
) {
  return Promise.all(rows.map((row) => tx.put(table, row)));
}

/** Every table, read in one transaction so the file is a consistent snapshot. */
export function readLearnerData(db: LearnerDB): Promise<LearnerData> {
  return db.read(LEARNER_TABLES, readAll);
}

/** The backup of everything the learner keeps, as "Xuất dữ liệu" downloads it. */
export function createBackup(data: LearnerData, now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date(now).toISOString(),
    counts: {
      attempts: data.attempts.length,
      answers: data.answers.length,
      questionStats: data.questionStats.length,
      lessonProgress: data.lessonProgress.length,
      bookmarks: data.bookmarks.length,
      notes: data.notes.length,
      highlights: data.highlights.length,
      reviewCards: data.reviewCards.length,
    },
    data,
  };
}

/** `camnang-sao-luu-2026-11-27.json`, dated in the learner's time zone. */
export function backupFileName(now: number): string {
  return `camnang-sao-luu-${localIsoDate(now)}.json`;
}

const pathText = (path: readonly PropertyKey[]) =>
  path.reduce<string>(
    (text, part) =>
      typeof part === 'number' ? `${text}[${part}]` : `${text}${text ? '.' : ''}${String(part)}`,
    '',
  );

/**
 * Reads a backup file and checks all of it before anything is written: size, JSON, format,
 * version, every row's shape, and the declared counts. Keys that could pollute prototypes
 * (`__proto__`, `constructor`, `prototype`) refuse the whole file.
 */
export function parseBackup(text: string): ReadOutcome {
  // UTF-16 length is at most the UTF-8 byte count, so this never refuses a file under the limit.
  if (text.length > MAX_BACKUP_BYTES)
    return { ok: false, error: { code: 'too-large', size: text.length } };
  let raw: unknown;
  try {
    raw = JSON.parse(text, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) throw new UnsafeKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof UnsafeKey)
      return { ok: false, error: { code: 'unsafe-key', key: error.key } };
    return { ok: false, error: { code: 'not-json' } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: { code: 'not-backup' } };
  }
  const { format, version } = raw as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) return { ok: false, error: { code: 'not-backup' } };
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
    return { ok: false, error: { code: 'future-version', version } };
  }
  const parsed = backupSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const counts =
      issue?.code === 'custom'
        ? (issue.params as { table?: string; declared?: number; actual?: number } | undefined)
        : undefined;
    if (
      counts?.table !== undefined &&
      counts.declared !== undefined &&
      counts.actual !== undefined
    ) {
      return {
        ok: false,
        error: {
          code: 'incomplete',
          table: counts.table,
          declared: counts.declared,
          actual: counts.actual,
        },
      };
    }
    return {
      ok: false,
      error: { code: 'invalid', path: pathText(issue?.path ?? []), message: issue?.message ?? '' },
    };
  }
  // The schema's rows are the tables' rows: this assignment fails to compile if they drift apart.
  const data: LearnerData = parsed.data.data;
  return { ok: true, backup: parsed.data, data };
}

/** Reads a chosen file; one over the size limit is refused before it is read into memory. */
export async function readBackupFile(file: Blob): Promise<ReadOutcome> {
  if (file.size > MAX_BACKUP_BYTES)
    return { ok: false, error: { code: 'too-large', size: file.size } };
  return parseBackup(await file.text());
}

/** What importing would change, against the data as it is now. */
export async function previewImport(db: LearnerDB, incoming: LearnerData): Promise<MergePlan> {
  return planMerge(await readLearnerData(db), incoming);
}

/**
 * Merges a checked backup in one transaction: the plan is made again inside it (another tab
 * may have written since the preview), and any failure, a full disk included, rolls it all back.
 */
export function importBackup(db: LearnerDB, incoming: LearnerData): Promise<SaveResult<MergePlan>> {
  return db.write(LEARNER_TABLES, async (tx) => {
    const plan = planMerge(await readAll(tx), incoming);
    for (const table of LEARNER_TABLES) {
      await putRows(tx, table, plan[table].put);
    }
    return plan;
  });
}

/** "Xóa dữ liệu": empties every table at once. */
export function clearLearnerData(db: LearnerDB): Promise<SaveResult> {
  return db.write(LEARNER_TABLES, async (tx) => {
    await Promise.all(LEARNER_TABLES.map((table) => tx.clear(table)));
  });
}
