// Class 5: credentials. No user:pass@ in base URLs; a server echoing the Authorization header back cannot put the
// token or the Basic value into anything the SDK throws or the live contract checker prints.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient, createRawClient } from '../../src/index.js';
import { formatReport, redactor, type CallRecord } from '../../scripts/lib/contract.js';
import { BASE, BASIC, CALL, SID, TOKEN, recorder, rejectionOf } from './support.js';

const leaks = (text: string) => [TOKEN, BASIC, `${SID}:${TOKEN}`].filter((secret) => text.includes(secret));

describe('credentials', () => {
  it('a base URL with user:password@ is refused, and the refusal does not repeat the password', () => {
    for (const make of [
      () => createClient({ accountSid: SID, authToken: TOKEN, baseUrl: `https://${SID}:${TOKEN}@restcomm.acme-tel.example/restcomm/2012-04-24` }),
      () => createRawClient({ accountSid: SID, authToken: TOKEN, baseUrl: `http://user:${TOKEN}@localhost:8080/restcomm/2012-04-24` }),
    ]) {
      let err: Error | undefined;
      try {
        make();
      } catch (e) {
        err = e as Error;
      }
      expect(err).toBeInstanceOf(TypeError);
      expect(err!.message).toMatch(/must not carry credentials/);
      expect(leaks(err!.message)).toEqual([]);
    }
  });

  it('a server echoing the Authorization header (body, headers, reason phrase, invalid JSON, network error) leaks nothing', async () => {
    const echo = (auth: string): Response[] => [
      Response.json({ message: `bad credentials ${auth} (${SID}:${TOKEN})`, error: auth }, { status: 401, statusText: `Denied ${auth}`, headers: { 'X-Echo': auth } }),
      new Response(`not json: ${auth}`, { headers: { 'Content-Type': 'application/json' } }),
    ];
    const failures: unknown[] = [];
    let i = 0;
    const f = recorder((sent) => {
      const auth = sent.headers.find(([name]) => name === 'authorization')![1];
      const answers = echo(auth);
      if (i >= answers.length) return Promise.reject(new TypeError('fetch failed', { cause: new Error(`proxy refused ${auth}`) }));
      return answers[i++]!;
    });
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch });
    for (let n = 0; n < 3; n++) failures.push(await rejectionOf(c.calls.fetch(CALL)));
    expect(f.sent.every((s) => s.headers.some(([, v]) => v === `Basic ${BASIC}`))).toBe(true); // it was sent
    const haystack = failures
      .flatMap((e) => [String(e), (e as Error).stack ?? '', JSON.stringify(e), inspect(e, { depth: 8 }), inspect(e, { depth: 8, showHidden: true }), JSON.stringify((e as { body?: unknown }).body ?? null)])
      .join('\n');
    expect(haystack).toContain('[redacted]');
    expect(leaks(haystack)).toEqual([]);
  });

  it('the live contract report redacts the token and the Basic value, however they came back', () => {
    const records: CallRecord[] = [
      {
        operationId: 'fetchCall',
        path: `/Accounts/${SID}/Calls/${CALL}.json`,
        status: 401,
        findings: [{ code: 'status', location: 'response.status', message: `HTTP 401: Basic ${BASIC} rejected for ${SID}:${TOKEN}` }],
      },
    ];
    const printed = redactor(SID, TOKEN)(formatReport(records));
    expect(printed).toContain('Basic [redacted]');
    expect(leaks(printed)).toEqual([]);
  });
});
