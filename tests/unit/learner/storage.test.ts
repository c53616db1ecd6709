import { describe, expect, it, vi } from 'vitest';
import {
  failureOf,
  formatBytes,
  requestPersistence,
  storageUse,
} from '../../../src/lib/learner/storage.ts';

const UNITS = { byte: 'byte', kb: 'KB', mb: 'MB', gb: 'GB' };

function memoryFlags() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
  };
}

describe('storage', () => {
  it('writes sizes with Vietnamese decimal commas', () => {
    expect(formatBytes(0, UNITS)).toBe('0 byte');
    expect(formatBytes(900, UNITS)).toBe('900 byte');
    expect(formatBytes(1536, UNITS)).toBe('1,5 KB');
    expect(formatBytes(3.25 * 1024 * 1024, UNITS)).toBe('3,3 MB');
    expect(formatBytes(12 * 1024 ** 3, UNITS)).toBe('12 GB');
  });

  it('asks for persistent storage once, ever', async () => {
    const persist = vi.fn(async () => true);
    const flags = memoryFlags();
    expect(await requestPersistence({ persist }, flags)).toBe(true);
    expect(await requestPersistence({ persist }, flags)).toBeNull();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await requestPersistence(undefined, memoryFlags())).toBeNull();
  });

  it('reports usage, or nothing when the browser does not say', async () => {
    expect(
      await storageUse({
        estimate: async () => ({ usage: 2048, quota: 10 ** 9 }),
        persisted: async () => true,
      }),
    ).toEqual({ usage: 2048, quota: 10 ** 9, persisted: true });
    expect(
      await storageUse({ estimate: async () => ({}), persisted: async () => false }),
    ).toBeNull();
    expect(await storageUse(undefined)).toBeNull();
  });

  it('tells a full disk from other refusals, however deep it is wrapped', () => {
    expect(failureOf(new DOMException('full', 'QuotaExceededError'))).toBe('quota');
    const wrapped = new Error('aborted', { cause: new DOMException('full', 'QuotaExceededError') });
    expect(failureOf(wrapped)).toBe('quota');
    expect(failureOf(new DOMException('aborted', 'AbortError'))).toBe('failed');
    expect(failureOf(new Error('nope'))).toBe('failed');
  });
});
