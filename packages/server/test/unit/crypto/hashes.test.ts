import { createHmac } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { constantTimeEqual, hmacSha256Hex, opaqueToken, secretHash, sha256Hex } from '../../../src/crypto/hashes.js';

describe('hashes', () => {
  it('sha256Hex hashes utf8 text', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('opaqueToken is base64url of the requested byte count', () => {
    expect(opaqueToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(opaqueToken(16), 'base64url')).toHaveLength(16);
    expect(opaqueToken()).not.toBe(opaqueToken());
  });

  it('constantTimeEqual compares exactly', () => {
    expect(constantTimeEqual('secret', 'secret')).toBe(true);
    expect(constantTimeEqual('secret', 'secreT')).toBe(false);
    expect(constantTimeEqual('secret', 'secret1')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
  });

  it('secretHash is Base64(HMAC-SHA256(client secret, username + client id))', () => {
    const expected = createHmac('sha256', 'shh').update('alice' + 'client123').digest('base64');
    expect(secretHash('shh', 'alice', 'client123')).toBe(expected);
  });

  it('hmacSha256Hex matches RFC 4231 test case 2', () => {
    expect(hmacSha256Hex(Buffer.from('Jefe'), 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});
