import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const VERSION = 'v1';
const IV_BYTES = 12; // NIST SP 800-38D recommends 96-bit IVs for GCM
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * AES-256-GCM for secrets at rest. The context (e.g. `totp:<user id>`) is bound as additional
 * authenticated data, so a value sealed for one row or purpose does not open in another.
 */
export class Sealer {
  readonly #key: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== KEY_BYTES) throw new Error(`master key must be ${KEY_BYTES} bytes`);
    this.#key = Buffer.from(masterKey);
  }

  seal(plaintext: string | Buffer, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
  }

  /** A keyed, deterministic value for `context`: stable across restarts, unguessable without the key. */
  derive(context: string): Buffer {
    return createHmac('sha256', this.#key).update(`derive:${context}`, 'utf8').digest();
  }

  openText(sealed: string, context: string): string {
    return this.open(sealed, context).toString('utf8');
  }

  open(sealed: string, context: string): Buffer {
    const [version, ivText, bodyText, ...rest] = sealed.split('.');
    if (version !== VERSION || ivText === undefined || bodyText === undefined || rest.length > 0) {
      throw new Error('sealed value is malformed');
    }
    const iv = Buffer.from(ivText, 'base64url');
    const body = Buffer.from(bodyText, 'base64url');
    if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new Error('sealed value is malformed');
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new Error('sealed value failed authentication');
    }
  }
}

/**
 * The master key comes from COGNATE_MASTER_KEY (base64 or hex of 32 bytes) or from a key file,
 * created on first start with owner-only permissions.
 */
export function loadOrCreateMasterKey(input: { envValue?: string; file: string }): Buffer {
  const envValue = input.envValue?.trim();
  if (envValue) {
    const key = /^[0-9a-fA-F]{64}$/.test(envValue) ? Buffer.from(envValue, 'hex') : decodeBase64(envValue);
    if (key?.length !== KEY_BYTES) {
      throw new Error(`COGNATE_MASTER_KEY must be ${KEY_BYTES} bytes, written as base64 or hex`);
    }
    return key;
  }
  const existing = readKeyFile(input.file);
  if (existing) return existing;
  const key = randomBytes(KEY_BYTES);
  mkdirSync(dirname(input.file), { recursive: true });
  try {
    writeFileSync(input.file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // Another process created the file first; its write may still be in flight.
  for (let attempt = 0; attempt < 50; attempt++) {
    const theirs = readKeyFile(input.file);
    if (theirs) return theirs;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
  throw new Error(`master key file ${input.file} does not hold ${KEY_BYTES} base64 bytes`);
}

/** The key in the file, undefined when the file is missing or (still) empty. */
function readKeyFile(file: string): Buffer | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text === '') return undefined;
  const key = decodeBase64(text);
  if (key?.length !== KEY_BYTES) {
    throw new Error(`master key file ${file} does not hold ${KEY_BYTES} base64 bytes`);
  }
  return key;
}

function decodeBase64(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}
