/** A provider's answer to a token inspection: its status and its body read as JSON (undefined when not JSON). */
export interface ProviderAnswer {
  status: number;
  body: unknown;
}

/** The provider could not be asked, or answered nothing usable: no network, a timeout, an oversized body. */
export class ProviderUnavailableError extends Error {}

/** Token inspections answer a few hundred bytes; anything much larger is not an answer. */
export const maxAnswerBytes = 64 * 1024;

/**
 * GET a provider's JSON with the whole exchange (connect, headers, body) bounded by `timeoutMs` and the
 * body by `maxAnswerBytes`. Redirects are refused: the configured URL is the one trusted.
 */
export async function askProvider(url: string, timeoutMs: number): Promise<ProviderAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error', headers: { accept: 'application/json' } });
  } catch (error) {
    throw new ProviderUnavailableError(describe(error));
  }
  const text = await readBounded(response);
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: undefined };
  }
}

async function readBounded(response: Response): Promise<string> {
  if (Number(response.headers.get('content-length') ?? 0) > maxAnswerBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ProviderUnavailableError(`answer over ${maxAnswerBytes} bytes`);
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxAnswerBytes) {
        await reader.cancel().catch(() => {});
        throw new ProviderUnavailableError(`answer over ${maxAnswerBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ProviderUnavailableError) throw error;
    throw new ProviderUnavailableError(describe(error));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function describe(error: unknown): string {
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string } };
  if (name === 'TimeoutError') return 'no answer in time';
  return cause?.code ?? message ?? String(error);
}
