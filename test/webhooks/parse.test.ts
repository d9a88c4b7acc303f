// The webhook parser: spec examples round-trip, missing/invalid parameters are reported, extras survive.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WebhookEntry } from '../../src/webhooks/entry.js';
import { createWebhookParser, WebhookError } from '../../src/webhooks/parse.js';
import { examplesOf, requestMedia, table, toForm, validateStrictly, webhookOperations } from './support.js';

const parse = createWebhookParser(table);

/** Runs `fn` and returns the WebhookError it throws (failing the test when it throws nothing or something else). */
function webhookError(fn: () => unknown): WebhookError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookError);
    return error as WebhookError;
  }
  throw new Error('expected a WebhookError, nothing was thrown');
}

const exampleCases = webhookOperations.flatMap((op) => {
  const { media } = requestMedia(op);
  return examplesOf(media).map((ex) => ({ label: `${op.key} "${ex.name}"`, key: op.key, schema: media.schema!, example: ex }));
});

const voice = {
  CallSid: 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  InstanceId: 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0',
  AccountSid: 'AC9f46b62376f96e83cc19ed9502987c78',
  From: '+15125550100',
  To: '+15126002188',
  CallStatus: 'in-progress',
  ApiVersion: '2012-04-24',
  Direction: 'inbound',
  CallerName: 'null',
  ForwardedFrom: 'null',
  CallTimestamp: '2024-03-04T09:15:02.114Z',
};

describe('spec examples', () => {
  it('exist for every webhook', () => {
    const withExamples = new Set(exampleCases.map((c) => c.key));
    expect(Object.keys(table).filter((key) => !withExamples.has(key))).toEqual([]);
  });

  it.each(exampleCases.map((c) => [c.label, c] as const))('%s parses from its form and validates strictly', (_label, c) => {
    expect(typeof c.example.summary, 'every example has a summary').toBe('string');
    const value = c.example.value as Record<string, unknown>;
    expect(validateStrictly(c.schema, value)).toBe('');
    // Named parameters are members; families matched by pattern (SipHeader_X-…) come back under `extras`.
    const { extras, ...named } = parse(c.key, toForm(value));
    expect({ ...named, ...extras }).toEqual(value);
    expect(Object.keys(extras).every((name) => !Object.hasOwn(table[c.key]!.fields, name))).toBe(true);
    expect(validateStrictly(c.schema, { ...named, ...extras })).toBe('');
  });
});

describe('required parameters', () => {
  it('names every missing parameter and the kind in one error', () => {
    const { CallSid: _a, AccountSid: _b, CallTimestamp: _c, ...rest } = voice;
    const error = webhookError(() => parse('voiceRequest', rest));
    expect(error.kind).toBe('voiceRequest');
    expect([...error.missing].sort()).toEqual(['AccountSid', 'CallSid', 'CallTimestamp']);
    for (const name of ['voiceRequest', 'CallSid', 'AccountSid', 'CallTimestamp']) expect(error.message).toContain(name);
    expect(error.message).not.toContain('InstanceId');
  });

  it('lists every required parameter of every kind when the body is empty', () => {
    for (const [kind, entry] of Object.entries(table)) {
      const error = webhookError(() => parse(kind, ''));
      expect(error.missing).toEqual(entry.required);
      for (const name of entry.required) expect(error.message).toContain(name);
    }
  });

  it('reports missing and invalid parameters together', () => {
    const { To: _to, ...rest } = voice;
    const error = webhookError(() => parse('dialAction', { ...rest, DialCallSid: 'null', DialCallStatus: 'bogus', DialCallDuration: 'abc' }));
    expect(error.missing).toEqual(['To']);
    expect(error.problems.map((p) => p.parameter).sort()).toEqual(['DialCallDuration', 'DialCallStatus']);
  });
});

