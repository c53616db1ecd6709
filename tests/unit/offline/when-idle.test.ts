// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../../src/lib/offline/when-idle.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a deferred chunk', () => {
  it('loads once the page is idle, and starts once', async () => {
    const start = vi.fn();
    whenIdle(async () => 'chunk', start);
    expect(start).not.toHaveBeenCalled();
    await settle();
    expect(start).toHaveBeenCalledExactlyOnceWith('chunk');
  });

  it('offline, waits for the network to load it, then starts once', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValue('chunk');
    const start = vi.fn();
    whenIdle(load, start);
    await settle();
    expect(start).not.toHaveBeenCalled();

    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(load).toHaveBeenCalledTimes(2);
    expect(start).toHaveBeenCalledExactlyOnceWith('chunk');
  });
});
