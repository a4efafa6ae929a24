import { createMemoryStorage } from './memory.js';
import type { KeyValueStorage } from './types.js';

type WebStorageName = 'localStorage' | 'sessionStorage';

/** window.localStorage / sessionStorage when the page may use it; undefined otherwise. */
function webStorage(name: WebStorageName): Storage | undefined {
  try {
    // Reading the property throws where storage is blocked (sandboxed frames, some privacy modes).
    const storage = typeof window === 'undefined' ? undefined : window[name];
    storage?.getItem('');
    return storage;
  } catch {
    return undefined;
  }
}

function wrap(storage: Storage): KeyValueStorage {
  return {
    setItem: (key, value) => storage.setItem(key, value),
    getItem: (key) => storage.getItem(key),
    removeItem: (key) => storage.removeItem(key),
    clear: () => storage.clear(),
  };
}

/** The browser's localStorage (the default in browsers); memory where there is none. */
export const createLocalStorage = (): KeyValueStorage => {
  const storage = webStorage('localStorage');
  return storage ? wrap(storage) : createMemoryStorage();
};

/** The browser's sessionStorage, per tab; memory where there is none. */
export const createSessionStorage = (): KeyValueStorage => {
  const storage = webStorage('sessionStorage');
  return storage ? wrap(storage) : createMemoryStorage();
};

export const hasWebStorage = (name: WebStorageName) => webStorage(name) !== undefined;