describe('conversion and enums', () => {
  it('converts integer, number and integer-enum parameters', () => {
    const dial = parse('dialAction', { ...voice, DialCallSid: 'null', DialCallStatus: 'null', DialCallDuration: '94', DialRingDuration: '0', DialSipResponseCode: '486' });
    expect(dial.DialCallDuration).toBe(94);
    expect(dial.DialRingDuration).toBe(0);
    expect(dial.DialSipResponseCode).toBe(486);
    expect(dial.DialCallStatus).toBe('null');
    const record = parse('recordAction', { ...voice, RecordingDuration: '12.34', Digits: 'hangup' });
    expect(record.RecordingDuration).toBe(12.34);
    expect(record.Digits).toBe('hangup');
  });

  it('rejects a value that is not an integer, naming the parameter and the value', () => {
    for (const bad of ['abc', '1.5', '1e3', ' 12', '0x10', '99999999999999999999']) {
      const error = webhookError(() => parse('dialAction', { ...voice, DialCallSid: 'null', DialCallStatus: 'failed', DialCallDuration: bad }));
      expect(error.message).toContain('DialCallDuration');
      expect(error.message).toContain(JSON.stringify(bad));
      expect(error.problems).toEqual([expect.objectContaining({ parameter: 'DialCallDuration', value: bad })]);
      expect(error.missing).toEqual([]);
    }
  });

  it('rejects a value that is not a number', () => {
    for (const bad of ['twelve', 'NaN', 'Infinity', '1.2.3']) {
      const error = webhookError(() => parse('recordAction', { ...voice, RecordingDuration: bad, Digits: '#' }));
      expect(error.message).toMatch(new RegExp(`RecordingDuration=${JSON.stringify(bad).replace(/[.*+?^$()|[\]\\]/g, '\\$&')} is not a number`));
    }
  });

  it('checks enums, naming the parameter, the value and the allowed values', () => {
    const error = webhookError(() => parse('voiceRequest', { ...voice, CallStatus: 'answered' }));
    expect(error.message).toContain('CallStatus');
    expect(error.message).toContain('"answered"');
    for (const allowed of ['queued', 'ringing', 'wait-for-answer', 'completed']) expect(error.message).toContain(allowed);

    const progress = {
      InstanceId: voice.InstanceId, AccountSid: voice.AccountSid, CallSid: voice.CallSid, From: '+15126002188', To: '+15125550150',
      Direction: 'outbound-dial', CallerName: '+15126002188', ForwardedFrom: '', CallStatus: 'ringing',
      Timestamp: 'Mon, 04 Mar 2024 09:15:09 UTC', CallbackSource: 'call-progress-events', SequenceNumber: '1',
    };
    expect(parse('dialStatusCallback', progress).SequenceNumber).toBe(1);
    const seq = webhookError(() => parse('dialStatusCallback', { ...progress, SequenceNumber: '7' }));
    expect(seq.message).toMatch(/SequenceNumber="7" is not one of the allowed values: 0, 1, 2, 3/);
    const source = webhookError(() => parse('callStatusCallback', { ...progress, CallbackSource: 'other' }));
    expect(source.message).toContain('"call-progress-events"');
  });

  it('treats an empty value as absent where the parameter cannot be empty text', () => {
    const dial = parse('dialAction', { ...voice, DialCallSid: 'null', DialCallStatus: 'failed', DialCallDuration: '0', DialRingDuration: '' });
    expect(dial).not.toHaveProperty('DialRingDuration');
    const error = webhookError(() => parse('dialAction', { ...voice, DialCallSid: 'null', DialCallStatus: 'failed', DialCallDuration: '' }));
    expect(error.missing).toEqual(['DialCallDuration']);
    // Plain text keeps its empty value (Restcomm sends bare names for null).
    expect(parse('gatherAction', `${toForm(voice)}&Digits&SpeechResult=`)).toMatchObject({ Digits: '', SpeechResult: '' });
  });
});

describe('extra and repeated parameters', () => {
  it('keeps parameters the spec does not name, as text, apart from the named ones', () => {
    const parsed = parse('voiceRequest', { ...voice, Foo: 'bar', Count: 3, 'SipHeader_X-Acme-Ticket': 'T-1', 'SipHeader_P-Asserted-Identity': 'x' });
    expect(parsed.extras).toEqual({ Foo: 'bar', Count: '3', 'SipHeader_X-Acme-Ticket': 'T-1', 'SipHeader_P-Asserted-Identity': 'x' });
    expect(Object.hasOwn(parsed, 'Foo')).toBe(false);
  });

  it('keeps names that collide with Object.prototype as ordinary members', () => {
    const parsed = parse('voiceRequest', `${toForm(voice)}&__proto__=p&constructor=c&toString=t`);
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parsed.extras)).toBe(Object.prototype);
    expect(Object.keys(parsed.extras)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(Object.getOwnPropertyDescriptor(parsed.extras, '__proto__')?.value).toBe('p');
    expect(parsed.extras.constructor).toBe('c');
  });

  it('keeps the first value of a repeated scalar parameter (an SMS status callback sends Body twice)', () => {
    const form = 'From=%2B15126002188&To=%2B15125550100&Body=Your+code+is+482915&AccountSid=AC9f46b62376f96e83cc19ed9502987c78'
      + '&Body=Your+code+is+482915&MessageSid=SM3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b&MessageStatus=delivered&Extra=1&Extra=2';
    const parsed = parse('smsStatusCallback', form);
    expect(parsed.Body).toBe('Your code is 482915');
    expect(parsed.extras.Extra).toBe('1');
    expect(parse('smsStatusCallback', form.replace('&Body=Your+code+is+482915&Message', '&Body=second&Message')).Body).toBe('Your code is 482915');
  });

  it('keeps every value of a parameter declared as an array', () => {
    const entry: WebhookEntry = {
      method: 'POST', operationId: 'sendThing', mediaType: 'application/x-www-form-urlencoded', required: ['Id'],
      fields: { Id: { type: 'integer' }, Tag: { type: 'array', enum: ['a', 'b'] }, Flag: { type: 'boolean' } },
      patterns: [{ pattern: '^N_.+$', field: { type: 'number' } }], repeated: ['Tag'],
    };
    const parseThing = createWebhookParser({ thing: entry });
    expect(parseThing('thing', 'Id=1&Tag=a&Tag=b&Flag=TRUE&N_x=1.5&N_x=2')).toEqual({ Id: 1, Tag: ['a', 'b'], Flag: true, extras: { N_x: 1.5 } });
    expect(parseThing('thing', { Id: '1', Tag: ['b'] })).toEqual({ Id: 1, Tag: ['b'], extras: {} });
    expect(webhookError(() => parseThing('thing', 'Id=1&Tag=a&Tag=c')).message).toMatch(/Tag="c" is not one of the allowed values: "a", "b"/);
    expect(webhookError(() => parseThing('thing', 'Id=1&Flag=yes')).message).toMatch(/Flag="yes" is not true or false/);
    expect(webhookError(() => parseThing('thing', 'Id=1&N_y=abc')).message).toMatch(/N_y="abc" is not a number/);
  });
});

