import { fromHex } from './encoding.js';

// WebCrypto: globalThis.crypto in browsers and in Node 20.
export const sha256 = async (data: Uint8Array) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as BufferSource));

export async function hmac(key: Uint8Array, data: Uint8Array): Promise<Uint8Array> {
  const cryptoKey = await crypto.subtle.importKey('raw', key as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, data as BufferSource));
}

/** SHA-256 of the bytes a hex string spells (how every SRP hash input is formed). */
export const hashHex = (hex: string) => sha256(fromHex(hex));
