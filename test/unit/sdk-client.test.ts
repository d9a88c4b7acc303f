import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/index.js';
import { json, scriptedFetch } from '../support/scripted-fetch.js';

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const SUB = 'ACe0d2e82a089d5686d85f728e245bc7da';
const server = scriptedFetch();
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('createClient', () => {
  it('reads credentials and the base URL from RESTCOMM_* variables', async () => {
    vi.stubEnv('RESTCOMM_ACCOUNT_SID', SID);
    vi.stubEnv('RESTCOMM_AUTH_TOKEN', 'env-token');
    vi.stubEnv('RESTCOMM_BASE_URL', server.baseUrl);
    vi.stubGlobal('fetch', server.fetch); // no fetch option: the client takes the global one
    server.script(json(200, []));
    const client = createClient();
    await client.applications.list();
    expect(server.received[0]!.url).toBe(`/restcomm/2012-04-24/Accounts/${SID}/Applications.json`);
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:env-token`).toString('base64')}`);
  });

  it('names the missing credential and where it can come from', () => {
    vi.stubEnv('RESTCOMM_ACCOUNT_SID', '');
    vi.stubEnv('RESTCOMM_AUTH_TOKEN', '');
    expect(() => createClient({ authToken: 't' })).toThrow(/accountSid is required: pass it to createClient or set RESTCOMM_ACCOUNT_SID/);
    expect(() => createClient({ accountSid: SID })).toThrow(/authToken is required/);
  });

  it('defaults the account SID in paths to the client, overridable per call for sub-accounts', async () => {
    server.script(json(200, {}));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    await client.calls.fetch('CA0a1b2c3d4e5f60718293a4b5c6d7e8f9');
    await client.calls.fetch('CA0a1b2c3d4e5f60718293a4b5c6d7e8f9', { accountSid: SUB });
    expect(server.received.map((r) => r.url.split('/')[4])).toEqual([SID, SUB]);
  });

  it('sends positional path arguments, the query, form bodies and extra headers as the spec declares', async () => {
    server.script(json(200, {}));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    await client.conferences.participants.update('CF6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d', 'CA0a1b2c3d4e5f60718293a4b5c6d7e8f9', { Mute: true }, { headers: { 'X-Trace': '1' } });
    await client.usage.records.list('Daily', { Category: 'CALLS', StartDate: '2024-03-01' });
    await client.calls.create({ From: '+15550100', To: '+15550101', Url: 'https://x.example/a', StatusCallbackEvent: ['answered', 'completed'], Timeout: 20 });
    const [update, usage, create] = server.received;
    expect(update!.url).toBe(`/restcomm/2012-04-24/Accounts/${SID}/Conferences/CF6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d/Participants/CA0a1b2c3d4e5f60718293a4b5c6d7e8f9.json`);
    expect(update!.body).toBe('Mute=true');
    expect(update!.headers['x-trace']).toBe('1');
    expect(usage!.url).toBe(`/restcomm/2012-04-24/Accounts/${SID}/Usage/Records/Daily.json?Category=CALLS&StartDate=2024-03-01`);
    expect(usage!.headers['content-type']).toBeUndefined();
    expect(create!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(create!.body).toBe('From=%2B15550100&To=%2B15550101&Url=https%3A%2F%2Fx.example%2Fa&StatusCallbackEvent=answered%2Ccompleted&Timeout=20');
  });

  it('percent-encodes path arguments, so a value cannot reach another path or add a query', async () => {
    server.script(json(200, {}));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    // Template ids have no pattern in the spec: any text reaches the encoder.
    await client.visualDesigner.templates.fetch('a/../b?x=1#y z');
    expect(server.received.map((r) => r.url)).toEqual(['/visual-designer/services/templates/a%2F..%2Fb%3Fx%3D1%23y%20z']);
  });

  it('rejects bad positional arguments and options with errors naming them', async () => {
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    await expect((client.calls.fetch as (s: unknown) => Promise<unknown>)('')).rejects.toThrow(/calls.fetch: path parameter CallSid must be a non-empty string, got an empty string/);
    await expect((client.calls.fetch as (s: unknown, o: unknown) => Promise<unknown>)('CA1', 'x')).rejects.toThrow(/the last argument must be an options object/);
    await expect((client.calls.create as (b?: unknown) => Promise<unknown>)()).rejects.toThrow(/calls.create: a request body is required/);
    expect(() => createClient({ accountSid: SID, authToken: 't', timeout: -1 })).toThrow(/timeout must be a number of ms from 0 to 2147483647/);
  });

  it('keeps the raw openapi-fetch client reachable', async () => {
    server.script(json(200, []));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    const { data } = await client.raw.GET('/Accounts/{AccountSid}/Clients.json', { params: { path: { AccountSid: SID } } });
    expect(data).toEqual([]);
  });

  it('builds the public cloud URL from a domain and refuses plain http off loopback', () => {
    expect(() => createClient({ accountSid: SID, authToken: 't', baseUrl: 'http://restcomm.acme-tel.example/restcomm/2012-04-24' })).toThrow(/must use https/);
    const client = createClient({ accountSid: SID, authToken: 't', domain: 'restcomm.acme-tel.example' });
    expect(client.accountSid).toBe(SID);
  });
});

describe('cloud services outside the REST API base', () => {
  it('reach their own path on the same origin, with JSON bodies, through the SDK and the raw client', async () => {
    server.script(json(200, { code: 200, message: 'OK', requestID: 'OTP0a1b2c3d4e5f60718293a4b5c6d7e8f9' }));
    const client = createClient({ accountSid: SID, authToken: 't', baseUrl: server.baseUrl, fetch: server.fetch });
    await client.twoFactor.send({ to: '+15126002188', channel: 'sms', body: 'Your code is {code}' } as never);
    await client.raw.POST('/2fa/send', { body: { to: '+15126002188', channel: 'sms', body: 'Your code is {code}' } as never });
    for (const req of server.received) {
      expect(req.url).toBe('/2fa/send');
      expect(req.headers['content-type']).toBe('application/json');
      expect(JSON.parse(req.body)).toMatchObject({ to: '+15126002188', channel: 'sms' });
    }
  });
});
