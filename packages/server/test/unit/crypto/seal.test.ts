import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it, expect } from 'vitest';
import { Sealer, loadOrCreateMasterKey } from '../../../src/crypto/seal.js';

const sealer = new Sealer(randomBytes(32));

function flipCharAt(text: string, index: number): string {
  const c = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + c + text.slice(index + 1);
}

describe('Sealer', () => {
  it('round-trips text and bytes in the v1 format', () => {
    const sealed = sealer.seal('JBSWY3DPEHPK3PXP', 'totp:user-1');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealer.openText(sealed, 'totp:user-1')).toBe('JBSWY3DPEHPK3PXP');
    const bytes = randomBytes(40);
    expect(sealer.open(sealer.seal(bytes, 'c'), 'c').equals(bytes)).toBe(true);
    expect(sealer.seal('same', 'c')).not.toBe(sealer.seal('same', 'c'));
  });

  it('detects tampering with the ciphertext, tag or IV', () => {
    const sealed = sealer.seal('secret value', 'ctx');
    const [, iv, body] = sealed.split('.') as [string, string, string];
    expect(() => sealer.open(`v1.${iv}.${flipCharAt(body, 0)}`, 'ctx')).toThrow(Error);
    expect(() => sealer.open(`v1.${iv}.${flipCharAt(body, body.length - 2)}`, 'ctx')).toThrow(Error);
    expect(() => sealer.open(`v1.${flipCharAt(iv, 0)}.${body}`, 'ctx')).toThrow(Error);
    expect(() => sealer.open(`v1.${iv}.${body.slice(0, 10)}`, 'ctx')).toThrow(Error);
    expect(() => sealer.open(`v2.${iv}.${body}`, 'ctx')).toThrow(Error);
    expect(() => sealer.open('garbage', 'ctx')).toThrow(Error);
  });

  it('binds the context and the key', () => {
    const sealed = sealer.seal('secret value', 'totp:user-1');
    expect(() => sealer.open(sealed, 'totp:user-2')).toThrow('failed authentication');
    expect(() => new Sealer(randomBytes(32)).open(sealed, 'totp:user-1')).toThrow('failed authentication');
    expect(() => new Sealer(randomBytes(16))).toThrow();
  });
});

describe('loadOrCreateMasterKey', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognate-seal-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the key file with mode 0600 and reuses it', () => {
    const file = join(dir, 'nested', 'master.key');
    const first = loadOrCreateMasterKey({ file });
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64').equals(first)).toBe(true);
    expect(loadOrCreateMasterKey({ file }).equals(first)).toBe(true);
  });

  it('prefers the environment value, as base64 or hex', () => {
    const key = randomBytes(32);
    const file = join(dir, 'unused.key');
    expect(loadOrCreateMasterKey({ envValue: key.toString('base64'), file }).equals(key)).toBe(true);
    expect(loadOrCreateMasterKey({ envValue: key.toString('hex'), file }).equals(key)).toBe(true);
    expect(() => statSync(file)).toThrow();
  });

  it('rejects keys that are not 32 bytes', () => {
    const file = join(dir, 'bad.key');
    expect(() => loadOrCreateMasterKey({ envValue: randomBytes(16).toString('base64'), file })).toThrow(
      'COGNATE_MASTER_KEY',
    );
    expect(() => loadOrCreateMasterKey({ envValue: 'not base64!', file })).toThrow('COGNATE_MASTER_KEY');
    writeFileSync(file, randomBytes(10).toString('base64'));
    expect(() => loadOrCreateMasterKey({ file })).toThrow(file);
  });
});
