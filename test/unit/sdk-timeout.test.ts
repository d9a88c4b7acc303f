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

  it('does not retry a call the caller aborted', async () => {
    server.script(slow(300));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, retry: { baseDelayMs: 1 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(client.calls.fetch(CALL, { signal: controller.signal })).rejects.toThrow();
    expect(server.received).toHaveLength(1);
  });
});
