import { createCache } from './cache.js';

export { createCache, type CacheInstance, type CacheConfig, type CacheItemOptions } from './cache.js';

/** The shared cache, as aws-amplify/utils' `Cache`; storage is chosen at first use. */
export const Cache = /* @__PURE__ */ createCache();
