import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../../../src/lib/cert/base64url.ts';
import { fromHex, normalizeShortCode, shortCode, toHex } from '../../../src/lib/cert/encoding.ts';

describe('base64url', () => {
  it('round-trips every length and matches Node', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 37 + length) & 255);
      const text = toBase64Url(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('refuses any text that is not the one encoding of some bytes', () => {
    const signature = toBase64Url(new Uint8Array(64).fill(7));
    // 64 bytes end in a character carrying 2 bits: its other 4 bits must be zero.
    const last = signature.at(-1) ?? '';
    const sibling = last === 'w' ? 'x' : 'w';
    expect(fromBase64Url(signature.slice(0, -1) + sibling)).toBeNull();
    expect(fromBase64Url('ab=c')).toBeNull();
    expect(fromBase64Url('abcde')).toBeNull();
    expect(fromBase64Url('ab+/')).toBeNull();
  });
});

describe('hex', () => {
  it('round-trips and refuses odd or non-hex text', () => {
    expect(toHex(Uint8Array.from([0, 15, 255]))).toBe('000fff');
    expect(fromHex('000fff')).toEqual(Uint8Array.from([0, 15, 255]));
    expect(fromHex('0g')).toBeNull();
    expect(fromHex('abc')).toBeNull();
  });
});

describe('shortCode', () => {
  it('writes ten Crockford base32 characters in two groups of five', () => {
    const code = shortCode(fromHex('ffffffffffffffff') ?? new Uint8Array());
    expect(code).toBe('ZZZZZ-ZZZZZ');
    expect(shortCode(fromHex('0000000000000000') ?? new Uint8Array())).toBe('00000-00000');
    expect(shortCode(Uint8Array.from([0x08, 0x86]), 3)).toBe('123');
  });

  it('reads back a code typed with spaces, lower case or look-alike letters', () => {
    expect(normalizeShortCode(' 7kq2m 9xd4p ')).toBe('7KQ2M-9XD4P');
    expect(normalizeShortCode('O1IL0-abcde')).toBe('01110-ABCDE');
  });
});
