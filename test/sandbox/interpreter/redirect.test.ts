// <Redirect>: method, URLs relative to the document being run, the server's failure handling, and the chain bound.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../src/webhooks/index.js';
import { CALLER, ofType, useInterpreter, verbs } from './harness.js';

describe('Redirect', () => {
  const t = useInterpreter();

  it('requests its URL (relative to the current document) with the call parameters, and runs the answer', async () => {
    t.rcml('/voice', '<Response><Redirect method="get">menu/main</Redirect><Say>Never</Say></Response>');
    t.rcml('/menu/main', '<Response><Redirect>next</Redirect></Response>');
    t.rcml('/menu/next', '<Response><Say>Main menu</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(verbs(transcript.events)).toEqual([
      ['Redirect', 'done'],
      ['Redirect', 'done'],
      ['Say', 'done'],
    ]);
    // The second URL resolves against the first Redirect's target, not the call's VoiceUrl.
    expect(ofType(transcript.events, 'request').filter((r) => r.kind === 'voiceRedirect').map((r) => [r.method, r.url])).toEqual([
      ['GET', `${t.app.url}/menu/main`],
      ['POST', `${t.app.url}/menu/next`],
    ]);
    const get = t.app.to('/menu/main')[0]!;
    expect(get.method).toBe('GET');
    expect(parseWebhook('voiceRedirect', get.params)).toMatchObject({ CallSid: call.sid, CallStatus: 'in-progress', Direction: 'inbound' });
  });

  it('a bad method gets Notification 13710 and POST', async () => {
    t.rcml('/voice', '<Response><Redirect method="PUT">/next</Redirect></Response>');
    t.rcml('/next', '<Response><Say>ok</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'notification').map((n) => n.code)).toEqual([13710]);
    expect(t.app.to('/next')[0]!.method).toBe('POST');
  });

  it('a 404 writes Notification 21402 and ends the call not-found; any other failure 11206 and failed', async () => {
    t.rcml('/voice', '<Response><Redirect>/gone</Redirect></Response>');
    t.app.reply('/gone', { status: 404 });
    const first = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await first.done();
    expect(ofType(transcript.events, 'notification').map((n) => [n.code, n.level])).toEqual([[21402, 'warning']]);
    expect(first.view().status).toBe('not-found');

    t.app.reply('/gone', { status: 500, type: 'text/plain', body: 'boom' });
    const second = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const again = await second.done();
    expect(ofType(again.events, 'notification').map((n) => n.code)).toEqual([11206]);
    expect(second.view().status).toBe('failed');
    const notification = (await t.client.notifications.list()).notifications.find((n) => n.call_sid === second.sid)!;
    expect(notification).toMatchObject({ error_code: 11206, request_url: `${t.app.url}/gone`, response_body: 'boom' });
  });

  it('an empty Redirect goes on with the next verb', async () => {
    t.rcml('/voice', '<Response><Redirect/><Say>Next</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(verbs(transcript.events)).toEqual([
      ['Redirect', 'skipped'],
      ['Say', 'done'],
    ]);
  });

  it('a chain of Redirects is bounded: after 100 documents the call ends', async () => {
    t.rcml('/voice', '<Response><Redirect>/voice</Redirect></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(t.app.to('/voice')).toHaveLength(100);
    expect(ofType(transcript.events, 'verb').at(-1)).toMatchObject({ verb: 'Redirect', outcome: 'skipped', reason: expect.stringContaining('more than 100 documents') });
    expect(call.view().status).toBe('completed');
  });
});
