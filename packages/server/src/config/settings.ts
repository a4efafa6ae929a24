import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { adminCredentialSchema, type AdminCredential } from './schema.js';

/** How the process runs: everything the environment decides, read in one place. */
export interface ServerSettings {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  dataDir: string;
  databaseUrl?: string | undefined;
  configPath?: string | undefined;
  /** Externally visible base URL; defaults to http://<host>:<port>. */
  publicUrl?: string | undefined;
  masterKey?: string | undefined;
  smtpUrl?: string | undefined;
  smtpFrom: string;
  smsWebhookUrl?: string | undefined;
  region: string;
  /** A key for admin (SigV4) operations, accepted next to the config file's AdminCredentials. */
  adminCredential?: AdminCredential | undefined;
}

export const defaultPort = 9245;

export function settingsFromEnv(env: NodeJS.ProcessEnv, cwd = process.cwd()): ServerSettings {
  const port = env.PORT === undefined || env.PORT === '' ? defaultPort : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  const defaultConfig = resolve(cwd, 'cognate.config.json');
  const publicUrl = env.COGNATE_PUBLIC_URL?.replace(/\/+$/, '');
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+(\/.*)?$/.test(publicUrl)) throw new Error(`COGNATE_PUBLIC_URL must be an http(s) URL, not "${publicUrl}"`);
  return {
    host: env.HOST || '127.0.0.1',
    port,
    dataDir: resolve(cwd, env.COGNATE_DATA_DIR || '.cognate'),
    databaseUrl: env.DATABASE_URL || undefined,
    configPath: env.COGNATE_CONFIG ? resolve(cwd, env.COGNATE_CONFIG) : existsSync(defaultConfig) ? defaultConfig : undefined,
    publicUrl: publicUrl || undefined,
    masterKey: env.COGNATE_MASTER_KEY || undefined,
    smtpUrl: env.COGNATE_SMTP_URL || undefined,
    smtpFrom: env.COGNATE_SMTP_FROM || 'Cognate <no-reply@cognate.localhost>',
    smsWebhookUrl: env.COGNATE_SMS_WEBHOOK_URL || undefined,
    region: env.COGNATE_REGION || 'us-east-1',
    adminCredential: adminCredentialFromEnv(env),
  };
}

function adminCredentialFromEnv(env: NodeJS.ProcessEnv): AdminCredential | undefined {
  const AccessKeyId = env.COGNATE_ADMIN_ACCESS_KEY_ID || undefined;
  const SecretAccessKey = env.COGNATE_ADMIN_SECRET_ACCESS_KEY || undefined;
  if (AccessKeyId === undefined && SecretAccessKey === undefined) return undefined;
  if (AccessKeyId === undefined || SecretAccessKey === undefined) {
    throw new Error('COGNATE_ADMIN_ACCESS_KEY_ID and COGNATE_ADMIN_SECRET_ACCESS_KEY must be set together');
  }
  if (!adminCredentialSchema.shape.AccessKeyId.safeParse(AccessKeyId).success) {
    throw new Error(`COGNATE_ADMIN_ACCESS_KEY_ID must be up to 128 letters, digits and underscores, not "${AccessKeyId}"`);
  }
  if (!adminCredentialSchema.shape.SecretAccessKey.safeParse(SecretAccessKey).success) {
    throw new Error('COGNATE_ADMIN_SECRET_ACCESS_KEY must be at most 128 characters');
  }
  return { AccessKeyId, SecretAccessKey };
}
