import { z } from './zod.ts';

/*
 * The organisation's signing keys (`public/keys.json`), read by `camnang cert` and by /xac-minh/
 * in the browser. This file does not import common.ts: its Vietnamese locale would ship to the
 * verification page, so every message here is written out.
 */

/** A real calendar day, YYYY-MM-DD. */
export const keyDate = (field: string) =>
  z.string({ error: `${field} phải là ngày dạng NNNN-TT-NN` }).refine((text) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : null;
    return day !== null && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(text);
  }, `${field} phải là ngày dạng NNNN-TT-NN`);

/** One signing key the organisation publishes. */
export const publicKeyEntrySchema = z
  .strictObject(
    {
      /** First 8 bytes of SHA-256 of the raw public key, in hex: derived, so it cannot be mislabelled. */
      id: z.string().regex(/^[0-9a-f]{16}$/, 'id phải là 16 chữ số thập lục phân'),
      /** Who signs with it, shown on every certificate it verifies, e.g. "Ủy ban Kiểm tra Tỉnh ủy X". */
      label: z
        .string({ error: 'thiếu label (tên đơn vị ký)' })
        .refine((text) => text.trim() !== '', 'thiếu label (tên đơn vị ký)'),
      algorithm: z.literal('Ed25519', 'algorithm phải là "Ed25519"'),
      // 43 base64url characters are 258 bits: the last two must be zero for exactly 32 bytes.
      /** The 32-byte raw public key, base64url. */
      publicKey: z
        .string({ error: 'publicKey phải là khóa công khai Ed25519 32 byte, mã hóa base64url' })
        .regex(
          /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/,
          'publicKey phải là khóa công khai Ed25519 32 byte, mã hóa base64url',
        ),
      /** Certificates dated earlier are refused. */
      validFrom: keyDate('validFrom'),
      /** True without `revokedAt`: every certificate it signed is refused. */
      revoked: z.boolean({ error: 'revoked phải là true hoặc false' }).optional(),
      /** Certificates dated this day or later are refused; earlier ones still verify. */
      revokedAt: keyDate('revokedAt').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `trường không được hỗ trợ: ${issue.keys.join(', ')}`
          : 'mỗi khóa là một đối tượng',
    },
  )
  .refine(
    (entry) => !(entry.revoked === false && entry.revokedAt !== undefined),
    'revoked: false mâu thuẫn với revokedAt; bỏ một trong hai',
  );
export type PublicKeyEntry = z.infer<typeof publicKeyEntrySchema>;

/** The file as a whole; each entry is checked on its own, so one typo does not stop the others. */
const KEY_SET_SHAPE = 'tệp khóa phải có dạng { "keys": [ … ] }';
export const keySetFileSchema = z.object(
  { keys: z.array(z.unknown(), { error: KEY_SET_SHAPE }) },
  { error: KEY_SET_SHAPE },
);

export interface KeySet {
  keys: PublicKeyEntry[];
}
