import { concat, fromBase64, fromHex, randomBytes, toBase64, toHex, utf8 } from './encoding.js';
import { hashHex, hmac, sha256 } from './hash.js';
import { N, fromHexInt, g, mod, modPow, padHex } from './math.js';

// SRP-6a exactly as Cognito and its JS clients compute it: reference §3.3.

let kPromise: Promise<bigint> | undefined;
/** k = H(padHex(N) ‖ padHex(g)), computed once. */
const multiplier = () => (kPromise ??= hashHex(padHex(N) + padHex(g)).then((h) => fromHexInt(toHex(h))));

export interface SrpSecret {
  a: bigint;
  A: bigint;
}

/** The client's ephemeral pair: a from 128 random bytes, A = g^a mod N (never 0 mod N). */
export function createSrpSecret(a = fromHexInt(toHex(randomBytes(128)))): SrpSecret {
  const A = modPow(g, a, N);
  if (A % N === 0n) throw new Error('Illegal parameter. A mod N cannot be 0.');
  return { a, A };
}

/** x = H(padHex(salt) ‖ H(poolName ‖ username ‖ ":" ‖ password)); salt as the hex the server sent. */
export async function privateKey(saltHex: string, poolName: string, username: string, password: string): Promise<bigint> {
  const inner = toHex(await sha256(utf8(`${poolName}${username}:${password}`)));
  return fromHexInt(toHex(await hashHex(padHex(fromHexInt(saltHex)) + inner)));
}

export interface PasswordClaimInput {
  secret: SrpSecret;
  /** USER_ID_FOR_SRP, or the device key for device SRP. */
  username: string;
  password: string;
  /** The pool name, or the device group key for device SRP. */
  poolName: string;
  /** SRP_B, SALT and SECRET_BLOCK from the challenge. */
  B: string;
  salt: string;
  secretBlock: string;
  timestamp: string;
}

/** The session key K (16 bytes, Cognito's single HKDF block) and PASSWORD_CLAIM_SIGNATURE. */
export async function passwordClaim(input: PasswordClaimInput): Promise<{ key: Uint8Array; signature: string }> {
  const { secret, poolName, username } = input;
  const B = fromHexInt(input.B);
  if (B % N === 0n) throw new Error('B cannot be zero.');
  const u = fromHexInt(toHex(await hashHex(padHex(secret.A) + padHex(B))));
  if (u === 0n) throw new Error('U cannot be zero.');
  const x = await privateKey(input.salt, poolName, username, input.password);
  const k = await multiplier();
  const S = modPow(mod(B - k * modPow(g, x, N), N), secret.a + u * x, N);
  const prk = await hmac(fromHex(padHex(u)), fromHex(padHex(S)));
  const key = (await hmac(prk, concat(utf8('Caldera Derived Key'), Uint8Array.of(1)))).slice(0, 16);
  const message = concat(utf8(poolName), utf8(username), fromBase64(input.secretBlock), utf8(input.timestamp));
  return { key, signature: toBase64(await hmac(key, message)) };
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/** TIMESTAMP as Cognito demands it (reference §3.5): `Tue Sep 7 01:02:03 UTC 2021`, day not padded. */
export function srpTimestamp(ms: number): string {
  const d = new Date(ms);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${time} UTC ${d.getUTCFullYear()}`;
}

/** What ConfirmDevice registers (reference §3.7): a random password and its SRP verifier. */
export async function createDeviceVerifier(deviceGroupKey: string, deviceKey: string) {
  const randomPassword = toBase64(randomBytes(40));
  const salt = padHex(fromHexInt(toHex(randomBytes(16))));
  const x = await privateKey(salt, deviceGroupKey, deviceKey, randomPassword);
  return {
    randomPassword,
    config: { Salt: toBase64(fromHex(salt)), PasswordVerifier: toBase64(fromHex(padHex(modPow(g, x, N)))) },
  };
}
