// Helpers for the hostile-input tests: an injected fetch that records what the SDK would send and answers as told.
export const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
export const TOKEN = 'f00dfacecafe0badc0ffee5ecre7t0k3';
export const CALL = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';
export const BASE = 'https://restcomm.acme-tel.example/restcomm/2012-04-24';
export const BASIC = btoa(`${SID}:${TOKEN}`);

/** What reached fetch, normalised through a Request so that both call styles (url+init, Request) compare alike. */
export interface Sent {
  method: string;
  url: string;
  headers: [string, string][];
  body: string;
}

export async function normalise(input: RequestInfo | URL, init?: RequestInit): Promise<Sent> {
  const request = new Request(input, init);
  return { method: request.method, url: request.url, headers: [...request.headers.entries()].sort(), body: await request.text() };
}

export interface Recorder {
  fetch: typeof globalThis.fetch;
  sent: Sent[];
  /** How many times fetch was called. */
  calls: () => number;
}

/** A fetch that records each request and answers with `answer()` (default: 200 `{}`). */
export function recorder(answer: (sent: Sent) => Response | Promise<Response> = () => Response.json({})): Recorder {
  const sent: Sent[] = [];
  return {
    sent,
    calls: () => sent.length,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const s = await normalise(input, init);
      sent.push(s);
      return answer(s);
    }) as typeof globalThis.fetch,
  };
}

/** The rejection of a promise (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (err: unknown) => err as Error,
  );
}
