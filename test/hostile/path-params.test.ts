// Class 1: path parameters cannot leave their segment (dot segments, empty values, values that break the SID pattern).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createClient, createRawClient } from '../../src/index.js';
import { parseWebhook } from '../../src/webhooks/index.js';
import { BASE, CALL, SID, TOKEN, recorder, rejectionOf } from './support.js';

const client = (f = recorder()) => ({ f, c: createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch }) });

describe('path parameters', () => {
  it('refuse dot segments and values outside the SID pattern, naming the parameter, before sending', async () => {
    const { f, c } = client();
    for (const attempt of [
      () => c.calls.recordings.list('..'),
      () => c.visualDesigner.logs.delete('..' as never),
      () => c.calls.fetch(CALL, { accountSid: '..' }),
      () => c.calls.fetch(CALL, { accountSid: '' }),
      () => c.calls.fetch('CA../../Accounts'),
      () => c.visualDesigner.templates.fetch('..'),
      () => c.visualDesigner.templates.fetch('.'),
      () => c.traces.fetch('\uD800'),
    ]) {
      const err = await rejectionOf(attempt());
      expect(err).toBeInstanceOf(TypeError);
      expect(err.message).toMatch(/path parameter (CallSid|AccountSid|applicationSid|templateId|TraceSid)/);
    }
    expect(f.calls()).toBe(0);
  });

  it('refuse them in the raw client as well', async () => {
    const f = recorder();
    const raw = createRawClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch });
    await expect(raw.GET('/Accounts/{AccountSid}/Calls.json', { params: { path: { AccountSid: '..' } } })).rejects.toThrow(/path parameter AccountSid/);
    expect(f.calls()).toBe(0);
  });

  it('keep every value inside its segment: for any string, the literal segments and the segment count stay, or the call fails naming the parameter', async () => {
    const f = recorder();
    const c = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: f.fetch });
    // Visual Designer lives on its own server path at the base URL's origin.
    const template = ['', 'visual-designer', 'services', 'templates', 'x'];
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('.', '..', '...', '%2e', '%2e%2e', '/', '?', '#', '\\', '.%2e')), async (value) => {
        const before = f.calls();
        try {
          await c.visualDesigner.templates.fetch(value);
        } catch (err) {
          expect(err).toBeInstanceOf(TypeError);
          expect((err as Error).message).toContain('templateId');
          expect(f.calls()).toBe(before);
          return;
        }
        const sent = new URL(f.sent.at(-1)!.url);
        const segments = sent.pathname.split('/');
        expect(segments.length).toBe(template.length);
        expect(segments.slice(0, -1)).toEqual(template.slice(0, -1));
        expect(decodeURIComponent(segments.at(-1)!)).toBe(value);
        expect(sent.search + sent.hash).toBe('');
      }),
      { numRuns: 300 },
    );
  });
});

describe('webhook SIDs', () => {
  it('parseWebhook refuses a forged CallSid=.. so it cannot steer a later call', () => {
    const body = new URLSearchParams({
      CallSid: '..',
      InstanceId: 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0',
      AccountSid: SID,
      From: '+15125550100',
      To: '+15126002188',
      CallStatus: 'ringing',
      ApiVersion: '2012-04-24',
      Direction: 'inbound',
      CallerName: '',
      ForwardedFrom: '',
      CallTimestamp: '2024-03-04T09:15:02.114Z',
    });
    expect(() => parseWebhook('voiceRequest', body)).toThrow(/CallSid="\.\." does not match the pattern/);
    body.set('CallSid', CALL);
    body.set('CallTimestamp', 'yesterday');
    expect(() => parseWebhook('voiceRequest', body)).toThrow(/CallTimestamp="yesterday" is not an RFC 3339 date-time/);
    body.set('CallTimestamp', '2024-03-04T09:15:02.114Z');
    body.set('To', 'x'.repeat(100_000));
    body.set('CallStatus', 'y'.repeat(100_000));
    const err = (() => {
      try {
        parseWebhook('voiceRequest', body);
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted');
    })();
    expect(err.message.length).toBeLessThan(2000);
    expect(err.message).toContain('(100000 characters)');
  });
});
