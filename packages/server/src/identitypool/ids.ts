import type { Random } from '../clock.js';
import { randomString } from '../userpool/ids.js';

/** Identity pool ids and identity ids are both `<region>:<uuid>`; clients split on `:` for the region. */
export const regionalIdPattern = /^[\w-]+:[0-9a-f-]+$/;

export const newIdentityPoolId = (random: Random, region: string) => `${region}:${random.uuid()}`;

export const newIdentityId = (random: Random, poolId: string) => `${regionOfIdentityPool(poolId)}:${random.uuid()}`;

export const regionOfIdentityPool = (poolId: string): string => poolId.slice(0, poolId.indexOf(':'));

/** Temporary credentials' access key ids start with ASIA, as STS's do. */
export const newTemporaryAccessKeyId = (random: Random) => `ASIA${randomString(random, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 16)}`;

