// Stand-ins on loopback for the providers whose logins are access tokens: Facebook's Graph API
// (`/me`, `/app`) and Login with Amazon (`/auth/o2/tokeninfo`). They answer as the real ones do,
// error bodies included, and can be told to fail the ways real providers fail.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a token makes the provider do: answer for its owner, or fail. */
export type Fault = 'expired' | 'server-error' | 'not-json' | 'oversized' | 'silent';

interface Owner {
  user: string;
  app: string;
  /** Login with Amazon's OAuth client id of the app (tokeninfo's `aud`). */
  client?: string;
}

export interface AccessTokenProvider {
  /** The base URL the server is pointed at (COGNATE_FACEBOOK_GRAPH_URL, COGNATE_AMAZON_API_URL). */
  url: string;
  /** A new token the provider answers for with this user and app. */
  issue(owner: Owner): string;
  /** A new token the provider answers for with a fault. */
  faulty(fault: Fault): string;
  /** The paths (without the query) asked so far. */
  asked: string[];
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown } | Exclude<Fault, 'expired' | 'server-error'>;
type Answerer = (path: string, known: Owner | Fault | undefined) => Answer;

async function startStandIn(prefix: string, answer: Answerer): Promise<AccessTokenProvider> {
  const tokens = new Map<string, Owner | Fault>();
  const asked: string[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    asked.push(url.pathname);
    const result = answer(url.pathname, tokens.get(url.searchParams.get('access_token') ?? ''));
    if (result === 'silent') return;
    if (result === 'not-json') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sorry, something went wrong.</body></html>');
    const { status, body } = result === 'oversized' ? { status: 200, body: { id: '1', padding: 'x'.repeat(200_000) } } : result;
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const token = (value: Owner | Fault) => {
    const text = `${prefix}${randomBytes(24).toString('base64url')}`;
    tokens.set(text, value);
    return text;
  };
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issue: token,
    faulty: token,
    asked,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const graphError = (status: number, error: Record<string, unknown>) => ({ status, body: { error: { type: 'OAuthException', ...error, fbtrace_id: 'AStandInTrace' } } });

/** The Graph API: `/me?fields=id` answers the app-scoped user id, `/app` the app the token was issued to. */
export function startFacebookStandIn(): Promise<AccessTokenProvider> {
  return startStandIn('EAAB', (path, known) => {
    if (known === undefined) return graphError(400, { message: 'Invalid OAuth access token - Cannot parse access token', code: 190 });
    if (known === 'expired') {
      return graphError(400, {
        message: 'Error validating access token: Session has expired on Wednesday, 14-Feb-18 18:00:00 PST. The current time is Thursday, 15-Feb-18 13:46:35 PST.',
        code: 190,
        error_subcode: 463,
      });
    }
    if (known === 'server-error') return graphError(500, { message: 'An unexpected error has occurred. Please retry your request later.', is_transient: true, code: 2 });
    if (typeof known === 'string') return known;
    if (path === '/me') return { status: 200, body: { id: known.user } };
    if (path === '/app') return { status: 200, body: { link: `https://www.facebook.com/games/?app_id=${known.app}`, name: 'Stand-in app', id: known.app } };
    return graphError(400, { message: `Unknown path components: ${path}`, code: 2500 });
  });
}

/** Login with Amazon's tokeninfo: the user, the app (`app_id`) and its OAuth client (`aud`) of a token. */
export function startAmazonStandIn(): Promise<AccessTokenProvider> {
  return startStandIn('Atza|', (path, known) => {
    if (path !== '/auth/o2/tokeninfo') return { status: 404, body: { error: 'NotFound', error_description: 'Not found' } };
    if (known === undefined) return { status: 400, body: { error_description: 'The request has an invalid parameter : access_token', error: 'invalid_token' } };
    // The text of tokeninfo's answer for an expired token is not documented; this one says so.
    if (known === 'expired') return { status: 400, body: { error_description: 'The token has expired', error: 'invalid_token' } };
    if (known === 'server-error') return { status: 500, body: { error_description: 'Internal Server Error', error: 'ServerError' } };
    if (typeof known === 'string') return known;
    const body = { iss: 'https://www.amazon.com', user_id: known.user, aud: known.client ?? known.app.replace('amzn1.application.', 'amzn1.application-oa2-client.'), app_id: known.app, exp: 3597, iat: Math.floor(Date.now() / 1000) };
    return { status: 200, body };
  });
}
