interface Waiter<T> {
  matches(item: T): boolean;
  resolve(item: T): void;
}

export interface Inbox<T> {
  /** Everything received so far, oldest first. */
  readonly messages: T[];
  push(item: T): void;
  /**
   * The first message, already received or still to come, for which `predicate` holds.
   * Rejects after `timeoutMs`, listing what did arrive to make the failure readable.
   */
  waitFor(predicate: (item: T) => boolean, timeoutMs?: number): Promise<T>;
}

export function createInbox<T>(what: string): Inbox<T> {
  const messages: T[] = [];
  const waiters = new Set<Waiter<T>>();
  return {
    messages,
    push(item) {
      messages.push(item);
      for (const waiter of waiters) {
        if (waiter.matches(item)) waiter.resolve(item);
      }
    },
    waitFor(predicate, timeoutMs = 5000) {
      const found = messages.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<T>((resolve, reject) => {
        const waiter: Waiter<T> = {
          matches: predicate,
          resolve(item) {
            clearTimeout(timer);
            waiters.delete(waiter);
            resolve(item);
          },
        };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          const seen = JSON.stringify(messages, null, 2);
          reject(new Error(`No matching ${what} within ${timeoutMs} ms; received: ${seen}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}
