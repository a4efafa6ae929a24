import { createHmac } from 'node:crypto';
import { AuthenticationHelper } from 'amazon-cognito-identity-js';
// amazon-cognito-identity-js ships its BigInteger without types; only `new BigInteger(hex, 16)` is used.
// @ts-expect-error untyped module path
import BigIntegerModule from 'amazon-cognito-identity-js/lib/BigInteger.js';

const BigInteger = (BigIntegerModule as { default?: unknown }).default ?? BigIntegerModule;
const bigHex = (hex: string) => new (BigInteger as new (v: string, r: number) => unknown)(hex, 16);

interface DeviceHelper {
  generateHashDevice(deviceGroupKey: string, username: string, cb: (e: unknown) => void): void;
  getSaltDevices(): string;
  getVerifierDevices(): string;
  getRandomPassword(): string;
  getLargeAValue(cb: (e: unknown, a: { toString(r: number): string }) => void): void;
  getPasswordAuthenticationKey(u: string, p: string, B: unknown, s: unknown, cb: (e: unknown, k: Buffer) => void): void;
}

/** What a client keeps of a device it confirmed, as Amplify and amazon-cognito-identity-js keep it. */
export interface RememberedDevice {
  deviceKey: string;
  deviceGroupKey: string;
  randomPassword: string;
}

/**
 * The device's verifier for ConfirmDevice, computed by amazon-cognito-identity-js's own helper, and
 * the random password the client keeps to prove the device later.
 */
export async function deviceVerifier(metadata: { DeviceKey: string; DeviceGroupKey: string }) {
  const helper = new AuthenticationHelper(metadata.DeviceGroupKey) as unknown as DeviceHelper;
  await new Promise<void>((resolve, reject) => helper.generateHashDevice(metadata.DeviceGroupKey, metadata.DeviceKey, (e) => (e ? reject(e) : resolve())));
  return {
    DeviceSecretVerifierConfig: {
      PasswordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
      Salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
    },
    device: { deviceKey: metadata.DeviceKey, deviceGroupKey: metadata.DeviceGroupKey, randomPassword: helper.getRandomPassword() } satisfies RememberedDevice,
  };
}

/** The client half of device SRP: SRP_A for DEVICE_SRP_AUTH, then the DEVICE_PASSWORD_VERIFIER answer. */
export async function deviceSrpClient(device: RememberedDevice) {
  const helper = new AuthenticationHelper(device.deviceGroupKey) as unknown as DeviceHelper;
  const A = await new Promise<{ toString(r: number): string }>((resolve, reject) => helper.getLargeAValue((e, a) => (e ? reject(e) : resolve(a))));
  return {
    SRP_A: A.toString(16),
    async answer(params: Record<string, string>, timestamp: string, randomPassword = device.randomPassword) {
      const key: Buffer = await new Promise((resolve, reject) =>
        helper.getPasswordAuthenticationKey(device.deviceKey, randomPassword, bigHex(params.SRP_B!), bigHex(params.SALT!), (e, k) => (e ? reject(e) : resolve(Buffer.from(k)))),
      );
      const message = Buffer.concat([
        Buffer.from(device.deviceGroupKey, 'utf8'),
        Buffer.from(device.deviceKey, 'utf8'),
        Buffer.from(params.SECRET_BLOCK!, 'base64'),
        Buffer.from(timestamp, 'utf8'),
      ]);
      return {
        PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK!,
        TIMESTAMP: timestamp,
        PASSWORD_CLAIM_SIGNATURE: createHmac('sha256', key).update(message).digest('base64'),
        DEVICE_KEY: device.deviceKey,
      };
    },
  };
}
