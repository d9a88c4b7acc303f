import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createClient } from 'restcomm-cpaas';
import { parseWebhook } from 'restcomm-cpaas/webhooks';
import { startSandbox, type Sandbox } from 'restcomm-cpaas/sandbox';

// The application under test: answers calls with a greeting and records the status callbacks it gets.
const statuses: string[] = [];
const app = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk));
  req.on('end', () => {
    if (req.url === '/voice') {
      const call = parseWebhook('voiceRequest', body);
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(`<Response><Say>Hello ${call.To}</Say><Hangup/></Response>`);
    } else {
      statuses.push(parseWebhook('callStatusCallback', body).CallStatus);
      res.end();
    }
  });
});

let sandbox: Sandbox;
let appUrl: string;
beforeAll(async () => {
  sandbox = await startSandbox();
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await sandbox.close();
  app.close();
});

it('answers a call and sees it through to completed', async () => {
  const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });

  // Buy a number from the sandbox's stock, pointing at the app.
  const [offer] = await client.availablePhoneNumbers.local.list('US');
  const number = await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, VoiceUrl: `${appUrl}/voice` });

  // Place a call; nothing happens until the virtual clock moves.
  const created = await client.calls.create({ From: number.phone_number, To: '+15125550177', Url: `${appUrl}/voice`, StatusCallback: `${appUrl}/status` });
  const call = Array.isArray(created) ? created[0]! : created;
  await sandbox.settle(); // runs the clock until nothing is pending: no real seconds pass

  expect(statuses).toEqual(['initiated', 'ringing', 'answered', 'completed']);
  expect((await client.calls.fetch(call.sid)).status).toBe('completed');
  sandbox.assertNoViolations(); // every answer and webhook matched the spec
});
