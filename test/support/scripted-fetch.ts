import { STATUS_CODES } from 'node:http';

// A fetch whose answers a test scripts, recording every request it gets: the unit tests inject it into the client, so
// they need no server and run under fake timers (a slow answer is a timer, not a wait).

export interface Received {
  method: string;
  /** Path and query, as a server sees them: `/restcomm/2012-04-24/Accounts/AC….json?Page=1`. */
  url: string;
  /** Lower-case names, as a server sees them. */
  headers: Record<string, string>;
  body: string;
}

export type Handler = (req: Received) => Response | Promise<Response>;

export interface ScriptedFetch {
  /** A REST API base the client accepts (https, so no loopback exception is involved). */
  baseUrl: string;
  received: Received[];
  /** Answers the next requests with these handlers in order; afterwards the last one repeats. */
  script(...handlers: Handler[]): void;
  fetch: typeof globalThis.fetch;
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Handler =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const text =
  (status: number, body: string): Handler =>
  () =>
    new Response(body, { status, headers: { 'Content-Type': 'text/plain' } });

export const empty =
  (status: number, reason = STATUS_CODES[status] ?? '', headers: Record<string, string> = {}): Handler =>
  () =>
    new Response(null, { status, statusText: reason, headers });

/** The connection fails before an answer, as Node's fetch reports it. */
export const drop: Handler = () => {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
  return Promise.reject(new TypeError('fetch failed', { cause }));
};

/** Answers with `handler` after `ms` (of fake or real time). */
export const after =
  (ms: number, handler: Handler): Handler =>
  (req) =>
    new Promise((resolve) => setTimeout(() => resolve(handler(req)), ms));

/** Sends the headers and the first part of the body at once, the rest after `ms`. */
export const trickle =
  (first: string, rest: string, ms: number): Handler =>
  () => {
    const bytes = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.encode(first));
        setTimeout(() => {
          controller.enqueue(bytes.encode(rest));
          controller.close();
        }, ms);
      },
    });
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };

export function scriptedFetch(): ScriptedFetch {
  let handlers: Handler[] = [json(200, {})];
  const received: Received[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    received.push({
      method: request.method,
      url: url.pathname + url.search,
      headers: Object.fromEntries(request.headers),
      body: request.body ? await request.text() : '',
    });
    const handler = handlers.length > 1 ? handlers.shift()! : handlers[0]!;
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (signal?.aborted) throw signal.reason;
    // Like a real fetch, an abort rejects the call with the signal's reason.
    return new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      Promise.resolve().then(() => handler(received.at(-1)!)).then(resolve, reject);
    });
  };
  return {
    baseUrl: 'https://restcomm.test/restcomm/2012-04-24',
    received,
    script: (...h) => {
      handlers = h;
      received.length = 0;
    },
    fetch,
  };
}
