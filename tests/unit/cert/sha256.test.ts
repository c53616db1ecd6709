import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { toHex, utf8 } from '../../../src/lib/cert/encoding.ts';
import { sha256 } from '../../../src/lib/cert/sha256.ts';

describe('sha256 (the fallback for pages without WebCrypto)', () => {
  it('gives node:crypto’s digest for every padding case and for Vietnamese text', () => {
    for (let length = 0; length < 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, index) => (index * 131 + 7) & 255);
      expect(toHex(sha256(bytes)), `${length} byte`).toBe(
        createHash('sha256').update(bytes).digest('hex'),
      );
    }
    const text = utf8('Kỷ luật đảng: khiển trách, cảnh cáo, cách chức, khai trừ.'.repeat(40));
    expect(toHex(sha256(text))).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('matches the FIPS 180-4 example', () => {
    expect(toHex(sha256(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
