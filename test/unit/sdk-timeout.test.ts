import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, RestcommTimeoutError } from '../../src/index.js';
import { json, startScriptedServer, type Handler, type ScriptedServer } from '../support/scripted-server.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const CALL = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';
let server: ScriptedServer;
beforeAll(async () => (server = await startScriptedServer()));
afterAll(() => server.close());

const slow =
  (ms: number): Handler =>
  (req, res) =>
    setTimeout(() => json(200, { sid: CALL })(req, res), ms);

describe('timeouts and abort', () => {
  it('fails with RestcommTimeoutError after the client timeout', async () => {
    server.script(slow(600));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, timeout: 100 });
    const started = Date.now();
    const failure = await client.calls.fetch(CALL).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(RestcommTimeoutError);
    expect((failure as RestcommTimeoutError).timeoutMs).toBe(100);
    expect((failure as Error).message).toMatch(/GET \/restcomm\/2012-04-24\/Accounts\/AC.*\.json timed out after 100 ms/);
    expect(Date.now() - started).toBeLessThan(550);
  });

  it('fails only the calls that are overdue when several run at once', async () => {
    // The server answers the first request at once and the second after 400 ms.
    server.script(json(200, { sid: CALL }), slow(400), json(200, { sid: CALL }));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, timeout: 150 });
    const started = Date.now();
    const [fast, overdue] = await Promise.allSettled([client.calls.fetch(CALL), client.calls.fetch(CALL)]);
    expect(fast).toMatchObject({ status: 'fulfilled', value: { sid: CALL } });
    expect(overdue).toMatchObject({ status: 'rejected', reason: expect.any(RestcommTimeoutError) });
    // Never early; how late depends on the machine's load, so no upper bound here (the overdue call did fail before
    // its 400 ms answer, or it would have been fulfilled).
    expect(Date.now() - started).toBeGreaterThanOrEqual(145);
    await expect(client.calls.fetch(CALL)).resolves.toMatchObject({ sid: CALL });
  });

  it('lets one call override the timeout', async () => {
    server.script(slow(200));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, timeout: 50 });
    await expect(client.calls.fetch(CALL, { timeout: 2000 })).resolves.toMatchObject({ sid: CALL });
  });

  it("rethrows the caller's abort reason as is, not as a timeout", async () => {
    server.script(slow(600));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl });
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    setTimeout(() => controller.abort(reason), 50);
    await expect(client.calls.fetch(CALL, { signal: controller.signal })).rejects.toBe(reason);
  });

  it('times out a body that arrives too slowly, not only the headers', async () => {
    server.script((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"sid":');
      setTimeout(() => res.end(`"${CALL}"}`), 500);
    });
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, timeout: 150 });
    const started = Date.now();
    await expect(client.calls.fetch(CALL)).rejects.toBeInstanceOf(RestcommTimeoutError);
    expect(Date.now() - started).toBeLessThan(450);
  });

  it('does not retry a call the caller aborted', async () => {
    server.script(slow(300));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, retry: { baseDelayMs: 1 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(client.calls.fetch(CALL, { signal: controller.signal })).rejects.toThrow();
    expect(server.received).toHaveLength(1);
  });
});
