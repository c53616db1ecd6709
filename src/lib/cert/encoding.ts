/** Byte encodings shared by submissions and certificates; the same code runs in Node and the browser. */

/** Typed as ArrayBuffer-backed, which is what WebCrypto accepts. */
export type Bytes = Uint8Array<ArrayBuffer>;

export const utf8 = (text: string): Bytes => new TextEncoder().encode(text);

/** Throws on bytes that are not UTF-8, rather than replacing them: a damaged code must fail. */
export const fromUtf8 = (bytes: Uint8Array): string =>
  new TextDecoder('utf-8', { fatal: true }).decode(bytes);

export const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export function fromHex(hex: string): Bytes | null {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

// Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not misheard.
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The first `length` base32 characters of `bytes`, grouped by five: "7KQ2M-9XD4P". */
export function shortCode(bytes: Uint8Array, length = 10): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      bits -= 5;
      out += CROCKFORD[(buffer >> bits) & 31];
    }
    if (out.length >= length) break;
  }
  return out.match(/.{1,5}/g)?.join('-') ?? '';
}

/** A code as typed by a person, back in canonical form: case, spaces and look-alike letters forgiven. */
export function normalizeShortCode(text: string): string {
  const plain = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return plain.match(/.{1,5}/g)?.join('-') ?? '';
}
