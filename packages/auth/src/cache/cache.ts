import { createMemoryStorage } from '../storage/memory.js';
import type { KeyValueStorage } from '../storage/types.js';
import { createLocalStorage } from '../storage/web.js';

export interface CacheConfig {
  /** Default `aws-amplify-cache`, as Amplify's Cache. */
  keyPrefix?: string;
  /** Default 1 MB. */
  capacityInBytes?: number;
  /** Default 210000 bytes. */
  itemMaxSize?: number;
  /** Default 3 days, in ms. */
  defaultTTL?: number;
  /** 1 (kept longest) to 5; default 5. */
  defaultPriority?: number;
  /** Default localStorage in browsers, memory elsewhere. */
  storage?: KeyValueStorage;
  /** Default Date.now. */
  now?: () => number;
}

export interface CacheItemOptions {
  priority?: number;
  /** Absolute expiry, ms since the epoch. */
  expires?: number;
  /** For getItem: computes and stores the value when there is none. */
  callback?: () => unknown;
}

interface CacheItem {
  data: unknown;
  priority: number;
  expires: number;
  visitedTime: number;
  byteSize: number;
}

export interface CacheInstance {
  setItem(key: string, value: unknown, options?: CacheItemOptions): Promise<void>;
  getItem(key: string, options?: CacheItemOptions): Promise<any>;
  removeItem(key: string): Promise<void>;
  clear(): Promise<void>;
  getAllKeys(): Promise<string[]>;
  getCurrentCacheSize(): Promise<number>;
  createInstance(config: CacheConfig): CacheInstance;
  configure(config: CacheConfig): Required<Omit<CacheConfig, 'storage' | 'now'>>;
}

/**
 * A key-value cache with expiry and a size cap: when full, expired items go first, then the
 * lowest priority (5) and least recently read. The API of Amplify's `Cache`.
 */
export function createCache(initial: CacheConfig = {}): CacheInstance {
  let config = { keyPrefix: 'aws-amplify-cache', capacityInBytes: 1048576, itemMaxSize: 210000, defaultTTL: 259200000, defaultPriority: 5, ...initial };
  let storage: KeyValueStorage | undefined = initial.storage;
  // The keys this cache holds, kept in the storage too (a storage cannot be enumerated), so a
  // cache in localStorage still knows its items after a reload.
  let keys: Set<string> | undefined;
  const store = () => (storage ??= typeof window === 'undefined' ? createMemoryStorage() : createLocalStorage());
  const now = () => (config.now ?? Date.now)();
  const full = (key: string) => `${config.keyPrefix}${key}`;

  const indexKey = () => `${config.keyPrefix}__keys`;
  async function index(): Promise<Set<string>> {
    return (keys ??= new Set(JSON.parse((await store().getItem(indexKey())) ?? '[]') as string[]));
  }
  const saveIndex = async () => store().setItem(indexKey(), JSON.stringify([...(await index())]));

  async function read(key: string): Promise<CacheItem | undefined> {
    const raw = await store().getItem(full(key));
    if (!raw) return undefined;
    const item = JSON.parse(raw) as CacheItem;
    if (item.expires > now()) return item;
    await remove(key);
    return undefined;
  }
  async function remove(key: string) {
    if ((await index()).delete(key)) await saveIndex();
    await store().removeItem(full(key));
  }
  async function size() {
    let total = 0;
    for (const key of [...(await index())]) total += (await read(key))?.byteSize ?? 0;
    return total;
  }

  const cache: CacheInstance = {
    async setItem(key, value, options = {}) {
      const priority = options.priority ?? config.defaultPriority;
      if (!key || value === undefined || priority < 1 || priority > 5) return;
      const data = JSON.stringify(value);
      const item: CacheItem = { data: value, priority, expires: options.expires ?? now() + config.defaultTTL, visitedTime: now(), byteSize: new TextEncoder().encode(data).length };
      if (item.byteSize > config.itemMaxSize) return;
      await remove(key);
      let used = await size();
      if (used + item.byteSize > config.capacityInBytes) {
        const items = await Promise.all([...(await index())].map(async (k) => ({ key: k, item: (await read(k))! })));
        items.sort((a, b) => b.item.priority - a.item.priority || a.item.visitedTime - b.item.visitedTime);
        for (const { key: victim, item: old } of items) {
          if (used + item.byteSize <= config.capacityInBytes) break;
          await remove(victim);
          used -= old.byteSize;
        }
      }
      await store().setItem(full(key), JSON.stringify(item));
      (await index()).add(key);
      await saveIndex();
    },
    async getItem(key, options = {}) {
      const item = await read(key);
      if (item) {
        item.visitedTime = now();
        await store().setItem(full(key), JSON.stringify(item));
        return item.data;
      }
      if (!options.callback) return null;
      const value = options.callback();
      if (value !== null) await cache.setItem(key, value, options);
      return value;
    },
    removeItem: remove,
    async clear() {
      for (const key of [...(await index())]) await remove(key);
    },
    getAllKeys: async () => {
      await size();
      return [...(await index())];
    },
    getCurrentCacheSize: size,
    createInstance: (instanceConfig) => createCache(instanceConfig),
    configure(update) {
      config = { ...config, ...update };
      if (update.storage) storage = update.storage;
      keys = undefined;
      const { storage: _s, now: _n, ...visible } = config;
      return visible;
    },
  };
  return cache;
}
