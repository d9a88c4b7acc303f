import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { createClient, RestcommHttpError as RestcommError, RestcommNetworkError } from '../../src/index.js';
import { after, drop, empty, json, scriptedFetch, text } from '../support/scripted-fetch.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const TOKEN = 'f00dfacecafe0badc0ffee5ecre7t0k3';
const CALL = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const server = scriptedFetch();

async function failureOf(promise: Promise<unknown>): Promise<RestcommError> {
  const e = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(RestcommError);
  return e as RestcommError;
}

describe('RestcommError for each error body the server sends', () => {
  const client = () => createClient({ accountSid: SID, authToken: TOKEN, baseUrl: server.baseUrl, fetch: server.fetch });

  it('an empty body with a custom reason phrase (400 Account is closed)', async () => {
    server.script(empty(400, 'Account is closed'));
    const e = await failureOf(client().accounts.update({ FriendlyName: 'x' }));
    expect(e).toMatchObject({ status: 400, serverMessage: 'Account is closed', code: undefined, method: 'POST', operationId: 'updateAccount' });
    expect(e.path).toBe(`/restcomm/2012-04-24/Accounts/${SID}.json`);
    expect(e.message).toBe(`POST /restcomm/2012-04-24/Accounts/${SID}.json failed with HTTP 400: Account is closed`);
  });

  it('a plain-text message', async () => {
    server.script(text(400, 'From can not be null.'));
    const e = await failureOf(client().calls.create({ From: '', To: '+15550101', Url: 'https://x.example/a' }));
    expect(e).toMatchObject({ status: 400, serverMessage: 'From can not be null.', body: 'From can not be null.' });
  });

  it('a plain-text body of digits stays the message', async () => {
    server.script(text(400, '21452'));
    const e = await failureOf(client().incomingPhoneNumbers.create({ PhoneNumber: '+15550100' }));
    expect(e.serverMessage).toBe('21452');
    expect(e.body).toBe('21452');
  });

  it('the JSON {message} body', async () => {
    server.script(json(400, { message: 'Password too weak' }));
    const e = await failureOf(client().accounts.create({ EmailAddress: 'a@acme-tel.example', Password: 'x' }));
    expect(e).toMatchObject({ serverMessage: 'Password too weak', code: undefined });
  });

  it('the JSON {message, error} body: error becomes the code', async () => {
    server.script(json(403, { message: 'SMS refused', error: 'SMS_LIMIT_EXCEEDED' }));
    const e = await failureOf(client().sms.messages.create({ From: '+15550100', To: '+15550101', Body: 'hi' }));
    expect(e).toMatchObject({ status: 403, code: 'SMS_LIMIT_EXCEEDED', serverMessage: 'SMS refused' });
    expect(e.message).toMatch(/\(code SMS_LIMIT_EXCEEDED\)$/);
  });

  it("the cloud services' {code, message} and {errorCode, message} envelopes", async () => {
    server.script(json(400, { errorCode: '461', message: 'Application name not unique', data: { name: 'rides' } }));
    const e = await failureOf(client().calls.fetch(CALL));
    expect(e).toMatchObject({ code: '461', serverMessage: 'Application name not unique' });
    server.script(json(400, { code: 400, message: 'Invalid phone number' }));
    expect(await failureOf(client().calls.fetch(CALL))).toMatchObject({ code: 400, serverMessage: 'Invalid phone number' });
  });

  it('a 404 with nothing at all', async () => {
    server.script(empty(404));
    const e = await failureOf(client().calls.fetch(CALL));
    expect(e).toMatchObject({ status: 404, serverMessage: 'Not Found', body: undefined });
  });

  it('a connection that never answers is a RestcommNetworkError', async () => {
    server.script(drop);
    const e = await client().calls.fetch(CALL).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RestcommNetworkError);
    expect((e as Error).message).toMatch(/GET \/restcomm\/2012-04-24\/Accounts\/.* failed before any answer: .*ECONNREFUSED/);
  });
});

describe('result mode', () => {
  it('returns { data, response } on success and { error, response } on failure instead of throwing', async () => {
    const client = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: server.baseUrl, fetch: server.fetch, errors: 'result' });
    server.script(json(200, { sid: CALL }));
    const ok = await client.calls.fetch(CALL);
    expect(ok.error).toBeUndefined();
    expect(ok.data?.sid).toBe(CALL);
    expect(ok.response?.status).toBe(200);
    server.script(empty(410, 'Gone'));
    const gone = await client.calls.update(CALL, { Status: 'completed' });
    expect(gone.data).toBeUndefined();
    expect(gone.error).toBeInstanceOf(RestcommError);
    expect(gone.response?.status).toBe(410);
  });

  it('still throws for programming errors (bad arguments)', async () => {
    const client = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: server.baseUrl, fetch: server.fetch, errors: 'result' });
    await expect((client.calls.fetch as (sid: unknown) => Promise<unknown>)(undefined)).rejects.toThrow(/calls.fetch: path parameter CallSid must be a non-empty string/);
  });
});

describe('credentials never leak', () => {
  it('appear in no error message, serialised error, inspected client, or log line', async () => {
    const lines: string[] = [];
    const logger = { debug: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) };
    const basic = Buffer.from(`${SID}:${TOKEN}`).toString('base64');
    const client = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: server.baseUrl, fetch: server.fetch, logger, retry: { baseDelayMs: 1, maxRetries: 1 }, timeout: 200 });
    const failures: unknown[] = [];
    // Backoff and the timeout run on a fake clock, moved on until each call has failed.
    vi.useFakeTimers();
    const failed = async (call: Promise<unknown>) => {
      const [outcome] = await Promise.allSettled([call, vi.runAllTimersAsync()]);
      return outcome.status === 'rejected' ? (outcome.reason as unknown) : outcome.value;
    };
    server.script(empty(401, 'Unauthorized', { 'WWW-Authenticate': 'Basic realm="Restcomm realm"' }));
    failures.push(await failed(client.calls.fetch(CALL)));
    server.script(json(500, { message: 'boom' }));
    failures.push(await failed(client.calls.list()));
    server.script(empty(503));
    failures.push(await failed(client.calls.fetch(CALL)));
    server.script(after(500, json(200, {})));
    failures.push(await failed(client.calls.fetch(CALL)));
    server.script(drop);
    failures.push(await failed(client.calls.fetch(CALL)));
    vi.useRealTimers();

    expect(lines.length).toBeGreaterThan(5);
    expect(failures.every((f) => f instanceof Error)).toBe(true);
    expect(server.received.some((r) => r.headers.authorization === `Basic ${basic}`)).toBe(true); // it was sent
    const haystack = [
      ...lines,
      ...failures.flatMap((f) => [String(f), (f as Error).stack ?? '', JSON.stringify(f), inspect(f, { depth: 6, showHidden: true })]),
      inspect(client, { depth: 6, showHidden: true }),
      JSON.stringify(client),
    ].join('\n');
    expect(haystack).not.toContain(TOKEN);
    expect(haystack).not.toContain(basic);
  });
});
