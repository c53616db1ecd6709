import { describe, expect, it } from 'vitest';
import { cachePolicy } from '../../../src/lib/offline/policy.ts';

const ORIGIN = 'https://camnang.example';
const policy = (path: string, fields: { method?: string; mode?: string; origin?: string } = {}) =>
  cachePolicy(
    {
      url: `${fields.origin ?? ORIGIN}${path}`,
      method: fields.method ?? 'GET',
      mode: fields.mode ?? 'cors',
    },
    ORIGIN,
  );

describe('what the service worker saves for offline reading', () => {
  it('saves pages, network first', () => {
    expect(policy('/van-ban/dieu-le-dang/dieu-32/', { mode: 'navigate' })).toBe('page');
    expect(policy('/', { mode: 'navigate' })).toBe('page');
  });

  it('keeps hashed files as they are, and saves the search index and quiz questions', () => {
    expect(policy('/_astro/QuizPlayer.CNoQNTJL.js')).toBe('immutable');
    expect(policy('/pagefind/pagefind-entry.json')).toBe('data');
    expect(policy('/trac-nghiem/ky-luat-dang/noi-dung.json')).toBe('data');
  });

  it('leaves the certificate keys to the network, so a revoked key never verifies from a copy', () => {
    expect(policy('/keys.json')).toBe('network');
    expect(policy('/sw.js')).toBe('network');
  });

  it('never touches other origins or anything but GET', () => {
    expect(policy('/a.js', { origin: 'https://cdn.example' })).toBe('network');
    expect(policy('/van-ban/', { method: 'POST', mode: 'navigate' })).toBe('network');
  });
});
