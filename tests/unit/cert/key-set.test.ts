import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromBase64Url } from '../../../src/lib/cert/base64url.ts';
import { keyIdOf, parseKeySet } from '../../../src/lib/cert/key-set.ts';
import { nodeSha256 } from '../../../src/lib/cert/node-crypto.ts';

const good = {
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
      ],
    });
    expect(keySet.keys).toEqual([good]);
    expect(problems).toEqual([
      'khóa thứ 2: publicKey phải là khóa công khai Ed25519 32 byte, mã hóa base64url',
      'khóa thứ 3: algorithm phải là "Ed25519"',
      'khóa thứ 4: revoked phải là true hoặc false',
      'khóa thứ 5: trường không được hỗ trợ: extra',
      'khóa thứ 6: mỗi khóa là một đối tượng',
    ]);
    expect(parseKeySet([]).problems).toEqual(['tệp khóa phải có dạng { "keys": [ … ] }']);
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
