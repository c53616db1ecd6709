/** What a person hands /xac-minh/, before it is read as a certificate (certificate.ts). */

/**
 * Far more than any certificate needs (its code is under 1,000 characters, its file under
 * 2 KB): longer input is refused before it is read, and a large file before it is loaded.
 */
export const MAX_CERTIFICATE_LENGTH = 20_000;

/**
 * The code after `#` in a /xac-minh/ address, its percent-escapes decoded. A broken escape
 * ("#%", "#%E0%A4") is kept as written: no code contains "%", so verifying it then names the
 * problem, where decoding would throw and stop the page.
 */
export function codeFromHash(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
