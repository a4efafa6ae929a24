import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A trigger event as a hook receives it; hooks fill in `response` and hand it back, as Lambdas do. */
export interface HookEvent {
  version: string;
  triggerSource: string;
  region: string;
  userPoolId: string;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
  request: Record<string, any>;
  response: Record<string, any>;
}

/** A hook's code: like a Lambda handler, it returns the event or throws to reject. */
export type Hook = (event: HookEvent) => HookEvent | Promise<HookEvent> | typeof neverAnswer | typeof notJson;

/** Returned by a hook that should hold the request open (a hook that times out). */
export const neverAnswer = Symbol('never answer');
/** Returned by a hook that should answer 200 with a body that is not JSON. */
export const notJson = Symbol('not JSON');

export interface HookServer {
  /** The URL to name in LambdaConfig for a trigger. */
  urlOf(trigger: string): string;
  /** Every event received, as received (before the hook changed it). */
  events: HookEvent[];
  close(): Promise<void>;
}

/**
 * App hooks on 127.0.0.1, one path per trigger (`/<Trigger>`). A hook that throws answers HTTP 400
 * with `{"errorType", "errorMessage"}`, the shape a Lambda's failure has.
 */
export async function startHookServer(hooks: Record<string, Hook>): Promise<HookServer> {
  const events: HookEvent[] = [];
  const server = createServer((request, response) => {
    void answer(request, response);
  });

  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const hook = hooks[(request.url ?? '').slice(1)];
    if (!hook || request.method !== 'POST') {
      response.writeHead(404).end();
      return;
    }
    const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as HookEvent;
    events.push(structuredClone(event));
    try {
      const result = await hook(event);
      if (result === neverAnswer) return;
      if (result === notJson) {
        response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    } catch (error) {
      response.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ errorType: 'Error', errorMessage: (error as Error).message }));
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    urlOf: (trigger) => `http://127.0.0.1:${port}/${trigger}`,
    events,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
