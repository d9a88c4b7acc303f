// What the app does with requests that are not Restcomm's: webhooks are not signed, so anyone can reach these URLs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIvr } from '../src/ivr.ts';

const server = createServer(createIvr({ baseUrl: 'https://ivr.acme.example/phone', salesNumber: '+15125550150' }).listener);
let url: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (path: string, body: string) => fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });

describe('requests that are not what Restcomm sends', () => {
  it('answers a voice request that lacks the call parameters with a 400 naming them', async () => {
    const res = await post('/phone/voice', 'From=%2B15125550123');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CallSid/);
  });

  it('answers a path it does not serve, or one outside its base path, with a 404', async () => {
    expect((await post('/phone/admin', '')).status).toBe(404);
    expect((await post('/voice', '')).status).toBe(404);
  });

  it('refuses a body larger than 64 kB', async () => {
    expect((await post('/phone/sms', `Body=${'x'.repeat(70_000)}`)).status).toBe(413);
  });

  it('refuses methods Restcomm does not use', async () => {
    expect((await fetch(`${url}/phone/voice`, { method: 'DELETE' })).status).toBe(405);
  });
});

describe('configuration', () => {
  it('names what is wrong with it', () => {
    expect(() => createIvr({ baseUrl: 'https://ivr.acme.example', salesNumber: '5550150' })).toThrow(/salesNumber must be an E.164 number/);
    expect(() => createIvr({ baseUrl: 'ftp://ivr.acme.example', salesNumber: '+15125550150' })).toThrow(/baseUrl must be an http\(s\) URL/);
    expect(() => createIvr({ baseUrl: 'not a url', salesNumber: '+15125550150' })).toThrow();
    expect(() => createIvr({ baseUrl: 'https://ivr.acme.example', salesNumber: '+15125550150', salesRingSeconds: 0.5 })).toThrow(/salesRingSeconds must be a whole number/);
  });
});
