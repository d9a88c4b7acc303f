import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, RestcommError, RestcommNetworkError } from '../../src/index.js';
import { backoffDelay, retryAfterMs, retryPolicy } from '../../src/sdk/retry.js';
import { drop, empty, json, scriptedFetch } from '../support/scripted-fetch.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const CALL = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const server = scriptedFetch();
const connect = { accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch };
// Backoff waits are fake time: each test runs the clock forward itself.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const fast = { maxRetries: 3, baseDelayMs: 5, maxDelayMs: 20 };
/** Settles a call while running the fake clock. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  const [outcome] = await Promise.allSettled([promise, vi.runAllTimersAsync()]);
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}

describe('retries (opt-in)', () => {
  it('are off by default: a 503 is thrown at once', async () => {
    server.script(empty(503), json(200, { sid: CALL }));
    const client = createClient(connect);
    await expect(settle(client.calls.fetch(CALL))).rejects.toMatchObject({ name: 'RestcommHttpError', status: 503 });
    expect(server.received).toHaveLength(1);
  });

  it('retry GET on 503 and 429 until it succeeds', async () => {
    server.script(empty(503), empty(429), json(200, { sid: CALL }));
    const client = createClient({ ...connect, retry: fast });
    await expect(settle(client.calls.fetch(CALL))).resolves.toMatchObject({ sid: CALL });
    expect(server.received).toHaveLength(3);
  });

  it('honour Retry-After (seconds): the next attempt goes out exactly then', async () => {
    server.script(empty(429, 'Too Many Requests', { 'Retry-After': '1' }), json(200, { sid: CALL }));
    const client = createClient({ ...connect, retry: fast });
    const call = client.calls.fetch(CALL);
    await vi.advanceTimersByTimeAsync(999);
    expect(server.received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.received).toHaveLength(2);
    await expect(call).resolves.toMatchObject({ sid: CALL });
  });

  it('give up when Retry-After is longer than allowed, returning the 429', async () => {
    server.script(empty(429, 'Too Many Requests', { 'Retry-After': '3600' }), json(200, {}));
    const client = createClient({ ...connect, retry: { ...fast, maxRetryAfterMs: 1000 } });
    await expect(settle(client.calls.fetch(CALL))).rejects.toMatchObject({ status: 429 });
    expect(server.received).toHaveLength(1);
  });

  it('never retry POST (creating a call twice is worse than failing)', async () => {
    server.script(empty(503), json(200, { sid: CALL }));
    const client = createClient({ ...connect, retry: fast });
    await expect(client.calls.create({ From: '+15550100', To: '+15550101', Url: 'https://x.example/a' })).rejects.toMatchObject({ status: 503 });
    expect(server.received).toHaveLength(1);
  });

  it('retry idempotent requests after a dropped connection, and type the failure when retries run out', async () => {
    server.script(drop, json(200, { sid: CALL }));
    const client = createClient({ ...connect, retry: fast });
    await expect(settle(client.calls.fetch(CALL))).resolves.toMatchObject({ sid: CALL });
    server.script(drop);
    const failure = await settle(client.calls.fetch(CALL).catch((e: unknown) => e));
    expect(failure).toBeInstanceOf(RestcommNetworkError);
    expect(server.received).toHaveLength(4);
  });

  it('stop after maxRetries and throw the last answer', async () => {
    server.script(empty(503));
    const client = createClient({ ...connect, retry: { ...fast, maxRetries: 2 } });
    const failure = await settle(client.calls.fetch(CALL).catch((e: unknown) => e));
    expect(failure).toBeInstanceOf(RestcommError);
    expect(server.received).toHaveLength(3);
  });
});

describe('backoff arithmetic', () => {
  const policy = retryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 })!;
  it('doubles the ceiling per attempt, capped, with full jitter', () => {
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(policy, a, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(0);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(400);
  });
  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(retryAfterMs('soon')).toBeUndefined();
    expect(retryAfterMs(null)).toBeUndefined();
  });
  it('rejects nonsense options, naming them', () => {
    expect(() => retryPolicy({ maxRetries: -1 })).toThrow(/retry.maxRetries must be a number from 0/);
  });
});
