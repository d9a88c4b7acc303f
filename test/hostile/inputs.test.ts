// Classes 4, 6, 7, 8, 9, 10, 11 and 14: what callers pass in is checked, encoded or refused, never sent half-right.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { describeCode, describeErrorCode } from '../../src/codes.js';
import { validateRcml } from '../../src/rcml/index.js';
import { VERSION } from '../../src/version.js';
import { BASE, CALL, SID, TOKEN, recorder, rejectionOf } from './support.js';
import pkg from '../../package.json' with { type: 'json' };

const make = (options: Record<string, unknown> = {}) => {
  const f = recorder();
  return { f, c: createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch, ...options }) };
};

describe('timeouts beyond the timer maximum (2^31 - 1 ms)', () => {
  it('are refused, client-wide, per call and in retry options, instead of firing after 1 ms', async () => {
    expect(() => make({ timeout: 2 ** 31 })).toThrow(/timeout must be a number of ms from 0 to 2147483647/);
    expect(() => make({ retry: { maxDelayMs: 2 ** 31 } })).toThrow(/retry.maxDelayMs must be a number from 0 to 2147483647/);
    const { f, c } = make();
    await expect(c.calls.fetch(CALL, { timeout: 2 ** 31 })).rejects.toThrow(/calls.fetch: timeout must be/);
    expect(f.calls()).toBe(0);
    // The largest timer that exists still works (the answer comes first).
    await expect(c.calls.fetch(CALL, { timeout: 2 ** 31 - 1 })).resolves.toEqual({});
  });
});

describe('queries', () => {
  it('encode keys, send own keys only, serialise Dates per the declared format, refuse NaN and undeclared Dates', async () => {
    const { f, c } = make();
    await c.calls.list({ 'To&admin': 'x', 'a#b': 'y' } as never);
    expect(new URL(f.sent[0]!.url).search).toBe('?To%26admin=x&a%23b=y');
    const inherited = Object.assign(Object.create({ Status: 'completed' }) as object, { To: '+1' });
    await c.calls.list(inherited as never);
    expect(new URL(f.sent[1]!.url).search).toBe('?To=%2B1');
    await c.calls.list({ StartTime: new Date(Date.UTC(2024, 2, 1, 23, 30)) } as never);
    expect(new URL(f.sent[2]!.url).search).toBe('?StartTime=2024-03-01');
    await expect(c.calls.list({ To: new Date() } as never)).rejects.toThrow(/Query parameter "To" is a Date, but the spec declares no date format/);
    await expect(c.calls.list({ Page: Number.NaN })).rejects.toThrow(/Query parameter "Page" is NaN/);
    await expect(c.calls.list({ Page: Infinity })).rejects.toThrow(/Query parameter "Page" is Infinity/);
    await expect(c.calls.list({ StartTime: new Date('nope') } as never)).rejects.toThrow(/"StartTime" is an invalid Date/);
    expect(f.calls()).toBe(3);
  });
});

describe('comma-joined form fields', () => {
  it('refuse an item holding a comma (the server would read two events)', async () => {
    const { f, c } = make();
    await expect(c.calls.create({ From: '+1', To: '+2', Url: 'https://x.example/a', StatusCallbackEvent: ['answered,evil' as 'answered'] })).rejects.toThrow(
      /Form field "StatusCallbackEvent\[0\]" contains a comma/,
    );
    expect(f.calls()).toBe(0);
  });
});

describe('domain', () => {
  it('must be a host with an optional port', () => {
    for (const domain of ['', 'http://evil.example', 'evil.example/x', 'user@evil.example', 'evil .example', 'a:99999', 'evil.example?x']) {
      expect(() => createClient({ accountSid: SID, authToken: TOKEN, domain }), domain).toThrow(/domain/);
    }
    for (const domain of ['cloud.restcomm.com', 'restcomm.acme-tel.example:8443', '10.0.0.7', '[::1]:8080']) {
      expect(() => createClient({ accountSid: SID, authToken: TOKEN, domain }), domain).not.toThrow();
    }
  });
});

