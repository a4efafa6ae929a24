import { createHmac } from 'node:crypto';
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
// amazon-cognito-identity-js ships its BigInteger without types; only `new BigInteger(hex, 16)` is used.
// @ts-expect-error untyped module path
import BigIntegerModule from 'amazon-cognito-identity-js/lib/BigInteger.js';

const BigInteger = (BigIntegerModule as { default?: unknown }).default ?? BigIntegerModule;

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Cognito's TIMESTAMP: `Tue Sep 7 01:02:03 UTC 2021`, day of month not padded. */
export function srpTimestamp(ms: number, padDay = false): string {
  const d = new Date(ms);
  const day = padDay ? pad(d.getUTCDate()) : String(d.getUTCDate());
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/**
 * The client half of SRP, computed by amazon-cognito-identity-js's own helper, so SDK-driven tests
 * exercise the server with exactly the math the official clients use.
 */
export async function srpClient(poolId: string) {
  const helper = new AuthenticationHelper(poolId.split('_')[1]!);
  const A: { toString(radix: number): string } = await new Promise((resolve, reject) =>
    (helper as unknown as { getLargeAValue(cb: (e: unknown, a: { toString(r: number): string }) => void): void }).getLargeAValue((e, a) => (e ? reject(e) : resolve(a))),
  );
  return {
    SRP_A: A.toString(16),
    async answer(params: Record<string, string>, password: string, timestamp: string) {
      const key: Buffer = await new Promise((resolve, reject) =>
        (helper as unknown as { getPasswordAuthenticationKey(u: string, p: string, B: unknown, s: unknown, cb: (e: unknown, k: Buffer) => void): void }).getPasswordAuthenticationKey(
          params.USER_ID_FOR_SRP!,
          password,
          new (BigInteger as new (v: string, r: number) => unknown)(params.SRP_B!, 16),
          new (BigInteger as new (v: string, r: number) => unknown)(params.SALT!, 16),
          (e, k) => (e ? reject(e) : resolve(Buffer.from(k))),
        ),
      );
      const message = Buffer.concat([
        Buffer.from(poolId.split('_')[1]!, 'utf8'),
        Buffer.from(params.USER_ID_FOR_SRP!, 'utf8'),
        Buffer.from(params.SECRET_BLOCK!, 'base64'),
        Buffer.from(timestamp, 'utf8'),
      ]);
      return {
        USERNAME: params.USER_ID_FOR_SRP!,
        PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK!,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: createHmac('sha256', key).update(message).digest('base64'),
      };
    },
  };
}
