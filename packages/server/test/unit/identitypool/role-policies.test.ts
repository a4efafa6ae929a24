import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RolePolicies } from '../../../src/identitypool/role-policies.js';
import { openStore, type Store } from '../../../src/store/open.js';
import { dialects, storeOptionsFor } from '../../support/databases.js';
import { ManualClock } from '../../support/server.js';

const role = 'arn:aws:iam::000000000000:role/photos';
const policy = (name: string, action: string) => ({ PolicyName: name, PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] } });

describe.each(dialects)('role policies in the store (%s)', (dialect) => {
  let store: Store;
  const clock = new ManualClock();

  beforeAll(async () => {
    store = await openStore(await storeOptionsFor(dialect));
  });
  afterAll(() => store.close());

  it('makes the role have exactly the given policies, however often and however many processes apply them at once', async () => {
    const first = new RolePolicies(store.db, clock);
    const second = new RolePolicies(store.db, clock);
    await Promise.all([first.replace(role, [policy('read', 'photos:Get'), policy('list', 'photos:List')], 1), second.replace(role, [policy('read', 'photos:Get'), policy('list', 'photos:List')], 1)]);
    expect((await first.of(role)).map((p) => p.PolicyName)).toEqual(['list', 'read']);

    await second.replace(role, [policy('read', 'photos:GetObject')], 2);
    clock.advance(1000);
    expect(await first.of(role)).toEqual([policy('read', 'photos:GetObject')]);

    await second.replace(role, [], 3);
    expect(await second.of(role)).toEqual([]);
  });
});
