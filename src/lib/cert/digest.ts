import type { Bytes } from './encoding.ts';

/** SHA-256 of some bytes. The browser passes `webSha256`; the CLI passes node:crypto's (node-crypto.ts). */
export type Sha256 = (data: Bytes) => Promise<Bytes>;

/**
 * WebCrypto where the page has it. Browsers withhold it on plain http (a training room's local
 * server), and an exam must still end with a submission: then the same digest in script.
 */
export const webSha256: Sha256 = async (data) =>
  globalThis.crypto?.subtle
    ? new Uint8Array(await crypto.subtle.digest('SHA-256', data))
    : (await import('./sha256.ts')).sha256(data);
