import type { KeySet, PublicKeyEntry } from '../../schemas/cert.ts';
import type { Sha256 } from './digest.ts';
import { fromBase64Url } from './base64url.ts';
import { toHex, type Bytes } from './encoding.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A key's id: the first 8 bytes of SHA-256 of its raw public key, in hex. */
export async function keyIdOf(rawPublicKey: Bytes, sha256: Sha256): Promise<string> {
  return toHex((await sha256(rawPublicKey)).slice(0, 8));
}

/** Why one entry of the key set is unusable; null when it is well formed. */
function entryProblem(entry: Record<string, unknown>): string | null {
  const { id, label, algorithm, publicKey, validFrom, revoked, revokedAt, ...rest } = entry;
  if (typeof id !== 'string' || !/^[0-9a-f]{16}$/.test(id))
    return 'id phải là 16 chữ số thập lục phân';
  if (typeof label !== 'string' || !label.trim()) return 'thiếu label (tên đơn vị ký)';
  if (algorithm !== 'Ed25519') return 'algorithm phải là "Ed25519"';
  if (typeof publicKey !== 'string' || fromBase64Url(publicKey)?.length !== 32) {
    return 'publicKey phải là khóa công khai Ed25519 32 byte, mã hóa base64url';
  }
  if (typeof validFrom !== 'string' || !DATE.test(validFrom))
    return 'validFrom phải là ngày dạng NNNN-TT-NN';
  if (revoked !== undefined && typeof revoked !== 'boolean')
    return 'revoked phải là true hoặc false';
  if (revokedAt !== undefined && (typeof revokedAt !== 'string' || !DATE.test(revokedAt))) {
    return 'revokedAt phải là ngày dạng NNNN-TT-NN';
  }
  const unknown = Object.keys(rest);
  return unknown.length ? `trường không được hỗ trợ: ${unknown.join(', ')}` : null;
}

/**
 * Reads the organisation's key set (`public/keys.json`). An unusable entry is left out and
 * named in `problems`, so one typo does not stop every other key from verifying.
 */
export function parseKeySet(value: unknown): { keySet: KeySet; problems: string[] } {
  const list = (value as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(list))
    return { keySet: { keys: [] }, problems: ['tệp khóa phải có dạng { "keys": [ … ] }'] };
  const keys: PublicKeyEntry[] = [];
  const problems: string[] = [];
  list.forEach((entry: unknown, index) => {
    const problem =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? entryProblem(entry as Record<string, unknown>)
        : 'mỗi khóa là một đối tượng';
    if (problem) problems.push(`khóa thứ ${index + 1}: ${problem}`);
    else keys.push(entry as PublicKeyEntry);
  });
  return { keySet: { keys }, problems };
}
