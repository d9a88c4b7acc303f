// One request builder: the resource client and the raw client send the same bytes for the same call.
import { describe, expect, it } from 'vitest';
import { createClient, createRawClient } from '../../src/index.js';
import { BASE, CALL, SID, TOKEN, recorder } from './support.js';

describe('the resource client and the raw client build requests in one place', () => {
  it('send the same method, URL, headers and body for the same call, byte for byte', async () => {
    const viaSdk = recorder();
    const viaRaw = recorder();
    const client = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: viaSdk.fetch });
    const raw = createRawClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: viaRaw.fetch });
    const body = { From: '+15125550100', To: 'client:alice', Url: 'https://rcml.acme-tel.example/a b.xml', StatusCallbackEvent: ['answered', 'completed'] as ('answered' | 'completed')[] };

    await client.calls.create(body);
    await raw.POST('/Accounts/{AccountSid}/Calls.json', { params: { path: { AccountSid: SID } }, body });
    await client.calls.list({ To: '+1 512&x=1', StartTime: '2024-03-01', Page: 2 });
    await raw.GET('/Accounts/{AccountSid}/Calls.json', { params: { path: { AccountSid: SID }, query: { To: '+1 512&x=1', StartTime: '2024-03-01', Page: 2 } } });
    await client.calls.update(CALL, { Status: 'completed' }, { headers: { 'X-Trace': 'abc' } });
    await raw.POST('/Accounts/{AccountSid}/Calls/{CallSid}.json', { params: { path: { AccountSid: SID, CallSid: CALL } }, body: { Status: 'completed' }, headers: { 'X-Trace': 'abc' } });
    await client.twoFactor.send({ to: '+15126002188', channel: 'sms' } as never);
    await raw.POST('/2fa/send', { body: { to: '+15126002188', channel: 'sms' } as never });

    expect(viaSdk.sent).toHaveLength(4);
    expect(viaRaw.sent).toEqual(viaSdk.sent);
    // And the parts the builder is responsible for are there.
    expect(viaSdk.sent[0]!.headers).toEqual(expect.arrayContaining([['content-type', 'application/x-www-form-urlencoded'], ['authorization', expect.stringMatching(/^Basic /)]]));
    expect(viaSdk.sent[1]!.url).toBe(`${BASE}/Accounts/${SID}/Calls.json?To=%2B1+512%26x%3D1&StartTime=2024-03-01&Page=2`);
  });

  it('refuse the same bad path value in both, before sending', async () => {
    const viaSdk = recorder();
    const viaRaw = recorder();
    const client = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: viaSdk.fetch });
    const raw = createRawClient({ accountSid: SID, authToken: TOKEN, baseUrl: BASE, fetch: viaRaw.fetch });
    await expect(client.calls.fetch('..')).rejects.toThrow(TypeError);
    await expect(raw.GET('/Accounts/{AccountSid}/Calls/{CallSid}.json', { params: { path: { AccountSid: SID, CallSid: '..' } } })).rejects.toThrow(TypeError);
    expect(viaSdk.calls() + viaRaw.calls()).toBe(0);
  });
});
