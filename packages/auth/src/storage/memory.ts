import type { KeyValueStorage } from './types.js';

/** A storage that lives as long as the process (the default outside browsers). */
export function createMemoryStorage(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    setItem: (key, value) => void items.set(key, value),
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}
