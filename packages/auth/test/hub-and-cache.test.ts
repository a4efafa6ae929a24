// The Hub and Cache exported beside the functions (aws-amplify/utils' names and behaviour).
import { describe, expect, it } from 'vitest';
import { Cache, createCache, createHub, createMemoryStorage } from '../src/index.js';

describe('Hub', () => {
  it('delivers events per channel until the listener unsubscribes, and survives a throwing listener', () => {
    const hub = createHub();
    const heard: unknown[] = [];
    hub.listen('auth', () => {
      throw new Error('listener bug');
    });
    const stop = hub.listen('auth', (capsule) => heard.push(capsule));
    hub.listen('other', () => heard.push('wrong channel'));
    hub.dispatch('auth', { event: 'signedOut' }, 'Auth');
    stop();
    hub.dispatch('auth', { event: 'tokenRefresh' }, 'Auth');
    expect(heard).toEqual([{ channel: 'auth', payload: { event: 'signedOut' }, source: 'Auth', patternInfo: [] }]);
  });
});

describe('Cache', () => {
  it('stores JSON values with expiry; callback fills a miss', async () => {
    let now = 1_000;
    const cache = createCache({ storage: createMemoryStorage(), now: () => now, defaultTTL: 500 });
    await cache.setItem('a', { n: 1 });
    expect(await cache.getItem('a')).toEqual({ n: 1 });
    now += 501;
    expect(await cache.getItem('a')).toBeNull();
    expect(await cache.getItem('b', { callback: () => 'computed' })).toBe('computed');
    expect(await cache.getItem('b')).toBe('computed');
    await cache.setItem('c', 1, { expires: now + 10 });
    expect(await cache.getAllKeys()).toEqual(['b', 'c']);
    await cache.removeItem('b');
    expect(await cache.getAllKeys()).toEqual(['c']);
    await cache.clear();
    expect(await cache.getAllKeys()).toEqual([]);
  });

  it('refuses bad priorities and items over itemMaxSize; when full, evicts the lowest priority, then the least recently read', async () => {
    let now = 0;
    const cache = createCache({ storage: createMemoryStorage(), now: () => ++now, capacityInBytes: 30, itemMaxSize: 20 });
    await cache.setItem('bad', 1, { priority: 6 });
    await cache.setItem('huge', 'x'.repeat(30));
    expect(await cache.getAllKeys()).toEqual([]);
    await cache.setItem('keep', '12345678', { priority: 1 });
    await cache.setItem('old', '12345678', { priority: 3 });
    await cache.setItem('read', '12345678', { priority: 3 });
    expect(await cache.getCurrentCacheSize()).toBe(30);
    await cache.getItem('old');
    await cache.setItem('new', '12345678', { priority: 3 });
    expect((await cache.getAllKeys()).sort()).toEqual(['keep', 'new', 'old']);
  });

  it('keeps its index in the storage: a new cache on the same storage knows the items', async () => {
    const storage = createMemoryStorage();
    await createCache({ storage }).setItem('k', 'v');
    expect(await createCache({ storage }).getAllKeys()).toEqual(['k']);
    expect(Cache.configure({ keyPrefix: 'app-' }).keyPrefix).toBe('app-');
  });
});
