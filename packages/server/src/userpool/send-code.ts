import { defaultTemplates, maskEmail, maskPhone, renderTemplate } from '../delivery/templates.js';
import type { User } from '../store/users.js';
import type { Context } from './context.js';
import type { UserPoolSettings, VerifiedAttribute } from './pool.js';

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  AttributeName: VerifiedAttribute;
}

/** Sends a verification code to the user's email or phone with the pool's templates. */
export async function sendVerificationCode(
  context: Context,
  pool: UserPoolSettings,
  user: Pick<User, 'username'>,
  attribute: VerifiedAttribute,
  destination: string,
  code: string,
): Promise<CodeDeliveryDetails> {
  const template = pool.VerificationMessageTemplate;
  if (attribute === 'email') {
    await context.delivery.send({
      poolId: pool.Id,
      channel: 'EMAIL',
      to: destination,
      subject: template?.EmailSubject ?? defaultTemplates.emailVerificationSubject,
      body: renderTemplate(template?.EmailMessage ?? defaultTemplates.emailVerificationMessage, { code, username: user.username }),
      code,
    });
    return { Destination: maskEmail(destination), DeliveryMedium: 'EMAIL', AttributeName: 'email' };
  }
  await context.delivery.send({
    poolId: pool.Id,
    channel: 'SMS',
    to: destination,
    body: renderTemplate(template?.SmsMessage ?? defaultTemplates.smsVerificationMessage, { code, username: user.username }),
    code,
  });
  return { Destination: maskPhone(destination), DeliveryMedium: 'SMS', AttributeName: 'phone_number' };
}

/** Which attribute a sign-up code goes to: the pool's auto-verified attributes, phone first as Cognito does. */
export function signUpCodeTarget(pool: UserPoolSettings, attributes: Record<string, string>): { attribute: VerifiedAttribute; destination: string } | undefined {
  const auto = pool.AutoVerifiedAttributes ?? [];
  if (auto.includes('phone_number') && attributes.phone_number) return { attribute: 'phone_number', destination: attributes.phone_number };
  if (auto.includes('email') && attributes.email) return { attribute: 'email', destination: attributes.email };
  return undefined;
}
