import { describe, it, expect } from 'vitest';
import { hashPassword, passwordHashParameters, verifyAgainstDummy, verifyPassword } from '../../../src/crypto/password.js';

describe('password hashing', () => {
  it('produces argon2id with the OWASP parameters and verifies', async () => {
    const hash = await hashPassword('Passw0rd!');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(passwordHashParameters.memoryCost).toBe(19456);
    expect(await verifyPassword(hash, 'Passw0rd!')).toBe(true);
    expect(await verifyPassword(hash, 'passw0rd!')).toBe(false);
  });

  it('returns false for malformed hashes instead of throwing', async () => {
    expect(await verifyPassword('', 'x')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$AAAA$BBBB', 'x')).toBe(false);
  });

  it('verifyAgainstDummy always fails', async () => {
    expect(await verifyAgainstDummy('anything')).toBe(false);
    expect(await verifyAgainstDummy('anything')).toBe(false);
  });
});
