import {
  keySetFileSchema,
  publicKeyEntrySchema,
  type KeySet,
  type PublicKeyEntry,
} from '../../schemas/key-set.ts';
import type { Sha256 } from './digest.ts';
import { toHex, type Bytes } from './encoding.ts';

/** A key's id: the first 8 bytes of SHA-256 of its raw public key, in hex. */
export async function keyIdOf(rawPublicKey: Bytes, sha256: Sha256): Promise<string> {
  return toHex((await sha256(rawPublicKey)).slice(0, 8));
}

/**
 * Reads the organisation's key set (`public/keys.json`). An unusable entry is left out and
 * named in `problems`, so one typo does not stop every other key from verifying.
 */
export function parseKeySet(value: unknown): { keySet: KeySet; problems: string[] } {
  const file = keySetFileSchema.safeParse(value);
  if (!file.success) {
    return { keySet: { keys: [] }, problems: file.error.issues.map((issue) => issue.message) };
  }
  const keys: PublicKeyEntry[] = [];
  const problems: string[] = [];
  file.data.keys.forEach((entry, index) => {
    const parsed = publicKeyEntrySchema.safeParse(entry);
    if (parsed.success) keys.push(parsed.data);
    else problems.push(`khóa thứ ${index + 1}: ${parsed.error.issues[0]?.message ?? ''}`);
  });
  return { keySet: { keys }, problems };
}

/**
 * Whether a certificate dated `issuedOn` (YYYY-MM-DD) is refused because its key was revoked:
 * from `revokedAt` on when the key names a day, else for every certificate when `revoked` is true.
 */
export function revokedFor(key: PublicKeyEntry, issuedOn: string): boolean {
  if (key.revokedAt !== undefined) return issuedOn >= key.revokedAt;
  return key.revoked === true;
}
