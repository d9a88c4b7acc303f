// The "done when" scenario: a user's test starts the sandbox, buys a number pointing at its own local app,
// places a call, advances time, sees the spec-valid voice request and status callbacks, and the call completed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { parseWebhook } from '../../src/webhooks/index.js';
import { startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { startApp, type LocalApp } from './app.js';
import { single } from './fixture.js';

let sandbox: Sandbox;
let app: LocalApp;

beforeEach(async () => {
  sandbox = await startSandbox({ startTime: Date.UTC(2026, 2, 4, 11, 30) });
  app = await startApp();
});
afterEach(async () => {
  sandbox.assertNoViolations();
  await sandbox.close();
  await app.close();
});

const client = () => createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });

describe('a call from start to end', () => {
  it('buys a number, places a call, and the app sees the voice request and four status callbacks', async () => {
    const restcomm = client();
    app.reply('/answer', { type: 'application/xml', body: '<Response><Say>Hello from the sandbox</Say><Pause length="2"/><Hangup/></Response>' });

    const [offer] = await restcomm.availablePhoneNumbers.local.list('US', { AreaCode: '512' });
    expect(offer).toBeDefined();
    const number = await restcomm.incomingPhoneNumbers.local.create({ PhoneNumber: offer!.phoneNumber, VoiceUrl: `${app.url}/answer` });
    expect(number.voice_url).toBe(`${app.url}/answer`);

    const call = await restcomm.calls.create({
      From: number.phone_number,
      To: '+15125550177',
      Url: `${app.url}/answer`,
      StatusCallback: `${app.url}/status`,
    });
    const created = Array.isArray(call) ? call[0]! : call;
    expect(created.status).toBe('queued');
    expect(app.received).toEqual([]); // nothing happens until the clock moves

    await sandbox.clock.advance(1000);
    expect((await restcomm.calls.fetch(created.sid)).status).toBe('ringing');
    await sandbox.settle();

    const [voice] = app.to('/answer');
    expect(voice?.method).toBe('POST');
    expect(voice?.contentType).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    const request = parseWebhook('voiceRequest', voice!.params);
    expect(request).toMatchObject({ CallSid: created.sid, AccountSid: sandbox.accountSid, CallStatus: 'in-progress', Direction: 'outbound-api', ApiVersion: '2012-04-24' });

    const events = app.to('/status').map((r) => parseWebhook('callStatusCallback', r.params));
    expect(events.map((e) => [e.CallStatus, e.SequenceNumber])).toEqual([
      ['initiated', 0],
      ['ringing', 1],
      ['answered', 2],
      ['completed', 3],
    ]);
    // Say takes 22/15 s (15 characters a second), Pause 2 s: 3.47 s of virtual time, written in whole seconds.
    expect(events[3]!.CallDuration).toBe(3);

    const fetched = await restcomm.calls.fetch(created.sid);
    expect(fetched).toMatchObject({ status: 'completed', duration: 3, direction: 'outbound-api', phone_number_sid: number.sid });
    const page = await restcomm.calls.list({ Status: 'completed' });
    expect(page.calls.map((c) => c.sid)).toEqual([created.sid]);
  });

  it('a call to a number of the sandbox rings its application: an inbound call with the number status callbacks', async () => {
    const restcomm = client();
    app.reply('/outbound', { type: 'application/xml', body: '<Response><Pause length="30"/></Response>' });
    app.reply('/inbound', { type: 'application/xml', body: '<Response><Say>Thanks for calling</Say><Hangup/></Response>' });
    const [offer] = await restcomm.availablePhoneNumbers.local.list('US');
    const number = await restcomm.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, VoiceUrl: `${app.url}/inbound`, StatusCallback: `${app.url}/number-status` });
    const outbound = single(await restcomm.calls.create({ From: '+15125550100', To: number.phone_number, Url: `${app.url}/outbound` }));
    await sandbox.settle();

    const voice = parseWebhook('voiceRequest', app.to('/inbound')[0]!.params);
    expect(voice).toMatchObject({ Direction: 'inbound', CallStatus: 'ringing', From: '+15125550100', To: number.phone_number, AccountSid: sandbox.accountSid });
    const statuses = app.to('/number-status').map((r) => parseWebhook('numberStatusCallback', r.params));
    expect(statuses.map((e) => [e.CallSid, e.CallStatus])).toEqual([
      [voice.CallSid, 'ringing'],
      [voice.CallSid, 'in-progress'],
      [voice.CallSid, 'completed'],
    ]);
    const inbound = await restcomm.calls.fetch(voice.CallSid);
    expect(inbound).toMatchObject({ direction: 'inbound', status: 'completed', phone_number_sid: number.sid });
    // The inbound side hung up after about a second: the calling side ended with it, long before its 30 s pause.
    expect(await restcomm.calls.fetch(outbound.sid)).toMatchObject({ status: 'completed', duration: 1 });
    expect((await restcomm.calls.list({ To: number.phone_number })).total).toBe(2);
  });

  it('inboundCall: someone calls a number of the sandbox, and its application answers', async () => {
    const restcomm = client();
    app.reply('/ivr', { type: 'application/xml', body: '<Response><Say>Welcome to Acme</Say></Response>' });
    const [offer] = await restcomm.availablePhoneNumbers.tollFree.list('US');
    const app1 = await restcomm.applications.create({ FriendlyName: 'IVR', RcmlUrl: `${app.url}/ivr`, Kind: 'voice' });
    const number = await restcomm.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, VoiceApplicationSid: app1.sid });
    const call = sandbox.inboundCall({ from: '+447700900123', to: number.phone_number });
    expect(call.view()).toMatchObject({ direction: 'inbound', status: 'ringing', to: number.phone_number });
    expect(app.received).toEqual([]);
    await sandbox.settle();
    expect(parseWebhook('voiceRequest', app.to('/ivr')[0]!.params)).toMatchObject({ CallSid: call.sid, From: '+447700900123', Direction: 'inbound' });
    expect((await restcomm.calls.fetch(call.sid)).status).toBe('completed');
    expect(() => sandbox.inboundCall({ from: '+1', to: '+15125550999' })).toThrow('no incoming phone number +15125550999');
  });
});
