import type { Random } from '../../clock.js';
import type { Channel } from '../../delivery/types.js';
import { defaultTemplates, renderTemplate } from '../../delivery/templates.js';
import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import type { PasswordPolicy, UserPoolSettings } from '../pool.js';

const inviteTemplateOf = (pool: UserPoolSettings) => pool.AdminCreateUserConfig?.InviteMessageTemplate;

/**
 * Sends the invitation with the temporary password by the desired mediums the user has an address
 * for (SMS when none is asked for, as Cognito). When the user has no address for any of them, the
 * invitation goes to the address the user does have, rather than nowhere.
 */
export async function sendInvitation(
  context: Context,
  pool: UserPoolSettings,
  user: Pick<User, 'attributes'>,
  shownUsername: string,
  temporaryPassword: string,
  desired: Channel[] | undefined,
): Promise<void> {
  const addressOf = (channel: Channel) => (channel === 'EMAIL' ? user.attributes.email : user.attributes.phone_number);
  const wanted = desired?.length ? desired : (['SMS'] as Channel[]);
  const reachable = wanted.filter((channel) => addressOf(channel));
  const channels = reachable.length > 0 ? reachable : (['EMAIL', 'SMS'] as Channel[]).filter((channel) => addressOf(channel)).slice(0, 1);
  const template = inviteTemplateOf(pool);
  const values = { code: temporaryPassword, username: shownUsername };
  for (const channel of new Set(channels)) {
    await context.delivery.send(
      channel === 'EMAIL'
        ? {
            poolId: pool.Id,
            channel,
            to: addressOf(channel)!,
            subject: template?.EmailSubject ?? defaultTemplates.invitationEmailSubject,
            body: renderTemplate(template?.EmailMessage ?? defaultTemplates.invitationEmailMessage, values),
          }
        : { poolId: pool.Id, channel, to: addressOf(channel)!, body: renderTemplate(template?.SMSMessage ?? defaultTemplates.invitationSmsMessage, values) },
    );
  }
}

const upper = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const lower = 'abcdefghijkmnopqrstuvwxyz';
const digits = '23456789';
// No braces, quotes or backslashes: the password is pasted from messages whose templates use braces.
const symbols = '!#$%&*+-=?@^_~';

/** A temporary password that satisfies any policy: every character class, at least 12 characters. */
export function generateTemporaryPassword(random: Random, policy: PasswordPolicy): string {
  const length = Math.max(policy.MinimumLength, 12);
  const all = upper + lower + digits + symbols;
  const characters = [upper, lower, digits, symbols].map((alphabet) => alphabet[randomIndex(random, alphabet.length)]!);
  while (characters.length < length) characters.push(all[randomIndex(random, all.length)]!);
  for (let i = characters.length - 1; i > 0; i--) {
    const j = randomIndex(random, i + 1);
    [characters[i], characters[j]] = [characters[j]!, characters[i]!];
  }
  return characters.join('');
}

/** Uniform in [0, n) for n ≤ 256: bytes past the last whole multiple of n are drawn again. */
function randomIndex(random: Random, n: number): number {
  const limit = 256 - (256 % n);
  for (;;) {
    const byte = random.bytes(1)[0]!;
    if (byte < limit) return byte % n;
  }
}
