import type { IncomingMessage } from 'node:http';

/** What a route answers; the app writes it, with the CORS headers every response carries. */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

/** A route answers the requests it knows, and undefined for the others. */
export type Route = (request: IncomingMessage) => Promise<HttpResponse | undefined>;
