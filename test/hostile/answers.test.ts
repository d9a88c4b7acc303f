// Classes 2, 3 and 11: answers that are too large, cut off, undecodable or of the wrong shape all become one of the
// SDK's errors (RestcommError subclasses), and result mode resolves with every one of them.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createClient,
  RestcommError,
  RestcommHttpError,
  RestcommInvalidResponseError,
  RestcommNetworkError,
  RestcommResponseTooLargeError,
} from '../../src/index.js';
import { BASE, CALL, SID, TOKEN, recorder, rejectionOf } from './support.js';

/** A body stream of `total` bytes made on demand, and how many bytes were pulled from it. */
function bigBody(total: number, byte = 0x61): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let sent = 0;
  const chunk = new Uint8Array(64 * 1024).fill(byte);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += part.length;
      controller.enqueue(part);
    },
  });
  return { stream, pulled: () => sent };
}

// A loopback server for the failures only a real socket shows: a connection closed in the middle of a body.
const server = createServer((req, res) => {
  if (req.url?.includes('/Calls/')) {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
    res.write('{"sid": "');
    setTimeout(() => res.socket?.destroy(), 20);
  } else {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('[');
    setTimeout(() => res.socket?.destroy(), 20);
  }
});
let local = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/restcomm/2012-04-24`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('the response size limit', () => {
  it('stops reading a 200 MB answer at the limit (32 MiB by default) with RestcommResponseTooLargeError', async () => {
    const body = bigBody(200 * 1024 * 1024);
    const f = recorder(() => new Response(body.stream, { headers: { 'Content-Type': 'application/json' } }));
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch });
    const err = await rejectionOf(c.calls.fetch(CALL));
    expect(err).toBeInstanceOf(RestcommResponseTooLargeError);
    expect(err).toBeInstanceOf(RestcommError);
    expect(err).toMatchObject({ status: 200, limitBytes: 32 * 1024 * 1024 });
    expect(body.pulled()).toBeLessThan(33 * 1024 * 1024 + 1);
  });

  it('refuses a declared Content-Length over the limit without reading, and the limit is an option', async () => {
    const body = bigBody(1024 * 1024);
    const f = recorder(() => new Response(body.stream, { headers: { 'Content-Length': String(1024 * 1024) } }));
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch, maxResponseBytes: 1000 });
    await expect(c.calls.fetch(CALL)).rejects.toMatchObject({ name: 'RestcommResponseTooLargeError', limitBytes: 1000 });
    expect(body.pulled()).toBeLessThanOrEqual(64 * 1024); // the stream's own read-ahead of one chunk, nothing more
  });

  it('keeps a 50 MB error body out of the message (a few kB of it at most) but reachable within the limit', async () => {
    const text = 'x'.repeat(50 * 1024 * 1024);
    const f = recorder(() => new Response(text, { status: 500, headers: { 'Content-Type': 'text/plain' } }));
    const big = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch, maxResponseBytes: 64 * 1024 * 1024 });
    const err = (await rejectionOf(big.calls.fetch(CALL))) as RestcommHttpError;
    expect(err).toBeInstanceOf(RestcommHttpError);
    expect(err.message.length).toBeLessThan(4096);
    expect((err.body as string).length).toBe(text.length);
    const small = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch });
    await expect(small.calls.fetch(CALL)).rejects.toBeInstanceOf(RestcommResponseTooLargeError);
  });
});

describe('failures while reading an answer', () => {
  it('a connection closed mid-body is a RestcommNetworkError, not a raw TypeError', async () => {
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: local });
    const err = await rejectionOf(c.calls.fetch(CALL));
    expect(err).toBeInstanceOf(RestcommNetworkError);
    expect(err.message).toMatch(/while reading its HTTP 200 answer/);
  });

  it('invalid JSON or invalid UTF-8 on a 200 is a RestcommInvalidResponseError, not a raw SyntaxError', async () => {
    const f = recorder(() => new Response('{"sid": nope', { headers: { 'Content-Type': 'application/json' } }));
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch });
    const err = await rejectionOf(c.calls.fetch(CALL));
    expect(err).toBeInstanceOf(RestcommInvalidResponseError);
    expect(err.message).toMatch(/not valid JSON: "\{\\"sid\\": nope"/);
    const bytes = recorder(() => new Response(new Uint8Array([0x22, 0xff, 0xfe, 0x22])));
    const c2 = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: bytes.fetch });
    await expect(c2.calls.fetch(CALL)).rejects.toThrow(/not valid UTF-8/);
  });

  it('a null page envelope or a non-array list is an invalid answer, not a raw TypeError', async () => {
    const f = recorder(() => Response.json(null));
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch });
    const walk = async () => {
      for await (const _ of c.sms.messages.each()) void _;
    };
    await expect(walk()).rejects.toBeInstanceOf(RestcommInvalidResponseError);
    const walkArray = async () => {
      for await (const _ of c.accounts.each()) void _;
    };
    await expect(walkArray()).rejects.toThrow(/null where a list \(JSON array\) was expected/);
  });
});

describe('result mode', () => {
  it('resolves with { error } for every kind of failure, and still throws argument mistakes', async () => {
    const answers: (() => Response | Promise<Response>)[] = [
      () => new Response('{"message":"gone"}', { status: 410 }),
      () => new Response('{"sid": nope', { headers: { 'Content-Type': 'application/json' } }),
      () => new Response(bigBody(2000).stream),
      () => Promise.reject(new TypeError('fetch failed', { cause: new Error('ECONNRESET') })),
      () => new Promise<Response>(() => {}),
    ];
    let next = 0;
    const f = recorder(() => answers[next++]!());
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch, errors: 'result', maxResponseBytes: 1000 });
    const kinds: string[] = [];
    for (let i = 0; i < answers.length; i++) {
      const result = await c.calls.fetch(CALL, { timeout: i === answers.length - 1 ? 50 : 0 });
      expect(result.error).toBeInstanceOf(RestcommError);
      kinds.push(result.error!.type);
    }
    expect(kinds).toEqual(['http_error', 'invalid_response', 'response_too_large', 'network_error', 'timeout']);
    await expect(c.calls.fetch('..')).rejects.toBeInstanceOf(TypeError);
  });

  it('reading the closed-socket answer also resolves in result mode', async () => {
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: local, errors: 'result' });
    const result = await c.accounts.list();
    expect(result.error).toBeInstanceOf(RestcommNetworkError);
  });
});
