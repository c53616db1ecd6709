/**
 * Why a write did not happen: storage full, storage not given at all, no network to download
 * the storage code the first time, or any other refusal.
 */
export type SaveFailure = 'quota' | 'unavailable' | 'offline' | 'failed';

/** A write's outcome; `value` is what the write returned. */
export type SaveResult<T = unknown> = { ok: true; value: T } | { ok: false; failure: SaveFailure };

const PERSIST_ASKED = 'camnang:persist-asked';

/** A full disk; an error wrapping it names it as its `cause`. */
function isQuotaError(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const { name, cause: inner } = cause as { name?: unknown; cause?: unknown };
    if (name === 'QuotaExceededError') return true;
    cause = inner;
  }
  return false;
}

export const failureOf = (error: unknown): SaveFailure =>
  isQuotaError(error) ? 'quota' : 'failed';

/**
 * Asks the browser once, ever, to keep this site's data when space runs low (without it, the
 * browser may evict IndexedDB). Later calls do nothing; the answer is the browser's.
 */
export async function requestPersistence(
  storage: Pick<StorageManager, 'persist'> | undefined = globalThis.navigator?.storage,
  flags: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
): Promise<boolean | null> {
  try {
    if (!storage?.persist || !flags || flags.getItem(PERSIST_ASKED)) return null;
    flags.setItem(PERSIST_ASKED, String(Date.now()));
    return await storage.persist();
  } catch {
    // Blocked localStorage or a refused request: the data is still saved, only not guaranteed.
    return null;
  }
}

export interface StorageUse {
  usage: number;
  quota: number;
  /** Whether the browser promised to keep the data. */
  persisted: boolean;
}

export async function storageUse(
  storage: Pick<StorageManager, 'estimate' | 'persisted'> | undefined = globalThis.navigator
    ?.storage,
): Promise<StorageUse | null> {
  try {
    if (!storage?.estimate) return null;
    const { usage, quota } = await storage.estimate();
    if (usage === undefined || quota === undefined) return null;
    return { usage, quota, persisted: (await storage.persisted?.()) ?? false };
  } catch {
    return null;
  }
}

export type ByteUnit = 'byte' | 'kb' | 'mb' | 'gb';

/**
 * A size as Vietnamese readers write it, with a decimal comma: "1,5 MB". Units step by 1024,
 * as file managers show them; `units` gives each unit's written name.
 */
export function formatBytes(bytes: number, units: Record<ByteUnit, string>): string {
  const steps: ByteUnit[] = ['byte', 'kb', 'mb', 'gb'];
  let value = Math.max(0, bytes);
  let step = 0;
  while (value >= 1024 && step < steps.length - 1) {
    value /= 1024;
    step++;
  }
  const number = value.toLocaleString('vi', { maximumFractionDigits: step === 0 ? 0 : 1 });
  return `${number} ${units[steps[step] ?? 'byte']}`;
}
