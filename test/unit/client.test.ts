// The typed client's wire format, observed through an injected fetch: auth, Content-Type only with a body, form encoding.
import { describe, expect, it } from 'vitest';
import { createRawClient } from '../../src/client.js';
import { scriptedFetch } from '../support/scripted-fetch.js';

const server = scriptedFetch();
const seen = server.received;
const baseUrl = server.baseUrl;
const fetch = server.fetch;

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';

describe('createRawClient', () => {
  it('sends Basic auth and no Content-Type on a request without a body', async () => {
    const api = createRawClient({ accountSid: SID, authToken: 'tok', baseUrl, fetch });
    await api.GET('/Accounts/{AccountSid}.json', { params: { path: { AccountSid: SID } } });
    const req = seen.at(-1)!;
    expect(req.method).toBe('GET');
    expect(req.url).toBe(`/restcomm/2012-04-24/Accounts/${SID}.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:tok`).toString('base64')}`);
    expect(req.headers['content-type']).toBeUndefined();
  });

  it('sends form-encoded bodies with the form Content-Type', async () => {
    const api = createRawClient({ accountSid: SID, authToken: 'tok', baseUrl, fetch });
    await api.POST('/Accounts.json', { body: { EmailAddress: 'ops+eu@acme-tel.example', Password: 'p&ss word' } });
    const req = seen.at(-1)!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.body).toBe('EmailAddress=ops%2Beu%40acme-tel.example&Password=p%26ss+word');
  });

  it("keeps a Content-Type the caller set, and encodes the body as it is declared", async () => {
    const api = createRawClient({ accountSid: SID, authToken: 'tok', baseUrl, fetch });
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' };
    await api.POST('/Accounts.json', { body: { EmailAddress: 'ops@acme-tel.example', Password: 'pw' }, headers });
    const req = seen.at(-1)!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
    expect(req.body).toBe('EmailAddress=ops%40acme-tel.example&Password=pw');
  });

  it('joins arrays declared with explode: false into one comma-separated field (StatusCallbackEvent)', async () => {
    const api = createRawClient({ accountSid: SID, authToken: 'tok', baseUrl, fetch });
    await api.POST('/Accounts/{AccountSid}/Calls.json', {
      params: { path: { AccountSid: SID } },
      body: { From: '+15550100', To: '+15550101', Url: 'https://x.example/a', StatusCallbackEvent: ['initiated', 'completed'] },
    });
    const req = seen.at(-1)!;
    expect(new URLSearchParams(req.body).getAll('StatusCallbackEvent')).toEqual(['initiated,completed']);
    expect(req.body).toContain('StatusCallbackEvent=initiated%2Ccompleted');
  });

  it('refuses plain http to a remote host, so credentials never travel in clear', () => {
    expect(() => createRawClient({ accountSid: SID, authToken: 'tok', baseUrl: 'http://restcomm.acme-tel.example' })).toThrow(/https/);
  });

  it('refuses missing credentials with a message naming the option', () => {
    expect(() => createRawClient({ accountSid: '', authToken: 'tok' })).toThrow(/accountSid is required/);
    expect(() => createRawClient({ accountSid: SID, authToken: '' })).toThrow(/authToken is required/);
  });
});

describe('multipart bodies', () => {
  it('sends FormData (or an object of parts) as multipart with the boundary fetch chooses', async () => {
    const { encodeBody } = await import('../../src/request.js');
    const op = { requestMediaType: 'multipart/form-data' } as never;
    const fromObject = encodeBody(op, { file: new Blob(['RIFF']), note: 'greeting' });
    expect(fromObject.mediaType).toBeNull();
    expect(fromObject.payload).toBeInstanceOf(FormData);
    expect((fromObject.payload as FormData).get('note')).toBe('greeting');
    expect(() => encodeBody(op, { file: { not: 'a blob' } })).toThrow(/Multipart part "file"/);
    const form = new FormData();
    expect(encodeBody(op, form).payload).toBe(form);
  });
});
