// Keep-alive HTTP/1.1 clients for the load process: one connection per request in flight.
//
// `raw` writes requests straight to a TCP socket and parses the answer itself (Content-Length or
// chunked bodies); it costs the load process a fraction of what node:http does, which matters when
// the load process and the server share two cores. `http` is node:http with a keep-alive Agent,
// kept to check the raw client against (`--client http`).

import http from 'node:http';
import net from 'node:net';

/** @typedef {{ status: number, body: Buffer }} Response */

/**
 * @typedef {object} Client
 * @property {(slot: number, target: string, body: Buffer | string) => Promise<Response>} post
 *   POST / with `X-Amz-Target: <target>` and a JSON 1.1 body, on the connection of `slot`; a target
 *   that starts with `/` is a path instead (the routes that are not JSON 1.1 operations).
 * @property {(slot: number, path: string) => Promise<Response>} get
 * @property {() => void} close
 */

const CRLF_CRLF = Buffer.from('\r\n\r\n');

/** One keep-alive connection, one request at a time. */
class RawConnection {
  /** @param {string} host @param {number} port */
  constructor(host, port) {
    this.host = host;
    this.port = port;
    /** @type {net.Socket | undefined} */
    this.socket = undefined;
    /** @type {Buffer | undefined} */
    this.pending = undefined;
    /** @type {{ resolve: (r: Response) => void, reject: (e: Error) => void } | undefined} */
    this.waiter = undefined;
  }

  /** @param {Buffer} request */
  send(request) {
    if (this.waiter) return Promise.reject(new Error('raw client: one request at a time per connection'));
    const socket = this.socket ?? this.connect();
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      socket.write(request);
    });
  }

  connect() {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    this.socket = socket;
    this.pending = undefined;
    socket.on('data', (chunk) => this.onData(chunk));
    const fail = (/** @type {Error} */ error) => {
      // A socket this connection already let go of (closed after `Connection: close`) fails nobody.
      if (this.socket !== socket) return;
      this.socket = undefined;
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(Object.assign(new Error('connection closed'), { code: 'ECONNCLOSED' })));
    return socket;
  }

  /** @param {Buffer} chunk */
  onData(chunk) {
    const data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    const parsed = parseResponse(data);
    if (!parsed) {
      this.pending = data;
      return;
    }
    this.pending = parsed.rest.length ? parsed.rest : undefined;
    if (parsed.close) {
      this.socket?.destroy();
      this.socket = undefined;
    }
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve({ status: parsed.status, body: parsed.body });
  }

  close() {
    this.socket?.destroy();
    this.socket = undefined;
  }
}

/**
 * One complete response at the start of `data`, or undefined while more bytes are needed.
 * @param {Buffer} data
 * @returns {{ status: number, body: Buffer, rest: Buffer, close: boolean } | undefined}
 */
export function parseResponse(data) {
  const headEnd = data.indexOf(CRLF_CRLF);
  if (headEnd < 0) return undefined;
  const head = data.toString('latin1', 0, headEnd);
  const status = Number(head.slice(9, 12));
  const bodyStart = headEnd + 4;
  const close = /\r\nconnection:\s*close/i.test(head);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) {
    const end = bodyStart + Number(length[1]);
    if (data.length < end) return undefined;
    return { status, body: data.subarray(bodyStart, end), rest: data.subarray(end), close };
  }
  if (/\r\ntransfer-encoding:[^\r]*chunked/i.test(head)) {
    /** @type {Buffer[]} */
    const parts = [];
    let at = bodyStart;
    for (;;) {
      const lineEnd = data.indexOf('\r\n', at, 'latin1');
      if (lineEnd < 0) return undefined;
      const size = parseInt(data.toString('latin1', at, lineEnd), 16);
      if (Number.isNaN(size)) throw new Error('raw client: malformed chunked body');
      const chunkStart = lineEnd + 2;
      if (size === 0) {
        // No trailers are expected; the last chunk ends with an empty line.
        const end = data.indexOf(CRLF_CRLF, lineEnd);
        if (end < 0) return undefined;
        return { status, body: Buffer.concat(parts), rest: data.subarray(end + 4), close };
      }
      if (data.length < chunkStart + size + 2) return undefined;
      parts.push(data.subarray(chunkStart, chunkStart + size));
      at = chunkStart + size + 2;
    }
  }
  // 204, 304, or a body without framing (read to close): bodies we care about are always framed.
  return { status, body: Buffer.alloc(0), rest: data.subarray(bodyStart), close };
}

