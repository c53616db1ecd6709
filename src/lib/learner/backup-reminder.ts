/** Days after the last export before the learner is reminded to export again. */
export const BACKUP_REMINDER_DAYS = 7;

/** When this browser last exported a backup, in epoch ms; kept out of the database it backs up. */
export const LAST_EXPORT_KEY = 'camnang:last-export';

/** Sent on `window` by the backup panel once a file is exported, so the page's reminder goes away. */
export const EXPORTED_EVENT = 'camnang:exported';

const DAY = 24 * 60 * 60 * 1000;

type Flags = Pick<Storage, 'getItem' | 'setItem'>;

export interface BackupState {
  /** Whether the browser promised to keep the site's data (`navigator.storage.persisted()`). */
  persisted: boolean;
  /** Whether the learner has anything saved that a backup would hold. */
  hasData: boolean;
  /** When the last export was made; null when never (or not known). */
  lastExport: number | null;
  now: number;
}

export type BackupReminder =
  | { show: false }
  | { show: true; lastExport: null }
  | { show: true; lastExport: number; days: number };

/**
 * Whether to remind the learner to export a backup, and what to tell them: only when the browser
 * may delete the data (not persisted), there is data to lose, and no export is more recent than
 * `days` days. `days` is the whole days since the last export.
 */
export function backupReminder(state: BackupState, days = BACKUP_REMINDER_DAYS): BackupReminder {
  if (state.persisted || !state.hasData) return { show: false };
  if (state.lastExport === null) return { show: true, lastExport: null };
  const age = state.now - state.lastExport;
  if (age <= days * DAY) return { show: false };
  return { show: true, lastExport: state.lastExport, days: Math.floor(age / DAY) };
}

/**
 * The last export's time, or null when none was recorded, the value is not a time, or it lies
 * after `now` (the clock was changed since: the export's age is unknown, so the learner is reminded).
 */
export function readLastExport(now: number, flags?: Flags): number | null {
  try {
    const raw = (flags ?? globalThis.localStorage)?.getItem(LAST_EXPORT_KEY);
    if (raw === null || raw === undefined) return null;
    const time = Number(raw);
    return Number.isFinite(time) && time > 0 && time <= now ? time : null;
  } catch {
    // Blocked localStorage: as if never exported.
    return null;
  }
}

/** Records an export; with localStorage blocked, the reminder simply keeps showing. */
export function rememberExport(now: number, flags?: Flags): void {
  try {
    (flags ?? globalThis.localStorage)?.setItem(LAST_EXPORT_KEY, String(now));
  } catch {
    // Nothing to do: the file was still downloaded.
  }
}
