/** A fetch that records each user-pool and identity-pool request (operation and body) before sending it. */
export function recordingFetch(inner: typeof fetch = (input, init) => globalThis.fetch(input, init)) {
  const requests: Array<{ operation: string; body: Record<string, any> }> = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const target = new Headers(init?.headers).get('x-amz-target') ?? '';
    requests.push({ operation: target.replace(/^AWSCognitoIdentity(ProviderService|Service)\./, ''), body: JSON.parse(String(init?.body)) });
    return inner(input, init);
  };
  return { fetch, requests, operations: () => requests.map((r) => r.operation) };
}

/** What a promise was rejected with (fails the test when it was not). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
