import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, RestcommTimeoutError } from '../../src/index.js';
import { after, json, scriptedFetch, trickle } from '../support/scripted-fetch.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const CALL = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const server = scriptedFetch();
const connect = { accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch };
// Slow answers and timeouts run on a fake clock: each test moves it to the millisecond that matters.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Tracks a call's outcome without letting a rejection go unhandled. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('timeouts and abort', () => {
  it('fails with RestcommTimeoutError exactly when the client timeout runs out', async () => {
    server.script(after(600, json(200, { sid: CALL })));
    const client = createClient({ ...connect, timeout: 100 });
    const call = track(client.calls.fetch(CALL));
    await vi.advanceTimersByTimeAsync(99);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(RestcommTimeoutError);
    expect((call.error as RestcommTimeoutError).timeoutMs).toBe(100);
    expect((call.error as Error).message).toMatch(/GET \/restcomm\/2012-04-24\/Accounts\/AC.*\.json timed out after 100 ms/);
  });

  it('fails only the calls that are overdue when several run at once', async () => {
    // The first request is answered at once, the second after 400 ms.
    server.script(json(200, { sid: CALL }), after(400, json(200, { sid: CALL })), json(200, { sid: CALL }));
    const client = createClient({ ...connect, timeout: 150 });
    const fast = track(client.calls.fetch(CALL));
    const overdue = track(client.calls.fetch(CALL));
    await vi.advanceTimersByTimeAsync(149);
    expect(fast).toMatchObject({ settled: true, value: { sid: CALL } });
    expect(overdue.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(overdue.error).toBeInstanceOf(RestcommTimeoutError);
    await expect(client.calls.fetch(CALL)).resolves.toMatchObject({ sid: CALL });
  });

  it('lets one call override the timeout', async () => {
    server.script(after(200, json(200, { sid: CALL })));
    const client = createClient({ ...connect, timeout: 50 });
    const call = track(client.calls.fetch(CALL, { timeout: 2000 }));
    await vi.advanceTimersByTimeAsync(200);
    expect(call).toMatchObject({ settled: true, value: { sid: CALL } });
  });

  it("rethrows the caller's abort reason as is, not as a timeout", async () => {
    server.script(after(600, json(200, { sid: CALL })));
    const client = createClient(connect);
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const call = track(client.calls.fetch(CALL, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(50);
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);
    expect(call.error).toBe(reason);
  });

  it('times out a body that arrives too slowly, not only the headers', async () => {
    server.script(trickle('{"sid":', `"${CALL}"}`, 500));
    const client = createClient({ ...connect, timeout: 150 });
    const call = track(client.calls.fetch(CALL));
    await vi.advanceTimersByTimeAsync(149);
    expect(call.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(call.error).toBeInstanceOf(RestcommTimeoutError);
  });

  it('does not retry a call the caller aborted', async () => {
    server.script(after(300, json(200, { sid: CALL })));
    const client = createClient({ ...connect, retry: { baseDelayMs: 1 } });
    const controller = new AbortController();
    const call = track(client.calls.fetch(CALL, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(30);
    controller.abort();
    await vi.runAllTimersAsync();
    expect(call.error).toBeInstanceOf(DOMException);
    expect(server.received).toHaveLength(1);
  });
});
