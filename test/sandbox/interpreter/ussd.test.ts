// USSD pull sessions (rcml.yaml contexts.ussd): the number's UssdUrl answers RCML run in the `ussd` context; each
// document's UssdMessage lines become one message (182 characters with language en, 80 otherwise); a UssdCollect
// posts the subscriber's reply as Digits to its action, whose RCML continues the session.
import { describe, expect, it } from 'vitest';
import { checkWebhookRequest } from '../../../src/sandbox/webhook-sender.js';
import { parseWebhook, type WebhookKind } from '../../../src/webhooks/index.js';
import { USSD_REPLY_TIMEOUT_MS, USSD_TOO_LONG_TEXT } from '../../../src/sandbox/ussd-lifecycle.js';
import { CALLER, ofType, useInterpreter, verbs } from './harness.js';

describe('USSD sessions', () => {
  const t = useInterpreter();
  const ussdNumber = (settings: Record<string, string> = {}) => t.number({ UssdUrl: `${t.app.url}/ussd`, ...settings });

  it('a menu with UssdCollect: the message, the reply posted as Digits, the answer that ends the session', async () => {
    t.rcml('/ussd', '<Response><UssdMessage>Welcome</UssdMessage><UssdCollect action="/menu"><UssdMessage>1 Balance</UssdMessage><UssdMessage>2 Top up</UssdMessage></UssdCollect></Response>');
    t.rcml('/menu', '<Response><UssdMessage>Your balance is 5 EUR</UssdMessage></Response>');
    const number = await ussdNumber();
    const callsBefore = (await t.client.calls.list()).total;
    const session = t.sandbox.ussd({ from: CALLER, to: number, input: ['1'] });
    const transcript = await session.done();
    expect(ofType(transcript.events, 'ussd').map((m) => [m.text, m.collect])).toEqual([
      ['Welcome\n1 Balance\n2 Top up', true],
      ['Your balance is 5 EUR', false],
    ]);
    expect(ofType(transcript.events, 'request').map((r) => [r.kind, r.method, r.url])).toEqual([
      ['ussdRequest', 'POST', `${t.app.url}/ussd`],
      ['ussdCollectAction', 'POST', `${t.app.url}/menu`],
    ]);
    const action = parseWebhook('ussdCollectAction', t.app.to('/menu')[0]!.params);
    expect(action).toMatchObject({ CallSid: session.sid, From: CALLER, To: number, Digits: '1', Direction: 'inbound', CallStatus: 'in-progress' });
    expect(ofType(transcript.events, 'input').map((i) => [i.input, i.source, i.verb])).toEqual([['1', 'scenario', 'UssdCollect']]);
    expect(ofType(transcript.events, 'status').map((s) => s.status)).toEqual(['in-progress', 'completed']);
    // The session is not a Call resource of the REST API.
    expect((await t.client.calls.list()).total).toBe(callsBefore);
    expect(t.sandbox.events.filter((e) => e.type === 'status' && e.sid === session.sid)).toHaveLength(2);
  });

  it('a reply sent interactively reaches the waiting UssdCollect; top-level lines come before the collect lines', async () => {
    t.rcml('/ussd', '<Response><UssdCollect action="menu" method="get">Pick one</UssdCollect><UssdMessage>Hello</UssdMessage></Response>');
    t.rcml('/menu', '<Response><UssdMessage>Done</UssdMessage></Response>');
    const session = t.sandbox.ussd({ from: CALLER, to: await ussdNumber() });
    await t.sandbox.clock.advance(1000);
    expect(ofType(session.transcript.events, 'ussd').map((m) => m.text)).toEqual(['Hello\nPick one']);
    session.send('2');
    const transcript = await session.done();
    expect(t.app.to('/menu').map((r) => [r.method, r.params.get('Digits')])).toEqual([['GET', '2']]);
    expect(ofType(transcript.events, 'input')[0]).toMatchObject({ input: '2', source: 'interactive' });
    expect(() => session.send('3')).toThrow(/has ended/);
  });

  it('no reply: the session ends after the sandbox bound, without an action request', async () => {
    t.rcml('/ussd', '<Response><UssdCollect action="/menu"><UssdMessage>Menu</UssdMessage></UssdCollect></Response>');
    const transcript = await t.sandbox.ussd({ from: CALLER, to: await ussdNumber() }).done();
    expect(t.app.to('/menu')).toEqual([]);
    expect(verbs(transcript.events)).toEqual([
      ['UssdCollect', 'done'],
      ['UssdCollect', 'timeout'],
    ]);
    // On the virtual clock: the wait is USSD_REPLY_TIMEOUT_MS.
    expect(ofType(transcript.events, 'status').map((s) => [s.status, s.offsetMs])).toEqual([
      ['in-progress', 0],
      ['completed', USSD_REPLY_TIMEOUT_MS],
    ]);
  });

  it('Language sets the limit: 182 characters with en, 80 otherwise; a longer message becomes the error text and 11100', async () => {
    const line = (n: number) => 'x'.repeat(n);
    t.rcml('/ussd', `<Response><UssdMessage>${line(182)}</UssdMessage></Response>`);
    t.rcml('/fr', `<Response><Language>fr</Language><UssdMessage>${line(81)}</UssdMessage></Response>`);
    t.rcml('/fr-ok', `<Response><Language>fr</Language><UssdMessage>${line(80)}</UssdMessage></Response>`);
    t.rcml('/en-long', `<Response><Language>en</Language><UssdMessage>${line(100)}</UssdMessage><UssdMessage>${line(82)}</UssdMessage></Response>`);
    const run = async (path: string) => (await t.sandbox.ussd({ from: CALLER, to: await ussdNumber({ UssdUrl: `${t.app.url}${path}` }) }).done()).events;
    const en = await run('/ussd');
    expect(ofType(en, 'ussd')[0]).toMatchObject({ length: 182, language: 'en' });
    expect(ofType(en, 'notification')).toEqual([]);
    const fr = await run('/fr');
    expect(ofType(fr, 'ussd')[0]).toMatchObject({ text: USSD_TOO_LONG_TEXT, language: 'fr' });
    expect(ofType(fr, 'notification').map((n) => [n.code, n.level])).toEqual([[11100, 'error']]);
    expect(ofType(await run('/fr-ok'), 'ussd')[0]).toMatchObject({ length: 80, language: 'fr' });
    // 100 + newline + 82 = 183 characters: the newline counts.
    const long = await run('/en-long');
    expect(ofType(long, 'ussd')[0]!.text).toBe(USSD_TOO_LONG_TEXT);
    expect(ofType(long, 'notification').map((n) => n.code)).toEqual([11100]);
  });

  it('only the first Language and the first UssdCollect are honoured', async () => {
    t.rcml('/ussd', '<Response><Language>en</Language><Language>fr</Language><UssdCollect action="/a"><UssdMessage>A</UssdMessage></UssdCollect><UssdCollect action="/b"><UssdMessage>B</UssdMessage></UssdCollect></Response>');
    t.rcml('/a', '<Response><UssdMessage>From A</UssdMessage></Response>');
    const transcript = await t.sandbox.ussd({ from: CALLER, to: await ussdNumber(), input: ['9'] }).done();
    expect(verbs(transcript.events)).toEqual([
      ['Language', 'done'],
      ['Language', 'skipped'],
      ['UssdCollect', 'done'],
      ['UssdCollect', 'skipped'],
      ['UssdMessage', 'done'],
    ]);
    expect(ofType(transcript.events, 'ussd').map((m) => [m.text, m.language])).toEqual([
      ['A', 'en'],
      ['From A', 'en'],
    ]);
    expect(t.app.to('/b')).toEqual([]);
    expect(t.app.to('/a')).toHaveLength(1);
  });

  it('a UssdCollect without action fails the session before any message (x-inferred from rcml.yaml verbs.UssdCollect.action)', async () => {
    t.rcml('/ussd', '<Response><UssdMessage>Hi</UssdMessage><UssdCollect><UssdMessage>Menu</UssdMessage></UssdCollect></Response>');
    const transcript = await t.sandbox.ussd({ from: CALLER, to: await ussdNumber(), input: ['1'] }).done();
    expect(verbs(transcript.events)).toEqual([
      ['UssdMessage', 'done'],
      ['UssdCollect', 'failed'],
    ]);
    expect(ofType(transcript.events, 'ussd')).toEqual([]);
    expect(ofType(transcript.events, 'status').map((s) => s.status)).toEqual(['in-progress', 'failed']);
  });

  it('a text/plain answer is the message; a verb of another context is skipped', async () => {
    t.app.reply('/ussd', { type: 'text/plain', body: 'Service closed' });
    const plain = await t.sandbox.ussd({ from: CALLER, to: await ussdNumber() }).done();
    expect(ofType(plain.events, 'ussd').map((m) => m.text)).toEqual(['Service closed']);
    expect(verbs(plain.events)).toEqual([['UssdMessage', 'done']]);

    t.rcml('/other', '<Response><Say>Hi</Say><Redirect>/x</Redirect><UssdMessage>Only this</UssdMessage></Response>');
    const other = await t.sandbox.ussd({ from: CALLER, to: await ussdNumber({ UssdUrl: `${t.app.url}/other` }) }).done();
    expect(verbs(other.events)).toEqual([
      ['Say', 'skipped'],
      ['Redirect', 'skipped'],
      ['UssdMessage', 'done'],
    ]);
    expect(ofType(other.events, 'verb')[0]).toMatchObject({ context: 'ussd', reason: '<Say> is not executed in the ussd context' });
    expect(ofType(other.events, 'ussd').map((m) => m.text)).toEqual(['Only this']);
    expect(t.app.to('/x')).toEqual([]);
  });

  it('the USSD verbs are skipped in a voice call', async () => {
    t.rcml('/voice', '<Response><UssdMessage>Hi</UssdMessage><Say>Hello</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(verbs(transcript.events)).toEqual([
      ['UssdMessage', 'skipped'],
      ['Say', 'done'],
    ]);
  });

  it('a failing UssdUrl goes to UssdFallbackUrl; the number gets the status callback at the end', async () => {
    t.app.reply('/ussd', { status: 500 });
    t.rcml('/fallback', '<Response><UssdMessage>Fallback</UssdMessage></Response>');
    const number = await ussdNumber({ UssdFallbackUrl: `${t.app.url}/fallback`, StatusCallback: `${t.app.url}/status` });
    const transcript = await t.sandbox.ussd({ from: CALLER, to: number }).done();
    expect(ofType(transcript.events, 'ussd').map((m) => m.text)).toEqual(['Fallback']);
    expect(ofType(transcript.events, 'request').map((r) => r.kind)).toEqual(['ussdRequest', 'ussdRequest', 'ussdStatusCallback']);
    expect(parseWebhook('ussdStatusCallback', t.app.to('/status')[0]!.params)).toMatchObject({ CallStatus: 'completed', To: number });
  });

  it('an application that answers 404 fails the session with 21402', async () => {
    t.app.reply('/ussd', { status: 404 });
    const transcript = await t.sandbox.ussd({ from: CALLER, to: await ussdNumber() }).done();
    expect(ofType(transcript.events, 'notification').map((n) => n.code)).toEqual([21402]);
    expect(ofType(transcript.events, 'ussd')).toEqual([]);
    expect(ofType(transcript.events, 'status').map((s) => s.status)).toEqual(['in-progress', 'failed']);
  });

  it('every USSD webhook kind sent validates against the spec, as received on the wire', async () => {
    t.rcml('/ussd', '<Response><UssdCollect action="/menu"><UssdMessage>Menu</UssdMessage></UssdCollect></Response>');
    t.rcml('/menu', '<Response><UssdMessage>Bye</UssdMessage></Response>');
    await t.sandbox.ussd({ from: CALLER, to: await ussdNumber({ StatusCallback: `${t.app.url}/status` }), input: ['*1#'] }).done();
    const sent = t.sandbox.events.filter((e) => e.type === 'request');
    expect(sent).toHaveLength(t.app.received.length);
    const kinds = sent.map((event, i) => {
      const received = t.app.received[i]!;
      const kind = event.kind as WebhookKind;
      expect(() => checkWebhookRequest({ kind, url: event.url as string, method: received.method as 'GET' | 'POST', params: [...received.params] })).not.toThrow();
      return kind;
    });
    expect(kinds).toEqual(['ussdRequest', 'ussdCollectAction', 'ussdStatusCallback']);
  });

  it('bad input gets a clear error', async () => {
    const number = await ussdNumber();
    expect(() => t.sandbox.ussd({ from: CALLER, to: '+15005550000' })).toThrow(/no incoming phone number/);
    expect(() => t.sandbox.ussd({ from: '', to: number })).toThrow(/from must be/);
    expect(() => t.sandbox.ussd({ from: CALLER, to: number, input: ['x'.repeat(183)] })).toThrow(/at most 182/);
    expect(() => t.sandbox.ussd({ from: CALLER, to: number, extra: 1 } as never)).toThrow(/unknown field extra/);
    const plain = await t.number();
    expect(() => t.sandbox.ussd({ from: CALLER, to: plain })).toThrow(/no UssdUrl/);
  });
});
