import type { User } from '../../store/users.js';
import type { Context } from '../context.js';
import { totpStepOf } from './totp.js';

export const totpSecretContext = (sub: string) => `totp:${sub}`;

/**
 * Accepts a TOTP code for the user's verified secret at most once: the step it belongs to must be
 * later than the last one accepted, and recording it is a conditional update, so two requests
 * racing with one code cannot both pass.
 */
export async function acceptTotpCode(context: Context, user: Pick<User, 'poolId' | 'sub'>, secretSealed: string, code: string): Promise<boolean> {
  const step = totpStepOf(context.sealer.openText(secretSealed, totpSecretContext(user.sub)), code, context.clock.now());
  if (step === undefined) return false;
  const recorded = await context.db
    .updateTable('user_mfa')
    .set({ totp_last_step: step, updated_at: context.clock.now() })
    .where('pool_id', '=', user.poolId)
    .where('sub', '=', user.sub)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return recorded.numUpdatedRows > 0n;
}
