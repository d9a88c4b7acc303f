// Create → fetch → update → list → delete through the SDK, for every resource whose operations allow it. Every answer
// crosses the sandbox's contract check; the fixture fails the test on any violation.
import { describe, expect, it } from 'vitest';
import { RestcommHttpError } from '../../src/index.js';
import { useSandbox } from './fixture.js';

const t = useSandbox();

async function status(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof RestcommHttpError) return error.status;
    throw error;
  }
}

describe('stateful resources', () => {
  it('applications: create, fetch, update, list (with numbers), delete', async () => {
    const { client } = t;
    const app = await client.applications.create({ FriendlyName: 'IVR', RcmlUrl: 'https://apps.example.com/ivr', Kind: 'voice' });
    expect(app.sid).toMatch(/^AP[0-9a-f]{32}$/);
    expect(await client.applications.fetch(app.sid)).toMatchObject({ friendly_name: 'IVR', rcml_url: 'https://apps.example.com/ivr', kind: 'voice' });
    const updated = await client.applications.update(app.sid, { FriendlyName: 'IVR v2' });
    expect(updated.friendly_name).toBe('IVR v2');
    // The PUT twin updates the same way.
    expect((await client.applications.put(app.sid, { RcmlUrl: 'https://apps.example.com/ivr2' })).rcml_url).toBe('https://apps.example.com/ivr2');
    const [offer] = await client.availablePhoneNumbers.tollFree.list('US');
    const number = await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, VoiceApplicationSid: app.sid });
    expect(number.voice_application_name).toBe('IVR v2');
    const listed = await client.applications.list({ includeNumbers: true });
    expect(listed.map((a) => [a.sid, a.numbers?.map((n) => n.sid)])).toEqual([[app.sid, [number.sid]]]);
    await client.applications.delete(app.sid);
    expect(await status(client.applications.fetch(app.sid))).toBe(404);
    expect(await client.applications.list()).toEqual([]);
  });

  it('clients: create, fetch, update, list, delete, and 409 for a login in use', async () => {
    const { client } = t;
    const created = await client.clients.create({ Login: 'alice', Password: 'Secret-Passw0rd', VoiceUrl: 'https://apps.example.com/client' });
    expect(created).toMatchObject({ login: 'alice', status: '1', voice_method: 'POST' });
    expect(await status(client.clients.create({ Login: 'alice', Password: 'Other-Passw0rd' }))).toBe(409);
    expect((await client.clients.fetch(created.sid)).login).toBe('alice');
    expect((await client.clients.update(created.sid, { FriendlyName: 'Alice' })).friendly_name).toBe('Alice');
    expect((await client.clients.list()).map((c) => c.sid)).toEqual([created.sid]);
    await client.clients.delete(created.sid);
    expect(await status(client.clients.fetch(created.sid))).toBe(404);
    expect(await status(client.clients.delete(created.sid))).toBe(404);
  });

  it('incoming numbers: buy from the stock, fetch, update, list with the paging envelope, release back to the stock', async () => {
    const { client } = t;
    const before = await client.availablePhoneNumbers.mobile.list('GB', { RangeSize: 500 });
    const bought = await client.incomingPhoneNumbers.mobile.create({ PhoneNumber: before[0]!.phoneNumber, SmsUrl: 'https://apps.example.com/sms' });
    // Numbers carry every member, with explicit nulls.
    expect(bought).toMatchObject({ phone_number: before[0]!.phoneNumber, sms_url: 'https://apps.example.com/sms', sms_method: 'POST', voice_url: null, voice_application_sid: null });
    const after = await client.availablePhoneNumbers.mobile.list('GB', { RangeSize: 500 });
    expect(after.length).toBe(before.length - 1);
    // The same number again, or a number not in stock, is the server's bare 21452.
    expect(await status(client.incomingPhoneNumbers.create({ PhoneNumber: bought.phone_number }))).toBe(400);
    expect(await status(client.incomingPhoneNumbers.tollFree.create({ PhoneNumber: before[1]!.phoneNumber }))).toBe(400);
    const updated = await client.incomingPhoneNumbers.update(bought.sid, { VoiceUrl: 'https://apps.example.com/voice', VoiceMethod: 'GET' });
    expect(updated).toMatchObject({ voice_url: 'https://apps.example.com/voice', voice_method: 'GET' });
    expect((await client.incomingPhoneNumbers.fetch(bought.sid)).voice_method).toBe('GET');
    const page = await client.incomingPhoneNumbers.list({ PageSize: 10 });
    expect(page).toMatchObject({ page: 0, num_pages: 0, total: 1, previous_page_uri: 'null', next_page_uri: 'null' });
    expect(page.incomingPhoneNumbers.map((n) => n.sid)).toEqual([bought.sid]);
    await client.incomingPhoneNumbers.delete(bought.sid);
    expect(await status(client.incomingPhoneNumbers.fetch(bought.sid))).toBe(404);
    expect((await client.availablePhoneNumbers.mobile.list('GB', { RangeSize: 500 })).length).toBe(before.length);
  });

  it('outgoing caller IDs: create (normalized to E.164, labelled), fetch, update, list, delete', async () => {
    const { client } = t;
    const created = await client.outgoingCallerIds.create({ PhoneNumber: '512 555 0147' });
    expect(created).toMatchObject({ phone_number: '+15125550147', friendly_name: '(512) 555-0147' });
    expect(created.sid).toMatch(/^PN[0-9a-f]{32}$/);
    expect((await client.outgoingCallerIds.fetch(created.sid)).phone_number).toBe('+15125550147');
    expect((await client.outgoingCallerIds.update(created.sid, { FriendlyName: 'Support line' })).friendly_name).toBe('Support line');
    expect((await client.outgoingCallerIds.list()).map((c) => c.friendly_name)).toEqual(['Support line']);
    await client.outgoingCallerIds.delete(created.sid);
    expect(await client.outgoingCallerIds.list()).toEqual([]);
    expect(await status(client.outgoingCallerIds.fetch(created.sid))).toBe(404);
  });

  it('sub-accounts: create, fetch, update, list; closed accounts are refused', async () => {
    const { client, sandbox } = t;
    const sub = await client.accounts.create({ EmailAddress: 'team@example.com', Password: 'Team-Passw0rd!', FriendlyName: 'Team' });
    expect(sub.sid).toMatch(/^AC[0-9a-f]{32}$/);
    expect(await status(client.accounts.create({ EmailAddress: 'TEAM@example.com', Password: 'Team-Passw0rd!' }))).toBe(409);
    expect((await client.accounts.fetch({ accountSid: sub.sid })).friendly_name).toBe('Team');
    expect((await client.accounts.update({ FriendlyName: 'Team A' }, { accountSid: sub.sid })).friendly_name).toBe('Team A');
    expect((await client.accounts.list()).map((a) => a.sid)).toEqual([sub.sid]);
    // The sub-account's own credentials work, and it cannot reach its parent.
    const { createClient } = await import('../../src/index.js');
    const subClient = createClient({ accountSid: sub.sid, authToken: sub.auth_token, baseUrl: sandbox.baseUrl });
    expect((await subClient.accounts.fetch()).sid).toBe(sub.sid);
    expect(await status(subClient.calls.list({}, { accountSid: sandbox.accountSid }))).toBe(403);
    await client.accounts.update({ Status: 'closed' }, { accountSid: sub.sid });
    expect(await status(subClient.accounts.fetch())).toBe(403);
  });

  it('calls: create, fetch, update (hang up), list with filters and paging', async () => {
    const { client, sandbox, app } = t;
    app.reply('/long', { type: 'text/xml', body: '<Response><Pause length="60"/></Response>' });
    const sids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await client.calls.create({ From: '+15125550100', To: `+1512555017${i}`, Url: `${app.url}/long` });
      sids.push((Array.isArray(c) ? c[0]! : c).sid);
    }
    await sandbox.clock.advance(5000);
    expect((await client.calls.fetch(sids[0]!)).status).toBe('in-progress');
    // The answer is the call as it was before the change (calls.yaml updateCall 200); the change itself is visible after.
    const hungUp = await client.calls.update(sids[0]!, { Status: 'completed' });
    expect(hungUp.status).toBe('in-progress');
    expect((await client.calls.fetch(sids[0]!)).status).toBe('completed');
    // An ended call: 410 with the server's own text.
    const ended = await client.calls.update(sids[0]!, { Status: 'completed' }).catch((e: unknown) => e);
    expect(ended).toMatchObject({ status: 410, body: 'Call is already completed.' });
    expect(await status(client.calls.update(`${sids[0]!.slice(0, -4)}0000`, { Status: 'completed' }))).toBe(406);
    const first = await client.calls.list({ PageSize: 2 });
    expect(first).toMatchObject({ page: 0, num_pages: 1, total: 3, start: '0', end: '1', previous_page_uri: 'null' });
    expect(first.next_page_uri).toMatch(/^\/2012-04-24\/Accounts\/AC[0-9a-f]{32}\/Calls\?Page=1&PageSize=2&AfterSid=/);
    const all: string[] = [];
    for await (const c of client.calls.each({ PageSize: 2 })) all.push(c.sid);
    expect(all).toEqual(sids);
    expect((await client.calls.list({ Status: 'completed' })).calls.map((c) => c.sid)).toEqual([sids[0]]);
    expect((await client.calls.list({ To: '+15125550172' })).calls.map((c) => c.sid)).toEqual([sids[2]]);
    expect(await status(client.calls.list({ Page: 5 }))).toBe(400);
    await sandbox.settle();
    expect((await client.calls.list({ Status: 'completed' })).total).toBe(3);
  });

  it('SMS: create, fetch and list through sent and delivered, with status callbacks', async () => {
    const { client, sandbox, app } = t;
    const sms = await client.sms.messages.create({ From: '+15125550100', To: '+15125550177', Body: 'Your code is 1234', StatusCallback: `${app.url}/sms-status` });
    expect(sms).toMatchObject({ status: 'queued', direction: 'outbound-api' });
    await sandbox.clock.advance(1000);
    expect((await client.sms.messages.fetch(sms.sid)).status).toBe('sent');
    await sandbox.settle();
    expect((await client.sms.messages.fetch(sms.sid)).status).toBe('delivered');
    const callbacks = app.to('/sms-status');
    expect(callbacks.map((r) => r.params.get('MessageStatus'))).toEqual(['sent', 'delivered']);
    expect(callbacks[0]!.params.getAll('Body')).toEqual(['Your code is 1234', 'Your code is 1234']);
    const page = await client.sms.messages.list({ Status: 'delivered' });
    expect(page.messages.map((m) => m.sid)).toEqual([sms.sid]);
    expect(page.uri).toBe(`/restcomm/2012-04-24/Accounts/${sandbox.accountSid}/SMS/Messages`);
  });

  it('recordings, transcriptions, conferences: empty lists and 404 for unknown SIDs until RCML creates them', async () => {
    const { client } = t;
    expect((await client.recordings.list()).total).toBe(0);
    expect((await client.transcriptions.list()).total).toBe(0);
    expect((await client.conferences.list()).total).toBe(0);
    expect(await status(client.recordings.fetch('RE0123456789abcdef0123456789abcdef'))).toBe(404);
    expect(await status(client.conferences.fetch('CF0123456789abcdef0123456789abcdef'))).toBe(404);
    // Deleting a transcription answers 200 even when there is none, as the server does.
    expect(await status(client.transcriptions.delete('TR0123456789abcdef0123456789abcdef'))).toBe(200);
  });

  it('usage records are computed from activity', async () => {
    const { client, sandbox, app } = t;
    app.reply('/say', { type: 'text/xml', body: '<Response><Pause length="90"/></Response>' });
    await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/say` });
    await client.sms.messages.create({ From: '+15125550100', To: '+15125550177', Body: 'hi' });
    await sandbox.settle();
    const records = await client.usage.records.list('AllTime');
    const byCategory = Object.fromEntries(records.map((r) => [r.category, [r.count, r.usage]]));
    expect(byCategory).toMatchObject({ calls: ['1', '2'], 'calls-outbound': ['1', '2'], sms: ['1', '1'], 'sms-outbound': ['1', '1'], phonenumbers: ['0', '0'] });
    const calls = await client.usage.records.list('Daily', { Category: 'CALLS' });
    expect(calls.map((r) => [r.start_date, r.count])).toEqual([['2026-03-04', '1']]);
  });
});
