import { describe, expect, it } from 'vitest';
import {
  BACKUP_REMINDER_DAYS,
  LAST_EXPORT_KEY,
  backupReminder,
  readLastExport,
  rememberExport,
} from '../../../src/lib/learner/backup-reminder.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 27, 8);

function memoryFlags(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

const state = { persisted: false, hasData: true, lastExport: null, now: NOW };

describe('the backup reminder', () => {
  it('reminds a learner with data who never exported, in a browser that may delete it', () => {
    expect(backupReminder(state)).toEqual({ show: true, lastExport: null });
  });

  it('says nothing when the browser promised to keep the data', () => {
    expect(backupReminder({ ...state, persisted: true })).toEqual({ show: false });
  });

  it('says nothing when there is nothing to lose', () => {
    expect(backupReminder({ ...state, hasData: false })).toEqual({ show: false });
  });

  it('says nothing for a week after an export, then reminds with the days since', () => {
    expect(BACKUP_REMINDER_DAYS).toBe(7);
    const exported = NOW - 7 * DAY;
    expect(backupReminder({ ...state, lastExport: NOW - DAY })).toEqual({ show: false });
    expect(backupReminder({ ...state, lastExport: exported })).toEqual({ show: false });
    expect(backupReminder({ ...state, lastExport: exported - 1 })).toEqual({
      show: true,
      lastExport: exported - 1,
      days: 7,
    });
    expect(backupReminder({ ...state, lastExport: NOW - 40 * DAY - 5 })).toMatchObject({
      days: 40,
    });
  });

  it('takes the number of days as a setting', () => {
    expect(backupReminder({ ...state, lastExport: NOW - 2 * DAY - 1 }, 2)).toMatchObject({
      show: true,
      days: 2,
    });
    expect(backupReminder({ ...state, lastExport: NOW - 2 * DAY - 1 }, 3)).toEqual({
      show: false,
    });
  });
});

describe('the last export time', () => {
  it('is remembered in localStorage and read back', () => {
    const flags = memoryFlags();
    expect(readLastExport(NOW, flags)).toBeNull();
    rememberExport(NOW - DAY, flags);
    expect(flags.getItem(LAST_EXPORT_KEY)).toBe(String(NOW - DAY));
    expect(readLastExport(NOW, flags)).toBe(NOW - DAY);
  });

  it('is unknown when the value is not a time, or lies in the future', () => {
    for (const value of ['', 'hôm qua', '-5', 'NaN', String(NOW + DAY)]) {
      expect(readLastExport(NOW, memoryFlags({ [LAST_EXPORT_KEY]: value }))).toBeNull();
    }
  });

  it('is unknown, and never throws, when localStorage is blocked', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(() => rememberExport(NOW, blocked)).not.toThrow();
    expect(readLastExport(NOW, blocked)).toBeNull();
  });
});
