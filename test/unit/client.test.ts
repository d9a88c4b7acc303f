// The typed client's wire format, observed on a local HTTP server: auth, Content-Type only with a body, form encoding.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawClient } from '../../src/client.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}
const seen: Seen[] = [];
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => {
    seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
  });
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/restcomm/2012-04-24`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';

describe('createRawClient', () => {
  it('sends Basic auth and no Content-Type on a request without a body', async () => {
    const api = createRawClient({ accountSid: SID, authToken: 'tok', baseUrl });
    await api.GET('/Accounts/{AccountSid}.json', { params: { path: { AccountSid: SID } } });
    const req = seen.at(-1)!;
    expect(req.method).toBe('GET');
    expect(req.url).toBe(`/restcomm/2012-04-24/Accounts/${SID}.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${SID}:tok`).toString('base64')}`);
    expect(req.headers['content-type']).toBeUndefined();
  });

  it('sends form-encoded bodies with the form Content-Type', async () => {
    const api = createRawClient({ accountSid: SID, authToken: 'tok', baseUrl });
    await api.POST('/Accounts.json', { body: { EmailAddress: 'ops+eu@acme-tel.example', Password: 'p&ss word' } });
    const req = seen.at(-1)!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(req.body).toBe('EmailAddress=ops%2Beu%40acme-tel.example&Password=p%26ss+word');
  });

  it('joins arrays declared with explode: false into one comma-separated field (StatusCallbackEvent)', async () => {
    const api = createRawClient({ accountSid: SID, authToken: 'tok', baseUrl });
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