/**
 * @param {{ url: string, connections: number, kind?: 'raw' | 'http' }} options
 * @returns {Client}
 */
export function createClient({ url, connections, kind = 'raw' }) {
  const { hostname, port } = new URL(url);
  const host = hostname.replace(/^\[|\]$/g, '');
  const hostHeader = new URL(url).host;
  if (kind === 'http') return createNodeHttpClient(host, Number(port), connections);
  const pool = Array.from({ length: connections }, () => new RawConnection(host, Number(port)));
  /** @type {Map<string, Buffer>} */
  const heads = new Map();
  const headFor = (/** @type {string} */ target, /** @type {number} */ length) => {
    const key = `${target}\n${length}`;
    let head = heads.get(key);
    if (!head) {
      const { path, headers } = routeOf(target);
      const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('');
      head = Buffer.from(`POST ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\n${lines}Content-Length: ${length}\r\n\r\n`, 'latin1');
      if (heads.size > 10_000) heads.clear();
      heads.set(key, head);
    }
    return head;
  };
  return {
    post(slot, target, body) {
      const payload = typeof body === 'string' ? Buffer.from(body) : body;
      return pool[slot % connections].send(Buffer.concat([headFor(target, payload.length), payload]));
    },
    get(slot, path) {
      return pool[slot % connections].send(Buffer.from(`GET ${path} HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`, 'latin1'));
    },
    close() {
      for (const connection of pool) connection.close();
    },
  };
}

/**
 * @param {string} host @param {number} port @param {number} connections
 * @returns {Client}
 */
function createNodeHttpClient(host, port, connections) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
  /** @returns {Promise<Response>} */
  const send = (/** @type {http.RequestOptions} */ options, /** @type {Buffer | undefined} */ payload) =>
    new Promise((resolve, reject) => {
      const request = http.request({ host, port, agent, ...options }, (response) => {
        /** @type {Buffer[]} */
        const parts = [];
        response.on('data', (part) => parts.push(part));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts) }));
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end(payload);
    });
  return {
    post(_slot, target, body) {
      const payload = typeof body === 'string' ? Buffer.from(body) : body;
      const { path, headers } = routeOf(target);
      return send({ method: 'POST', path, headers: { ...headers, 'content-length': payload.length } }, payload);
    },
    get(_slot, path) {
      return send({ method: 'GET', path }, undefined);
    },
    close() {
      agent.destroy();
    },
  };
}

/** A JSON 1.1 operation goes to `/` with its X-Amz-Target; a path goes as plain JSON. @param {string} target */
function routeOf(target) {
  if (target.startsWith('/')) return { path: target, headers: { 'Content-Type': 'application/json' } };
  return { path: '/', headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target } };
}

/** The Cognito service prefix of X-Amz-Target. */
export const idp = (/** @type {string} */ operation) => `AWSCognitoIdentityProviderService.${operation}`;

/**
 * Calls an operation and parses the answer; throws an Error carrying `__type` for a non-200.
 * For setup and checks, not for the measured loops.
 * @param {Client} client @param {string} operation @param {object} input @param {number} [slot]
 * @returns {Promise<any>}
 */
export async function call(client, operation, input, slot = 0) {
  const response = await client.post(slot, idp(operation), JSON.stringify(input));
  const text = response.body.toString('utf8');
  /** @type {any} */
  let json;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { message: text };
  }
  if (response.status !== 200) {
    const type = String(json.__type ?? json.code ?? `HTTP ${response.status}`);
    throw Object.assign(new Error(`${operation}: ${type}: ${json.message ?? text}`), { type, status: response.status });
  }
  return json;
}
