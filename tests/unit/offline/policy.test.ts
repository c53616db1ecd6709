import { describe, expect, it } from 'vitest';
import { cacheKey, cachePolicy } from '../../../src/lib/offline/policy.ts';

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

describe('the key a saved file is found again by', () => {
  it('is its address without the query, so Pagefind’s time-stamped entry file is found offline', () => {
    const saved = cacheKey(`${ORIGIN}/pagefind/pagefind-entry.json?ts=1767000000000`);
    expect(cacheKey(`${ORIGIN}/pagefind/pagefind-entry.json?ts=1767000999999`)).toBe(saved);
    expect(saved).toBe(`${ORIGIN}/pagefind/pagefind-entry.json`);
    expect(cacheKey(`${ORIGIN}/pagefind/index/vi_1a2b.pf_index`)).toBe(
      `${ORIGIN}/pagefind/index/vi_1a2b.pf_index`,
    );
  });

  it('still tells different files apart', () => {
    expect(cacheKey(`${ORIGIN}/pagefind/fragment/a.pf_fragment?x=1`)).not.toBe(
      cacheKey(`${ORIGIN}/pagefind/fragment/b.pf_fragment?x=1`),
    );
  });
});
