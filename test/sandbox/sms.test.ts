// Inbound SMS: receiveSms stores the message and requests the number's SmsUrl as the server does.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../src/webhooks/index.js';
import { useSandbox } from './fixture.js';

const t = useSandbox();

describe('receiveSms', () => {
  it('requests the number SmsUrl with the spec-valid SMS request and lists the message as received', async () => {
    const { client, sandbox, app } = t;
    app.reply('/sms', { type: 'application/xml', body: '<Response/>' });
    const [offer] = await client.availablePhoneNumbers.local.list('US');
    await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, SmsUrl: `${app.url}/sms` });
    const received = sandbox.receiveSms({ from: '+15125550111', to: offer!.phoneNumber, body: 'STOP' });
    expect(app.received).toEqual([]);
    await sandbox.settle();
    const request = parseWebhook('smsRequest', app.to('/sms')[0]!.params);
    expect(request).toMatchObject({ SmsSid: received.sid, From: '+15125550111', To: offer!.phoneNumber, Body: 'STOP', AccountSid: sandbox.accountSid });
    const listed = await client.sms.messages.fetch(received.sid as string);
    expect(listed).toMatchObject({ status: 'received', direction: 'inbound', body: 'STOP' });
  });

  it('writes Notification 12300 when the app answers with a type that is not RCML', async () => {
    const { client, sandbox, app } = t;
    app.reply('/sms', { type: 'text/plain', body: 'thanks' });
    const [offer] = await client.availablePhoneNumbers.local.list('CA');
    await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, SmsUrl: `${app.url}/sms` });
    sandbox.receiveSms({ from: '+15125550111', to: offer!.phoneNumber, body: 'hello' });
    await sandbox.settle();
    expect((await client.notifications.list()).notifications.map((n) => n.error_code)).toEqual([12300]);
  });

  it('refuses a number the sandbox does not hold, and bad input', () => {
    const { sandbox } = t;
    expect(() => sandbox.receiveSms({ from: '+15125550111', to: '+15125550999', body: 'x' })).toThrow(/no incoming phone number \+15125550999/);
    expect(() => sandbox.receiveSms({ from: '+1', to: '+2', body: 'x'.repeat(1601) })).toThrow(/at most 1600/);
    expect(() => sandbox.receiveSms({ from: 1 as unknown as string, to: '+2', body: 'x' })).toThrow(/from must be a string/);
  });

  it('a message sent to a number of the sandbox arrives there as an inbound message', async () => {
    const { client, sandbox, app } = t;
    app.reply('/sms', { type: 'application/xml', body: '<Response/>' });
    const [offer] = await client.availablePhoneNumbers.mobile.list('US');
    await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, SmsUrl: `${app.url}/sms` });
    const sent = await client.sms.messages.create({ From: '+15125550100', To: offer!.phoneNumber, Body: 'ping' });
    await sandbox.settle();
    const request = parseWebhook('smsRequest', app.to('/sms')[0]!.params);
    expect(request).toMatchObject({ From: '+15125550100', To: offer!.phoneNumber, Body: 'ping' });
    expect(request.SmsSid).not.toBe(sent.sid);
    const inbound = await client.sms.messages.list({ To: offer!.phoneNumber });
    expect(inbound.messages.map((m) => [m.direction, m.status])).toEqual([
      ['outbound-api', 'delivered'],
      ['inbound', 'received'],
    ]);
  });
});
