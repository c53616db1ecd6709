/**
 * Time limits run from the attempt's stored start, not from a page's own clock, so a reload,
 * a second tab or a crash never gives extra time.
 */
export interface Timed {
  startedAt: number;
  /** Epoch ms when time runs out; null without a time limit. */
  deadline: number | null;
}

export function deadlineFor(
  startedAt: number,
  timeLimitMinutes: number | undefined,
): number | null {
  return timeLimitMinutes === undefined ? null : startedAt + timeLimitMinutes * 60_000;
}

/** Milliseconds left, never negative; null without a time limit. */
export function remainingMs(attempt: Timed, now: number): number | null {
  if (attempt.deadline === null) return null;
  // A clock set back after the start must not stretch the limit.
  const limit = attempt.deadline - attempt.startedAt;
  return Math.max(0, Math.min(limit, attempt.deadline - now));
}

export function isExpired(attempt: Timed, now: number): boolean {
  return remainingMs(attempt, now) === 0;
}

/** "mm:ss", rounded up so "00:00" shows only once time is up; minutes may exceed 59 ("90:00"). */
export function formatRemaining(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`;
}
