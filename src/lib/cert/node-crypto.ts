import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { fromBase64Url } from './base64url.ts';
import type { Sha256 } from './digest.ts';
import type { Bytes } from './encoding.ts';
import { keyIdOf } from './key-set.ts';

/** The trainer's tools hash with node:crypto; the result equals the browser's WebCrypto digest. */
export const nodeSha256: Sha256 = async (data) =>
  new Uint8Array(createHash('sha256').update(data).digest());

/** A private key loaded for signing, with what identifies its public half. */
export interface SigningKey {
  keyId: string;
  /** Raw 32-byte public key, base64url, as published in public/keys.json. */
  publicKey: string;
  sign(bytes: Bytes): Promise<Uint8Array>;
}

async function signingKey(privateKey: KeyObject): Promise<SigningKey> {
  const publicKey = createPublicKey(privateKey).export({ format: 'jwk' }).x ?? '';
  return {
    keyId: await keyIdOf(fromBase64Url(publicKey) ?? new Uint8Array(), nodeSha256),
    publicKey,
    sign: async (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
  };
}

/** A new Ed25519 key pair; the private half as PKCS#8 PEM, for the trainer to keep offline. */
export async function generateSigningKey(): Promise<SigningKey & { privatePem: string }> {
  const { privateKey } = generateKeyPairSync('ed25519');
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return { ...(await signingKey(privateKey)), privatePem: pem };
}

/** Reads a private key file's text; throws with a reason a trainer can act on. */
export async function loadSigningKey(pem: string): Promise<SigningKey> {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(pem);
  } catch {
    throw new Error(
      'không đọc được khóa bí mật: tệp phải là khóa PEM do "camnang cert keygen" tạo',
    );
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `khóa bí mật phải là Ed25519 (tệp này là ${privateKey.asymmetricKeyType ?? 'không rõ'})`,
    );
  }
  return signingKey(privateKey);
}
