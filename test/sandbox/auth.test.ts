// Authentication and scoping as the server does them: 401 without valid credentials, 403 across accounts (401 for
// conferences), 404 for unknown SIDs, and the declared 400 for a request that breaks the spec.
import { describe, expect, it } from 'vitest';
import { createClient, RestcommHttpError } from '../../src/index.js';
import { useSandbox } from './fixture.js';

const t = useSandbox();

async function failure(promise: Promise<unknown>): Promise<RestcommHttpError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RestcommHttpError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('authentication and scoping', () => {
  it('answers 401 with the server challenge for a wrong token, no credentials, or an unknown user', async () => {
    const { sandbox } = t;
    const wrong = createClient({ accountSid: sandbox.accountSid, authToken: '0'.repeat(32), baseUrl: sandbox.baseUrl });
    const error = await failure(wrong.calls.list());
    expect(error.status).toBe(401);
    expect(error.headers.get('www-authenticate')).toBe('Basic realm="Restcomm realm"');
    const bare = await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Calls.json`);
    expect(bare.status).toBe(401);
    const stranger = createClient({ accountSid: 'AC' + 'f'.repeat(32), authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });
    expect((await failure(stranger.accounts.fetch())).status).toBe(401);
  });

  it('accepts the email address as user name and the auth token as secret', async () => {
    const { sandbox } = t;
    const response = await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}.json`, {
      headers: { Authorization: `Basic ${Buffer.from(`sandbox@example.com:${sandbox.authToken}`).toString('base64')}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { sid: string }).sid).toBe(sandbox.accountSid);
  });

  it('answers 403 for another account, except conferences, which answer 401 as the server does', async () => {
    const { client, sandbox } = t;
    const other = 'AC' + '1'.repeat(32);
    expect((await failure(client.calls.list({}, { accountSid: other }))).status).toBe(403);
    expect((await failure(client.applications.list({}, { accountSid: other }))).status).toBe(403);
    expect((await failure(client.conferences.list({}, { accountSid: other }))).status).toBe(401);
    // A sub-account cannot act on its parent.
    const sub = await client.accounts.create({ EmailAddress: 'sub@example.com', Password: 'Sub-Passw0rd!' });
    const subClient = createClient({ accountSid: sub.sid, authToken: sub.auth_token, baseUrl: sandbox.baseUrl });
    expect((await failure(subClient.sms.messages.list({}, { accountSid: sandbox.accountSid }))).status).toBe(403);
    // The parent may act on its sub-account.
    expect((await client.calls.list({}, { accountSid: sub.sid })).total).toBe(0);
  });

  it('answers 404 for unknown SIDs and for SIDs of another account', async () => {
    const { client, sandbox } = t;
    expect((await failure(client.calls.fetch('ID' + '0'.repeat(32) + '-CA' + '0'.repeat(32)))).status).toBe(404);
    expect((await failure(client.notifications.fetch('NO' + '0'.repeat(32)))).status).toBe(404);
    const sub = await client.accounts.create({ EmailAddress: 'sub@example.com', Password: 'Sub-Passw0rd!' });
    const app = await client.applications.create({ FriendlyName: 'theirs' }, { accountSid: sub.sid });
    expect((await failure(client.applications.fetch(app.sid))).status).toBe(404);
    expect((await client.applications.fetch(app.sid, { accountSid: sub.sid })).sid).toBe(app.sid);
    expect((await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/NoSuchThing.json`)).status).toBe(404);
  });

  it('answers a request that breaks the spec with the declared 400, naming the problem', async () => {
    const { sandbox } = t;
    const response = await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Calls.json`, {
      method: 'POST',
      headers: { Authorization: `Basic ${Buffer.from(`${sandbox.accountSid}:${sandbox.authToken}`).toString('base64')}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'From=%2B15125550100&Url=https%3A%2F%2Fapps.example.com%2Fa&Timeout=soon',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    const text = await response.text();
    expect(text).toContain("body: must have required property 'To'");
    expect(text).toContain('body.Timeout: must be integer');
  });

  it('refuses hostile input with the server statuses: oversized bodies, broken encodings, bad paging', async () => {
    const { sandbox } = t;
    const auth = { Authorization: `Basic ${Buffer.from(`${sandbox.accountSid}:${sandbox.authToken}`).toString('base64')}` };
    const big = await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Applications.json`, {
      method: 'POST',
      headers: { ...auth, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `FriendlyName=${'x'.repeat(10_000_001)}`,
    });
    expect(big.status).toBe(413);
    expect((await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Calls/%E0%A4%A.json`, { headers: auth })).status).toBe(404);
    const page = await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Calls.json?Page=abc`, { headers: auth });
    expect(page.status).toBe(400);
    expect(((await page.json()) as { message: string }).message).toBe('query.Page: must be integer');
    expect((await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Calls.json`, { headers: { Authorization: 'Basic !!!' } })).status).toBe(401);
    expect((await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Calls.json`, { method: 'PUT', headers: auth })).status).toBe(405);
    sandbox.assertNoViolations();
  });
});
