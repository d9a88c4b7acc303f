// Cloudflare Workers' fetch throws "Illegal invocation" unless it is called unbound (or on globalThis). This fetch
// behaves the same way, so any SDK path that calls fetch as a method of some object fails here as it would on workerd.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const CALL = 'CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const BASE = 'https://restcomm.example/restcomm/2012-04-24';

/** A workerd-like fetch answering from `answers` in order (the last repeats), recording the `this` of every call. */
function workerdFetch(...answers: (() => Response)[]) {
  const thisValues: unknown[] = [];
  const fetch = function (this: unknown) {
    thisValues.push(this);
    if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation: function called with incorrect 'this' reference");
    return Promise.resolve((answers.length > 1 ? answers.shift()! : answers[0]!)());
  } as typeof globalThis.fetch;
  return { fetch, thisValues };
}

const json = (status: number, body: unknown) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('fetch is called unbound, as Workers require', () => {
  it('by the resource methods, with and without a signal', async () => {
    const { fetch, thisValues } = workerdFetch(json(200, { sid: CALL }));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: BASE, fetch });
    await expect(client.calls.fetch(CALL)).resolves.toEqual({ sid: CALL });
    await expect(client.calls.fetch(CALL, { signal: new AbortController().signal })).resolves.toEqual({ sid: CALL });
    expect(thisValues).toEqual([undefined, undefined]);
  });

  it('on a retry', async () => {
    const { fetch, thisValues } = workerdFetch(json(503, {}), json(200, { sid: CALL }));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: BASE, fetch, retry: { baseDelayMs: 0 } });
    await expect(client.calls.fetch(CALL)).resolves.toEqual({ sid: CALL });
    expect(thisValues).toEqual([undefined, undefined]);
  });

  it('while paging with each()', async () => {
    const { fetch, thisValues } = workerdFetch(json(200, { page: 0, next_page_uri: 'null', messages: [{ sid: 'SM1' }] }));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: BASE, fetch });
    const sids: string[] = [];
    for await (const sms of client.sms.messages.each()) sids.push(String(sms.sid));
    expect(sids).toEqual(['SM1']);
    expect(thisValues).toEqual([undefined]);
  });

  it('by the raw openapi-fetch client', async () => {
    const { fetch, thisValues } = workerdFetch(json(200, { sid: CALL }));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: BASE, fetch });
    const { data } = await client.raw.GET('/Accounts/{AccountSid}/Calls/{CallSid}.json', { params: { path: { AccountSid: SID, CallSid: CALL } } });
    expect(data).toEqual({ sid: CALL });
    expect(thisValues).toEqual([undefined]);
  });
});