describe('code look-ups', () => {
  it('see own keys only, never prototype members', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(describeErrorCode(name)).toBeUndefined();
      expect(describeCode('ReasonCode', name)).toBeUndefined();
      expect(describeCode(name as never, '30001')).toBeUndefined();
    }
    expect(describeErrorCode(30001)?.dictionary).toBeDefined();
  });
});

describe('validateRcml on huge documents', () => {
  it('stops at maxProblems with one closing count, and refuses documents over maxLength unparsed', () => {
    const many = `<Response>${'<Foo/>'.repeat(5000)}</Response>`;
    const problems = validateRcml(many);
    expect(problems).toHaveLength(101);
    expect(problems.at(-1)).toMatchObject({ code: 'too-many-problems', message: '4900 more problems left out (maxProblems is 100)' });
    expect(validateRcml(many, { maxProblems: 10 })).toHaveLength(11);
    const huge = `<Response>${'<Foo/>'.repeat(200_000)}</Response>`;
    expect(validateRcml(huge)).toEqual([expect.objectContaining({ code: 'document-too-large' })]);
  });

  it('rates the closing count as bad as the worst problem it leaves out, and counts the errors among them', () => {
    const warnings = `<Response>${'<Foo/>'.repeat(3)}</Response>`; // unknown verbs: warnings
    expect(validateRcml(warnings, { maxProblems: 2 }).at(-1)).toEqual({ path: 'Response', code: 'too-many-problems', severity: 'warning', message: '1 more problem left out (maxProblems is 2)' });
    const mixed = `<Response><Foo/>${'<Play/>'.repeat(3)}<Foo/></Response>`; // a warning, three errors, a warning
    expect(validateRcml(mixed, { maxProblems: 2 }).at(-1)).toEqual({ path: 'Response', code: 'too-many-problems', severity: 'error', message: '3 more problems left out (maxProblems is 2; 2 of them errors)' });
  });

  it('says which limit a document broke, and refuses limits and input it cannot use', () => {
    expect(validateRcml('<Response/>', { maxLength: 5 })).toEqual([
      { path: '', code: 'document-too-large', severity: 'error', message: 'the document has 11 characters, over the 5-character limit (maxLength); it was not checked' },
    ]);
    expect(() => validateRcml(42 as never)).toThrow('validateRcml expects a string, got number');
    expect(() => validateRcml('<Response/>', { maxProblems: 0 })).toThrow('maxProblems must be a whole number of at least 1, got 0');
    expect(() => validateRcml('<Response/>', { maxLength: -1 })).toThrow('maxLength must be a whole number of characters, got -1');
  });
});

describe('retries and headers', () => {
  it('an invalid header value is an argument mistake, refused before sending, never retried as a network error', async () => {
    const { f, c } = make({ retry: { maxRetries: 3, baseDelayMs: 1 } });
    const err = await rejectionOf(c.calls.fetch(CALL, { headers: { 'X-Note': 'a\r\nInjected: yes' } }));
    expect(err).toBeInstanceOf(TypeError);
    expect(err.message).toMatch(/header X-Note has a value that cannot be sent/);
    await expect(c.calls.fetch(CALL, { headers: { 'Bad Name': 'x' } })).rejects.toThrow(/"Bad Name" is not a valid header name/);
    expect(f.calls()).toBe(0);
  });
});

describe('User-Agent', () => {
  it('names the package, its version and the runtime, and can be overridden', async () => {
    expect(VERSION).toBe(pkg.version);
    const { f, c } = make();
    await c.calls.fetch(CALL);
    expect(f.sent[0]!.headers).toContainEqual(['user-agent', `restcomm-cpaas/${pkg.version} node/${process.versions.node}`]);
    const custom = make({ userAgent: 'acme-dialer/2.1' });
    await custom.c.calls.fetch(CALL);
    expect(custom.f.sent[0]!.headers).toContainEqual(['user-agent', 'acme-dialer/2.1']);
  });
});
