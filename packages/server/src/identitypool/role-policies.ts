import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../store/schema.js';
import { ShortCache } from '../store/short-cache.js';

export interface PolicyDocument {
  Version?: string;
  Statement: unknown;
  [member: string]: unknown;
}

export interface RolePolicy {
  PolicyName: string;
  PolicyDocument: PolicyDocument;
}

/** The inline policies of the roles credentials are vended for, as the config declares them. */
export class RolePolicies {
  private readonly cache: ShortCache<RolePolicy[]>;

  constructor(
    private readonly db: Kysely<Database>,
    clock: Clock,
  ) {
    this.cache = new ShortCache(clock, 1000);
  }

  of(roleArn: string): Promise<RolePolicy[]> {
    return this.cache.get(roleArn, async () => {
      const rows = await this.db.selectFrom('role_policies').select(['policy_name', 'document']).where('role_arn', '=', roleArn).orderBy('policy_name').execute();
      return rows.map((row) => ({ PolicyName: row.policy_name, PolicyDocument: JSON.parse(row.document) as PolicyDocument }));
    });
  }

  /**
   * The role's policies become exactly these. Upserts rather than delete-and-insert, so processes
   * applying the same config at once both succeed.
   */
  async replace(roleArn: string, policies: readonly RolePolicy[], now: number): Promise<void> {
    this.cache.forget(roleArn);
    await this.db.transaction().execute(async (trx) => {
      let stale = trx.deleteFrom('role_policies').where('role_arn', '=', roleArn);
      if (policies.length > 0) stale = stale.where('policy_name', 'not in', policies.map((policy) => policy.PolicyName));
      await stale.execute();
      for (const policy of policies) {
        const values = { document: JSON.stringify(policy.PolicyDocument), updated_at: now };
        await trx
          .insertInto('role_policies')
          .values({ role_arn: roleArn, policy_name: policy.PolicyName, ...values })
          .onConflict((oc) => oc.columns(['role_arn', 'policy_name']).doUpdateSet(values))
          .execute();
      }
    });
  }
}
