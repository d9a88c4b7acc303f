// Cloudflare Workers' fetch throws "Illegal invocation" unless it is called unbound (or on globalThis). This fetch
// behaves the same way, so any SDK path that calls fetch as a method of some object fails here as it would on workerd.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { empty, json, startScriptedServer, type ScriptedServer } from '../support/scripted-server.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const CALL = 'CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';
let server: ScriptedServer;
beforeAll(async () => (server = await startScriptedServer()));
afterAll(() => server.close());

const thisValues: unknown[] = [];
const workerdFetch: typeof fetch = function (this: unknown, input, init) {
  thisValues.push(this);
  if (this !== undefined && this !== globalThis) throw new TypeError("Illegal invocation: function called with incorrect 'this' reference");
  return globalThis.fetch(input, init);
};

describe('fetch is called unbound, as Workers require', () => {
  it('by the resource methods, with and without a signal, on retries and while paging', async () => {
    thisValues.length = 0;
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: workerdFetch, retry: { baseDelayMs: 0 } });
    server.script(json(200, { sid: CALL }));
    await expect(client.calls.fetch(CALL)).resolves.toEqual({ sid: CALL });
    await expect(client.calls.fetch(CALL, { signal: new AbortController().signal })).resolves.toEqual({ sid: CALL });
    server.script(empty(503), json(200, { sid: CALL }));
    await expect(client.calls.fetch(CALL)).resolves.toEqual({ sid: CALL });
    server.script(json(200, { page: 0, next_page_uri: 'null', messages: [{ sid: 'SM1' }] }));
    const sids: string[] = [];
    for await (const sms of client.sms.messages.each()) sids.push(sms.sid!);
    expect(sids).toEqual(['SM1']);
    expect(thisValues).toHaveLength(5);
    expect(thisValues.every((t) => t === undefined || t === globalThis)).toBe(true);
  });

  it('by the raw openapi-fetch client', async () => {
    thisValues.length = 0;
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: workerdFetch });
    server.script(json(200, { sid: CALL }));
    const { data } = await client.raw.GET('/Accounts/{AccountSid}/Calls/{CallSid}.json', { params: { path: { AccountSid: SID, CallSid: CALL } } });
    expect(data).toEqual({ sid: CALL });
    expect(thisValues).toHaveLength(1);
  });
});
