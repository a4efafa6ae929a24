/** Why a service Cognate calls out to (a login provider, a hook) gave no usable answer. */
export type OutboundFault = 'unreachable' | 'timeout' | 'too-large';

export class OutboundError extends Error {
  constructor(
    readonly fault: OutboundFault,
    message: string,
  ) {
    super(message);
  }
}

/** An answer: its status and its body read as JSON (undefined when it is not JSON). */
export interface JsonAnswer {
  status: number;
  body: unknown;
}

export interface OutboundRequest {
  method?: 'GET' | 'POST';
  /** Sent as JSON. */
  json?: unknown;
  /** Bounds the whole exchange: connection, headers and body. */
  timeoutMs: number;
  maxBytes: number;
}

/**
 * Calls a configured URL and reads its JSON answer, bounded in time and size. Redirects are refused:
 * the configured URL is the one trusted. Throws OutboundError when no usable answer came.
 */
export async function fetchJson(url: string, request: OutboundRequest): Promise<JsonAnswer> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: request.method ?? 'GET',
      headers: { accept: 'application/json', ...(request.json === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
      redirect: 'error',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
  } catch (error) {
    throw asOutboundError(error);
  }
  const text = await readBounded(response, request.maxBytes);
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: undefined };
  }
}

async function readBounded(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new OutboundError('too-large', `answer over ${maxBytes} bytes`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
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
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (error) {
    throw error instanceof OutboundError ? error : asOutboundError(error);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function asOutboundError(error: unknown): OutboundError {
  const { name, message, cause } = error as { name?: string; message?: string; cause?: { code?: string } };
  if (name === 'TimeoutError') return new OutboundError('timeout', 'no answer in time');
  return new OutboundError('unreachable', cause?.code ?? message ?? String(error));
}
