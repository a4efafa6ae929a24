// A real Cognate server on loopback for the library's tests: codes arrive by SMTP (email) and by
// the SMS webhook, and server and library share one clock the test moves by hand.
import { randomUUID } from 'node:crypto';
import type { ConfigFile } from '../../../server/src/config/schema.js';
import type { LoginProviderSettings } from '../../../server/src/config/settings.js';
import type { Operation } from '../../../server/src/protocol/operation.js';
import type { RunningServer } from '../../../server/src/server.js';
import type { TestDialect } from '../../../server/test/support/databases.js';
import { ManualClock, startTestServer } from '../../../server/test/support/server.js';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from '../../../server/test/support/smtp-receiver.js';
import { startWebhookReceiver, type ReceivedSms, type WebhookReceiver } from '../../../server/test/support/webhook-receiver.js';
import { createAuth, createMemoryStorage, type AuthOptions } from '../../src/index.js';

export const password = 'Correct-Horse-9';
const flows = ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'];
const emailPool = { UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'] } as const;

/** Pools and clients by what they test; ids pinned so tests can name them. */
export const testConfig: ConfigFile = {
  UserPools: [
    {
      Id: 'us-east-1_AuthLib1',
      PoolName: 'auth-lib',
      ...emailPool,
      Schema: [{ Name: 'team', AttributeDataType: 'String', Mutable: true }],
      Clients: [
        { ClientId: 'authlibclient1', ClientName: 'app', ExplicitAuthFlows: flows },
        { ClientId: 'authlibrotate1', ClientName: 'rotating', ExplicitAuthFlows: flows, RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } },
      ],
    },
    {
      Id: 'us-east-1_AuthMfa1',
      PoolName: 'auth-mfa-optional',
      ...emailPool,
      MfaConfiguration: 'OPTIONAL',
      SmsMfaConfiguration: {},
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: {},
      Clients: [{ ClientId: 'authmfaclient1', ClientName: 'app', ExplicitAuthFlows: flows }],
    },
    {
      Id: 'us-east-1_AuthMfaOn1',
      PoolName: 'auth-mfa-required',
      ...emailPool,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      EmailMfaConfiguration: {},
      Clients: [{ ClientId: 'authmfaonclient1', ClientName: 'app', ExplicitAuthFlows: flows }],
    },
    {
      Id: 'us-east-1_AuthTotpOn1',
      PoolName: 'auth-totp-required',
      ...emailPool,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      Clients: [{ ClientId: 'authtotponclient1', ClientName: 'app', ExplicitAuthFlows: flows }],
    },
    {
      Id: 'us-east-1_AuthDevices1',
      PoolName: 'auth-devices',
      ...emailPool,
      MfaConfiguration: 'OPTIONAL',
      SoftwareTokenMfaConfiguration: { Enabled: true },
      DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
      Clients: [{ ClientId: 'authdevclient1', ClientName: 'app', ExplicitAuthFlows: flows }],
    },
    {
      Id: 'us-east-1_AuthNames1',
      PoolName: 'auth-usernames',
      AliasAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Schema: [{ Name: 'name', Required: true, Mutable: true }],
      Clients: [{ ClientId: 'authnamesclient1', ClientName: 'app', ExplicitAuthFlows: flows }],
    },
  ] as ConfigFile['UserPools'],
};

export interface Cognate {
  server: RunningServer;
  clock: ManualClock;
  smtp: SmtpReceiver;
  sms: WebhookReceiver;
  /** An instance of the library on `poolId` / `clientId`, with its own memory storage and the test clock. */
  auth(clientId?: string, options?: AuthOptions): ReturnType<typeof createAuth>;
  /** The Amplify v6 config for a client of this server. */
  configFor(clientId?: string): { Auth: { Cognito: { userPoolId: string; userPoolClientId: string; userPoolEndpoint: string } } };
  /** The 6-digit code in the next mail to `address` no test has read yet. */
  emailCode(address: string): Promise<string>;
  /** The 6-digit code in the next SMS to `phone` no test has read yet. */
  smsCode(phone: string): Promise<string>;
  close(): Promise<void>;
}

const poolOf = (clientId: string) => testConfig.UserPools!.find((pool) => pool.Clients!.some((c) => c.ClientId === clientId))!.Id!;

export async function startCognate(
  dialect: TestDialect = 'sqlite',
  {
    clockStartMs = Date.UTC(2026, 10, 22, 12, 0, 0),
    config = testConfig,
    ...options
  }: { extraOperations?: Record<string, Operation>; clockStartMs?: number; config?: ConfigFile; loginProviders?: LoginProviderSettings } = {},
): Promise<Cognate> {
  const clock = new ManualClock(clockStartMs);
  const smtp = await startSmtpReceiver();
  const sms = await startWebhookReceiver();
  const server = await startTestServer(dialect, { config, clock, smtpUrl: smtp.url, smsWebhookUrl: sms.url, ...options });
  const takenMail = new Set<ReceivedMail>();
  const takenSms = new Set<ReceivedSms>();
  const codeIn = (text: string) => {
    const match = /\b(\d{6})\b/.exec(text);
    if (!match) throw new Error(`no code in: ${text}`);
    return match[1]!;
  };
  const configFor = (clientId = 'authlibclient1') => ({ Auth: { Cognito: { userPoolId: poolOf(clientId), userPoolClientId: clientId, userPoolEndpoint: server.url } } });
  return {
    server,
    clock,
    smtp,
    sms,
    configFor,
    auth: (clientId, options = {}) => createAuth(configFor(clientId), { storage: createMemoryStorage(), now: () => clock.now(), ...options }),
    async emailCode(address) {
      const mail = await smtp.waitFor((m) => m.to.includes(address) && !takenMail.has(m));
      takenMail.add(mail);
      return codeIn(mail.text);
    },
    async smsCode(phone) {
      const message = await sms.waitFor((m) => m.to === phone && !takenSms.has(m));
      takenSms.add(message);
      return codeIn(message.message);
    },
    async close() {
      await server.close();
      await smtp.close();
      await sms.close();
    },
  };
}

/** A fresh address per test: users never collide between tests or dialects. */
export const newEmail = (label = 'user') => `${label}-${randomUUID().slice(0, 8)}@example.com`;

export const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export { ManualClock };
