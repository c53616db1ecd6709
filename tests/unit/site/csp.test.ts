import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { INLINE_SCRIPTS } from '../../../src/components/inline-scripts.ts';
import { contentSecurityPolicy, cspHash } from '../../../src/lib/site/csp.ts';

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;

describe('the Content-Security-Policy', () => {
  it('names an inline script by the hash the browser computes over its text', async () => {
    expect(await cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(await cspHash('const đ = "Đảng";')).toBe(sha256('const đ = "Đảng";'));
  });

  it('lets run only the site’s own files and its inline scripts, and Pagefind’s WebAssembly', async () => {
    const policy = await contentSecurityPolicy(Object.values(INLINE_SCRIPTS));
    expect(policy.directives).toContain("default-src 'self'");
    expect(policy.scriptDirective?.resources).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.scriptDirective?.hashes).toEqual(Object.values(INLINE_SCRIPTS).map(sha256));
    expect(JSON.stringify(policy)).not.toContain('unsafe-inline');
  });
});
