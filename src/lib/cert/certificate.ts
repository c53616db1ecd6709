import type { CertificateFile, CertificatePayload } from '../../schemas/cert.ts';
import type { KeySet, PublicKeyEntry } from '../../schemas/key-set.ts';
import { canonicalJson } from './canonical.ts';
import { webSha256, type Sha256 } from './digest.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { fromUtf8, utf8, type Bytes } from './encoding.ts';
import { keyIdOf, revokedFor } from './key-set.ts';
import { MAX_CERTIFICATE_LENGTH } from './verify-input.ts';

/** The bytes a certificate's signature covers. */
const signedBytes = (payload: CertificatePayload): Bytes => utf8(canonicalJson(payload));

/** Signs a payload; `sign` is Ed25519 with the trainer's private key (node-crypto.ts). */
export async function signCertificate(
  payload: CertificatePayload,
  sign: (bytes: Bytes) => Promise<Uint8Array>,
): Promise<CertificateFile> {
  return { payload, signature: toBase64Url(await sign(signedBytes(payload))) };
}

/**
 * The certificate as one line of text: base64url of the signed bytes, a dot, base64url of the
 * signature. It is what /xac-minh/ accepts pasted, or after `#` in its address.
 */
export const certificateCode = (certificate: CertificateFile): string =>
  `${toBase64Url(signedBytes(certificate.payload))}.${certificate.signature}`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';
const number = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** Why a decoded payload is not a certificate this site issues; null when it is one. */
function payloadProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return 'nội dung không phải một đối tượng';
  const p = value as Record<string, unknown>;
  const exam = p['exam'] as Record<string, unknown> | undefined;
  const checks: [boolean, string][] = [
    [
      p['format'] === 'camnang-certificate' && p['formatVersion'] === 1,
      'không phải chứng chỉ của Cẩm nang Kiểm tra',
    ],
    [text(p['learner']), 'thiếu tên người học'],
    [
      typeof exam === 'object' &&
        exam !== null &&
        text(exam['id']) &&
        text(exam['title']) &&
        Number.isInteger(exam['version']),
      'thiếu thông tin bài thi',
    ],
    [
      number(p['score']) && number(p['max']) && number(p['percentage']) && number(p['passMark']),
      'thiếu điểm',
    ],
    [typeof p['passedOn'] === 'string' && DATE.test(p['passedOn']), 'thiếu ngày đạt'],
    [typeof p['issuedOn'] === 'string' && DATE.test(p['issuedOn']), 'thiếu ngày cấp'],
    [text(p['issuer']), 'thiếu đơn vị cấp'],
    [typeof p['keyId'] === 'string' && /^[0-9a-f]{16}$/.test(p['keyId']), 'thiếu mã khóa ký'],
    [text(p['submissionCode']), 'thiếu mã bài làm'],
  ];
  return checks.find(([ok]) => !ok)?.[1] ?? null;
}

interface Decoded {
  payload: CertificatePayload;
  bytes: Bytes;
  signature: Bytes;
}

/** A certificate from what a person pastes or picks: its code, a /xac-minh/ address ending in #code, or the JSON file. */
export function readCertificate(input: string): Decoded | { problem: string } {
  if (input.length > MAX_CERTIFICATE_LENGTH) return { problem: 'quá dài để là một chứng chỉ' };
  const trimmed = input.trim().replace(/^\uFEFF/, '');
  if (trimmed.startsWith('{')) {
    let file: Partial<CertificateFile>;
    try {
      file = JSON.parse(trimmed) as Partial<CertificateFile>;
    } catch {
      return { problem: 'tệp không phải JSON hợp lệ' };
    }
    const problem = payloadProblem(file.payload);
    if (problem) return { problem };
    const signature = typeof file.signature === 'string' ? fromBase64Url(file.signature) : null;
    if (signature?.length !== 64) return { problem: 'chữ ký không đọc được' };
    const payload = file.payload as CertificatePayload;
    return { payload, bytes: signedBytes(payload), signature };
  }
  const code = trimmed.slice(trimmed.lastIndexOf('#') + 1).replace(/\s+/g, '');
  const [encoded = '', encodedSignature = '', ...rest] = code.split('.');
  const bytes = fromBase64Url(encoded);
  const signature = fromBase64Url(encodedSignature);
  if (!bytes || !bytes.length || signature?.length !== 64 || rest.length) {
    return { problem: 'mã bị thiếu hoặc thừa ký tự' };
  }
  let payload: unknown;
  try {
    payload = JSON.parse(fromUtf8(bytes));
  } catch {
    return { problem: 'nội dung mã bị hỏng' };
  }
  const problem = payloadProblem(payload);
  if (problem) return { problem };
  // One certificate has exactly one code: a re-spaced or re-ordered payload is not accepted.
  if (canonicalJson(payload) !== fromUtf8(bytes)) return { problem: 'mã không ở dạng chuẩn' };
  return { payload: payload as CertificatePayload, bytes, signature };
}

export type Verification =
  | { status: 'valid'; payload: CertificatePayload; key: PublicKeyEntry }
  /** Not a readable certificate at all. */
  | { status: 'malformed'; problem: string }
  /** Signed with a key the organisation does not publish. */
  | { status: 'unknown-key'; payload: CertificatePayload }
  /** The signature does not match the content: changed after signing, or forged. */
  | { status: 'tampered'; payload: CertificatePayload; key: PublicKeyEntry }
  /** Dated on or after the day its key was revoked, or signed by a key revoked outright. */
  | { status: 'revoked'; payload: CertificatePayload; key: PublicKeyEntry }
  /** Dated before the key came into use. */
  | { status: 'not-yet-valid'; payload: CertificatePayload; key: PublicKeyEntry };

/**
 * Verifies a certificate against the published key set with WebCrypto Ed25519, the same in
 * the browser and in Node. The signature is checked before revocation, so a changed
 * certificate is always reported as changed.
 */
export async function verifyCertificate(
  input: string,
  keySet: KeySet,
  sha256: Sha256 = webSha256,
): Promise<Verification> {
  const decoded = readCertificate(input);
  if ('problem' in decoded) return { status: 'malformed', problem: decoded.problem };
  const { payload, bytes, signature } = decoded;
  const key = keySet.keys.find((entry) => entry.id === payload.keyId);
  const raw = key && fromBase64Url(key.publicKey);
  // An entry whose id is not derived from its key is treated as absent, not trusted.
  if (!key || !raw || (await keyIdOf(raw, sha256)) !== key.id)
    return { status: 'unknown-key', payload };
  const publicKey = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, [
    'verify',
  ]);
  const valid = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, signature, bytes);
  if (!valid) return { status: 'tampered', payload, key };
  if (revokedFor(key, payload.issuedOn)) return { status: 'revoked', payload, key };
  if (payload.issuedOn < key.validFrom) return { status: 'not-yet-valid', payload, key };
  return { status: 'valid', payload, key };
}
