/**
 * Where the library keeps tokens and sign-in state: the shape of Amplify's
 * `KeyValueStorageInterface`, so an Amplify storage adapter works here unchanged. Methods may
 * answer synchronously or with a promise.
 */
export interface KeyValueStorage {
  setItem(key: string, value: string): Promise<void> | void;
  getItem(key: string): Promise<string | null> | string | null;
  removeItem(key: string): Promise<void> | void;
  clear?(): Promise<void> | void;
}