describe('inputs and kinds', () => {
  it('gives the same result for URLSearchParams, a form string and a parsed object', () => {
    const form = new URLSearchParams(toForm({ ...voice, DialCallSid: 'null', DialCallStatus: 'busy', DialCallDuration: 0, 'DialSipHeader_X-Reason': 'a b&c=d' }));
    form.append('Extra', 'first');
    form.append('Extra', 'second');
    const fromParams = parse('dialAction', form);
    const fromString = parse('dialAction', form.toString());
    const fromQuery = parse('dialAction', `?${form.toString()}`);
    // What express.urlencoded / fastify-formbody produce: repeated keys become arrays.
    const fromObject = parse('dialAction', { ...voice, DialCallSid: 'null', DialCallStatus: 'busy', DialCallDuration: '0', 'DialSipHeader_X-Reason': 'a b&c=d', Extra: ['first', 'second'] });
    expect(fromString).toEqual(fromParams);
    expect(fromQuery).toEqual(fromParams);
    expect(fromObject).toEqual(fromParams);
    expect(fromParams).toMatchObject({ DialCallDuration: 0, extras: { 'DialSipHeader_X-Reason': 'a b&c=d', Extra: 'first' } });
  });

  it('is idempotent: a parsed payload parses to itself', () => {
    const once = parse('dialAction', { ...voice, DialCallSid: 'null', DialCallStatus: 'busy', DialCallDuration: '7' });
    expect(parse('dialAction', once)).toEqual(once);
  });

  it('rejects an unknown kind, naming the known kinds', () => {
    const error = webhookError(() => parse('voiceCallback' as never, ''));
    expect(error.message).toContain('"voiceCallback"');
    for (const kind of Object.keys(table)) expect(error.message).toContain(kind);
    expect(() => parse('constructor' as never, '')).toThrow(WebhookError);
    expect(() => parse('toString' as never, '')).toThrow(/known kinds/);
  });

  it('rejects nested values and non-form inputs', () => {
    expect(webhookError(() => parse('voiceRequest', { ...voice, From: { a: 1 } })).message).toContain('From');
    expect(() => parse('voiceRequest', null as never)).toThrow(TypeError);
    expect(() => parse('voiceRequest', ['a'] as never)).toThrow(TypeError);
  });
});

describe('properties', () => {
  const declared = (kind: string, name: string) =>
    Object.hasOwn(table[kind]!.fields, name) || table[kind]!.patterns.some((p) => new RegExp(p.pattern, 'u').test(name));
  const kinds = fc.constantFrom(...Object.keys(table));
  // Well-formed Unicode text (URL encoding replaces lone surrogates, so those could not survive the string form).
  const text = fc.string({ unit: 'grapheme', maxLength: 20 });

  it('keeps arbitrary extra parameters verbatim, whatever the input form', () => {
    fc.assert(
      fc.property(kinds, fc.uniqueArray(fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), text), { selector: ([n]) => n, maxLength: 8 }), (kind, pairs) => {
        const extras = pairs.filter(([name]) => !declared(kind, name));
        const example = exampleCases.find((c) => c.key === kind)!.example.value as Record<string, unknown>;
        const base = toForm(example);
        const params = new URLSearchParams(base);
        for (const [name, value] of extras) params.append(name, value);
        const object: Record<string, unknown> = Object.fromEntries(base.entries());
        for (const [name, value] of extras) Object.defineProperty(object, name, { value, enumerable: true, configurable: true, writable: true });
        for (const input of [params, params.toString(), object]) {
          const parsed = parse(kind, input);
          for (const [name, value] of extras) expect(Object.getOwnPropertyDescriptor(parsed.extras, name)?.value).toBe(value);
          expect(Object.keys(parsed).length - 1 + Object.keys(parsed.extras).length).toBe(Object.keys(example).length + extras.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never changes a declared string parameter, and converts integers exactly', () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 2 ** 31 }), (callerName, duration) => {
        const parsed = parse('dialAction', { ...voice, CallerName: callerName, DialCallSid: 'null', DialCallStatus: 'completed', DialCallDuration: String(duration) });
        expect(parsed.CallerName).toBe(callerName);
        expect(parsed.DialCallDuration).toBe(duration);
      }),
    );
  });
});
