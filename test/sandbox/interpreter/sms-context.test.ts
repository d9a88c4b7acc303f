// Inbound SMS: the number's SmsUrl answers RCML that runs in the `sms` context (Sms, Redirect, Email; rcml.yaml
// contexts.sms); other verbs are skipped; an answer that is not XML/HTML stops the session with Notification 12300.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../src/webhooks/index.js';
import { CALLER, ofType, useInterpreter } from './harness.js';

describe('the SMS context', () => {
  const t = useInterpreter();

  it('Redirect requests the next document with the SMS parameters; voice verbs are skipped', async () => {
    t.rcml('/sms', '<Response><Say>Not here</Say><Redirect method="GET">sms/next</Redirect></Response>');
    t.rcml('/sms/next', '<Response><Sms>Thanks</Sms></Response>');
    const number = await t.number();
    const message = t.sandbox.receiveSms({ from: CALLER, to: number, body: 'HELP' });
    expect(message.view()).toMatchObject({ status: 'received', direction: 'inbound', body: 'HELP' });
    const transcript = await message.done();
    expect(ofType(transcript.events, 'request').map((r) => [r.kind, r.method, r.url])).toEqual([
      ['smsRequest', 'POST', `${t.app.url}/sms`],
      ['smsRedirect', 'GET', `${t.app.url}/sms/next`],
    ]);
    expect(parseWebhook('smsRedirect', t.app.to('/sms/next')[0]!.params)).toMatchObject({ SmsSid: message.sid, From: CALLER, To: number, Body: 'HELP' });
    const verbs = ofType(transcript.events, 'verb');
    expect(verbs.map((e) => [e.verb, e.context])).toEqual([
      ['Say', 'sms'],
      ['Redirect', 'sms'],
      // Sms runs through the registry in the SMS context (its handler is the media branch's).
      ['Sms', 'sms'],
    ]);
    expect(verbs[0]).toMatchObject({ outcome: 'skipped', reason: '<Say> is not executed in the sms context' });
    expect(ofType(transcript.events, 'reply')[0]!.problems).toEqual([expect.objectContaining({ code: 'unsupported-in-context' })]);
  });

  it('an answer that is not XML or HTML writes Notification 12300 and stops', async () => {
    t.app.reply('/sms', { type: 'text/plain', body: 'hello' });
    const message = t.sandbox.receiveSms({ from: CALLER, to: await t.number(), body: 'hi' });
    const transcript = await message.done();
    expect(ofType(transcript.events, 'notification').map((n) => [n.code, n.text])).toEqual([[12300, 'Invalid content type text/plain']]);
    expect(ofType(transcript.events, 'verb')).toEqual([]);
    expect(message.view().status).toBe('received');
  });

  it('a 404 writes Notification 21402', async () => {
    t.app.reply('/sms', { status: 404 });
    const message = t.sandbox.receiveSms({ from: CALLER, to: await t.number(), body: 'hi' });
    const transcript = await message.done();
    expect(ofType(transcript.events, 'notification').map((n) => n.code)).toEqual([21402]);
  });

  it('a failed SmsUrl goes to the SmsFallbackUrl', async () => {
    t.app.reply('/sms', { status: 500 });
    t.rcml('/sms-fallback', '<Response><Redirect>/sms-done</Redirect></Response>');
    t.rcml('/sms-done', '<Response/>');
    const number = await t.number({ SmsFallbackUrl: `${t.app.url}/sms-fallback` });
    const transcript = await t.sandbox.receiveSms({ from: CALLER, to: number, body: 'hi' }).done();
    expect(ofType(transcript.events, 'request').map((r) => r.url)).toEqual([`${t.app.url}/sms`, `${t.app.url}/sms-fallback`, `${t.app.url}/sms-done`]);
  });
});
