// The call life cycle against a real local app: RCML failures as the server handles them (Notifications with its
// codes, the fallback URL, the final status), call outcomes, GET requests and REST hang-up.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../src/webhooks/index.js';
import { single, useSandbox } from './fixture.js';

describe('RCML failures', () => {
  const t = useSandbox({ webhookTimeoutMs: 200 });

  async function place(path: string, extra: Record<string, string> = {}) {
    const { client, app } = t;
    return single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}${path}`, StatusCallback: `${app.url}/status`, ...extra }));
  }

  it('a 404 writes Notification 21402 and ends the call not-found', async () => {
    const { client, sandbox, app } = t;
    app.reply('/missing', { status: 404 });
    const call = await place('/missing');
    await sandbox.settle();
    expect((await client.calls.fetch(call.sid)).status).toBe('not-found');
    const [notification] = (await client.notifications.list()).notifications;
    expect(notification).toMatchObject({ error_code: 21402, log: 1, call_sid: call.sid, request_url: `${app.url}/missing`, request_method: 'POST' });
    expect((await client.notifications.fetch(notification!.sid)).message_text).toBe(`URL Not Found : ${app.url}/missing`);
    expect(app.to('/status').map((r) => r.params.get('CallStatus'))).toEqual(['initiated', 'ringing', 'answered', 'completed']);
  });

  it('an HTTP error, a body that is not XML, or a content type that is not RCML fails the call with 11206', async () => {
    const { client, sandbox, app } = t;
    app.reply('/boom', { status: 500, type: 'text/plain', body: 'oops' });
    app.reply('/broken', { type: 'text/xml', body: '<Response><Say>unclosed</Response>' });
    app.reply('/json', { type: 'application/json', body: '{}' });
    const calls = [await place('/boom'), await place('/broken'), await place('/json')];
    await sandbox.settle();
    for (const call of calls) expect((await client.calls.fetch(call.sid)).status).toBe('failed');
    const notifications = (await client.notifications.list({ ErrorCode: '11206' })).notifications;
    expect(notifications.map((n) => n.call_sid)).toEqual(calls.map((c) => c.sid));
    expect(notifications[1]!.message_text).toMatch(/not well-formed/);
    expect(notifications[0]!.response_body).toBe('oops');
  });

  it('an app that does not answer in time fails the call with 11205', async () => {
    const { client, sandbox, app } = t;
    app.reply('/slow', { type: 'text/xml', body: '<Response/>', delayMs: 2000 });
    const call = await place('/slow');
    await sandbox.settle();
    expect((await client.calls.fetch(call.sid)).status).toBe('failed');
    expect((await client.notifications.list()).notifications.map((n) => n.error_code)).toEqual([11205]);
  });

  it('the fallback URL gets the voice request when the first fetch fails', async () => {
    const { client, sandbox, app } = t;
    app.reply('/down', { status: 503 });
    app.reply('/fallback', { type: 'text/xml', body: '<Response><Say>Sorry</Say></Response>' });
    const call = await place('/down', { FallbackUrl: `${app.url}/fallback` });
    await sandbox.settle();
    expect(parseWebhook('voiceFallback', app.to('/fallback')[0]!.params).CallSid).toBe(call.sid);
    expect((await client.calls.fetch(call.sid)).status).toBe('completed');
  });
});

describe('call outcomes and control', () => {
  const t = useSandbox({ callOutcome: (call) => (call.to === '+15125550199' ? 'busy' : call.to === '+15125550198' ? 'no-answer' : 'answer') });

  it('busy and no-answer calls end without a voice request, no-answer after the Timeout', async () => {
    const { client, sandbox, app } = t;
    const busy = single(await client.calls.create({ From: '+15125550100', To: '+15125550199', Url: `${app.url}/answer` }));
    const unanswered = single(await client.calls.create({ From: '+15125550100', To: '+15125550198', Url: `${app.url}/answer`, Timeout: 20 }));
    await sandbox.clock.advance(3000);
    expect((await client.calls.fetch(busy.sid)).status).toBe('busy');
    expect((await client.calls.fetch(unanswered.sid)).status).toBe('ringing');
    await sandbox.clock.advance(18_000);
    const done = await client.calls.fetch(unanswered.sid);
    expect(done).toMatchObject({ status: 'no-answer', duration: 0, ring_duration: 21 });
    expect(app.to('/answer')).toEqual([]);
  });

  it('text/plain answers are spoken, GET requests carry the parameters in the query', async () => {
    const { client, sandbox, app } = t;
    app.reply('/plain', { type: 'text/plain', body: 'Hello there, this is a plain text answer' });
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/plain?ignored=1`, Method: 'GET' }));
    await sandbox.settle();
    const [request] = app.to('/plain');
    expect(request!.method).toBe('GET');
    expect(request!.params.get('ignored')).toBeNull();
    expect(parseWebhook('voiceRequest', request!.params).CallSid).toBe(call.sid);
    expect(sandbox.events.filter((e) => e.type === 'verb' && e.verb === 'Say').map((e) => e.text)).toEqual(['Hello there, this is a plain text answer']);
    expect((await client.calls.fetch(call.sid)).status).toBe('completed');
  });

  it('a REST hang-up ends a call in progress at once, with its completed event', async () => {
    const { client, sandbox, app } = t;
    app.reply('/hold', { type: 'text/xml', body: '<Response><Pause length="600"/></Response>' });
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/hold`, StatusCallback: `${app.url}/status` }));
    await sandbox.clock.advance(10_000);
    await client.calls.update(call.sid, { Status: 'completed' });
    await sandbox.settle();
    const done = await client.calls.fetch(call.sid);
    expect(done).toMatchObject({ status: 'completed', duration: 7 });
    const completed = parseWebhook('callStatusCallback', app.to('/status').at(-1)!.params);
    expect(completed).toMatchObject({ CallStatus: 'completed', CallDuration: 7 });
    expect(sandbox.clock.now() - Date.UTC(2026, 2, 4, 11, 30)).toBe(10_000); // nothing ran the 600 s pause out
  });

  it('a live redirect (calls.update with Url) stops the document and runs the RCML of the new URL', async () => {
    const { client, sandbox, app } = t;
    app.reply('/hold', { type: 'text/xml', body: '<Response><Pause length="600"/></Response>' });
    app.reply('/next', { type: 'text/xml', body: '<Response><Say>Moved</Say></Response>' });
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/hold` }));
    await sandbox.clock.advance(5000);
    await client.calls.update(call.sid, { Url: `${app.url}/next`, Method: 'GET' });
    await sandbox.settle();
    const [next] = app.to('/next');
    expect(next!.method).toBe('GET');
    expect(parseWebhook('voiceRequest', next!.params)).toMatchObject({ CallSid: call.sid, CallStatus: 'in-progress' });
    // Answered at 3 s, redirected at 5 s, one second of speech: 3 s in all, not the 600 s pause.
    expect(await client.calls.fetch(call.sid)).toMatchObject({ status: 'completed', duration: 3 });
  });

  it('a call canceled while ringing ends canceled', async () => {
    const { client, sandbox, app } = t;
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/answer` }));
    await sandbox.clock.advance(1500);
    await client.calls.update(call.sid, { Status: 'canceled' });
    await sandbox.settle();
    expect((await client.calls.fetch(call.sid)).status).toBe('canceled');
    expect(app.to('/answer')).toEqual([]);
  });
});
