import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../../src/lib/cert/base64url.ts';
import { keyIdOf, parseKeySet, revokedFor } from '../../../src/lib/cert/key-set.ts';
import { nodeSha256 } from '../../../src/lib/cert/node-crypto.ts';
import type { PublicKeyEntry } from '../../../src/schemas/key-set.ts';

const good: PublicKeyEntry = {
  id: '0123456789abcdef',
  label: 'Ủy ban Kiểm tra',
  algorithm: 'Ed25519',
  publicKey: 'lXHhnZZ2u4jFf3H7b7v_l6qw6Nbegez-uwtOCjbs8Yo',
  validFrom: '2026-11-27',
};

describe('parseKeySet', () => {
  it('keeps good entries and names each bad one', () => {
    const { keySet, problems } = parseKeySet({
      keys: [
        good,
        { ...good, publicKey: 'ngắn' },
        { ...good, algorithm: 'RSA' },
        { ...good, revoked: 'có' },
        { ...good, extra: 1 },
        'khóa',
        { ...good, revokedAt: '2026-02-30' },
        { ...good, revoked: false, revokedAt: '2026-12-01' },
        { ...good, publicKey: `${good.publicKey.slice(0, -1)}p` },
        { ...good, label: '  ' },
        { ...good, validFrom: undefined },
        { ...good, id: 'F23E80DE92F3C70F' },
      ],
    });
    expect(keySet.keys).toEqual([good]);
    expect(problems).toEqual([
      'khóa thứ 2: publicKey phải là khóa công khai Ed25519 32 byte, mã hóa base64url',
      'khóa thứ 3: algorithm phải là "Ed25519"',
      'khóa thứ 4: revoked phải là true hoặc false',
      'khóa thứ 5: trường không được hỗ trợ: extra',
      'khóa thứ 6: mỗi khóa là một đối tượng',
      'khóa thứ 7: revokedAt phải là ngày dạng NNNN-TT-NN',
      'khóa thứ 8: revoked: false mâu thuẫn với revokedAt; bỏ một trong hai',
      // Its last character carries bits past the 32nd byte.
      'khóa thứ 9: publicKey phải là khóa công khai Ed25519 32 byte, mã hóa base64url',
      'khóa thứ 10: thiếu label (tên đơn vị ký)',
      'khóa thứ 11: validFrom phải là ngày dạng NNNN-TT-NN',
      'khóa thứ 12: id phải là 16 chữ số thập lục phân',
    ]);
    for (const notAKeySet of [[], null, 'keys', { keys: {} }]) {
      expect(parseKeySet(notAKeySet)).toEqual({
        keySet: { keys: [] },
        problems: ['tệp khóa phải có dạng { "keys": [ … ] }'],
      });
    }
  });

  it('accepts the key set the site publishes, each id derived from its key', async () => {
    const { keySet, problems } = parseKeySet(JSON.parse(readFileSync('public/keys.json', 'utf8')));
    expect(problems).toEqual([]);
    expect(keySet.keys.length).toBeGreaterThan(0);
    for (const key of keySet.keys) {
      expect(await keyIdOf(fromBase64Url(key.publicKey) ?? new Uint8Array(), nodeSha256)).toBe(
        key.id,
      );
    }
  });
});

describe('revokedFor', () => {
  it('refuses certificates dated on or after revokedAt, alone, and keeps those dated before', () => {
    const revoked = { ...good, revokedAt: '2026-12-01' };
    expect(revokedFor(revoked, '2026-11-30')).toBe(false);
    expect(revokedFor(revoked, '2026-12-01')).toBe(true);
    expect(revokedFor(revoked, '2027-01-15')).toBe(true);
    // revoked: true beside the day does not widen it to every certificate.
    expect(revokedFor({ ...revoked, revoked: true }, '2026-11-30')).toBe(false);
  });

  it('refuses every certificate of a key revoked without a day, none of a key in use', () => {
    expect(revokedFor({ ...good, revoked: true }, '2026-11-27')).toBe(true);
    expect(revokedFor(good, '2099-01-01')).toBe(false);
    expect(revokedFor({ ...good, revoked: false }, '2099-01-01')).toBe(false);
  });
});
