import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { urlProblem } from '../identitypool/issuer-url.js';
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
  /** Where identity pools ask the public login providers about tokens; the real providers when absent. */
  loginProviders?: LoginProviderSettings | undefined;
  /** COGNATE_HOOK_TIMEOUT_MS: how long a hook (a trigger's URL) may take to answer; `defaultHookTimeoutMs` when absent. */
  hookTimeoutMs?: number | undefined;
}

/** Cognito gives a trigger's Lambda 5 seconds. */
export const defaultHookTimeoutMs = 5000;

/** The public login providers of identity pools' SupportedLoginProviders, as this server reaches them. */
export interface LoginProviderSettings {
  /** COGNATE_FACEBOOK_GRAPH_URL: the Graph API, asked `/me` and `/app` with the user's access token (a version path may follow the host). */
  facebookGraphUrl: string;
  /** COGNATE_AMAZON_API_URL: Login with Amazon's API, asked `/auth/o2/tokeninfo`. */
  amazonApiUrl: string;
  /** COGNATE_GOOGLE_ISSUER_URL: where Google's discovery document and keys are fetched; tokens still name Google's issuer. */
  googleIssuerUrl: string;
  /** COGNATE_APPLE_ISSUER_URL: likewise for Sign in with Apple. */
  appleIssuerUrl: string;
  /** COGNATE_LOGIN_PROVIDER_TIMEOUT_MS: how long a token inspection, or an OpenID provider's discovery or key fetch, may take. */
  timeoutMs: number;
}

export const defaultLoginProviders: LoginProviderSettings = {
  facebookGraphUrl: 'https://graph.facebook.com',
  amazonApiUrl: 'https://api.amazon.com',
  googleIssuerUrl: 'https://accounts.google.com',
  appleIssuerUrl: 'https://appleid.apple.com',
  timeoutMs: 5000,
};

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
    loginProviders: loginProvidersFromEnv(env),
    hookTimeoutMs: millisecondsFromEnv(env, 'COGNATE_HOOK_TIMEOUT_MS', defaultHookTimeoutMs),
  };
}

function millisecondsFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  const ms = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isInteger(ms) || ms < 1 || ms > 60_000) throw new Error(`${name} must be a number of milliseconds from 1 to 60000, not "${text}"`);
  return ms;
}

function loginProvidersFromEnv(env: NodeJS.ProcessEnv): LoginProviderSettings {
  const url = (name: string, fallback: string): string => {
    const value = env[name] || fallback;
    const problem = urlProblem(value);
    if (problem) throw new Error(`${name} ${problem}, not "${value}"`);
    return value.replace(/\/+$/, '');
  };
  const timeoutMs = millisecondsFromEnv(env, 'COGNATE_LOGIN_PROVIDER_TIMEOUT_MS', defaultLoginProviders.timeoutMs);
  return {
    facebookGraphUrl: url('COGNATE_FACEBOOK_GRAPH_URL', defaultLoginProviders.facebookGraphUrl),
    amazonApiUrl: url('COGNATE_AMAZON_API_URL', defaultLoginProviders.amazonApiUrl),
    googleIssuerUrl: url('COGNATE_GOOGLE_ISSUER_URL', defaultLoginProviders.googleIssuerUrl),
    appleIssuerUrl: url('COGNATE_APPLE_ISSUER_URL', defaultLoginProviders.appleIssuerUrl),
    timeoutMs,
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
