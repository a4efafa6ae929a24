import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// argon2id with OWASP's minimum recommendation (Password Storage Cheat Sheet): m=19 MiB, t=2, p=1.
// The value 2 is Algorithm.Argon2id; the enum is a const enum that isolatedModules cannot read.
export const passwordHashParameters = {
  algorithm: 2 as Algorithm,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Returns a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`); runs on the libuv thread pool. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, passwordHashParameters);
}

/** False for a wrong password and for a malformed hash; never throws. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real verification so that an unknown username cannot be told
 * apart from a wrong password by response time.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(32).toString('base64'));
  await verifyPassword(await dummyHash, password);
  return false;
}
