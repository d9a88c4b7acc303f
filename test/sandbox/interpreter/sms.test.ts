// <Sms> against a real local app, in a call and in answer to an inbound message: the SMS resource, the action request
// (SmsStatus=sending) whose answer continues the document, the delivery updates sent to the same URL, and the
// server's defaults and error codes.
import { describe, expect, it } from 'vitest';
import { DELIVER_AFTER_MS, MAX_INBOUND_BODY, MAX_REPLY_CHAIN, SEND_AFTER_MS } from '../../../src/sandbox/sms-lifecycle.js';
import { CALLER, ofType, useInterpreter } from './harness.js';
import { expectWebhook, notifications } from './media-fixture.js';

describe('Sms in a call', () => {
  const t = useInterpreter();

  it('texts the caller from the number called, requests the action, and sends the delivery updates there too', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Sms action="/sms-sent">Your code is 4471</Sms><Say>Not reached: the action continues the call</Say></Response>');
    t.rcml('/sms-sent', '<Response><Say>We sent you a text</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    const transcript = await call.done();
    await sandbox.settle();

    const [message] = (await client.sms.messages.list()).messages;
    expect(message).toMatchObject({ from: to, to: CALLER, body: 'Your code is 4471', direction: 'outbound-call', status: 'delivered' });
    const [action, ...updates] = app.to('/sms-sent');
    const params = expectWebhook('voiceSmsAction', action);
    expect(params).toMatchObject({ CallSid: call.sid, SmsStatus: 'sending' });
    expect(params).not.toHaveProperty('SmsSid');
    expect(updates.map((u) => expectWebhook('smsStatusCallback', u)).map((u) => [u.MessageSid, u.MessageStatus])).toEqual([
      [message!.sid, 'sent'],
      [message!.sid, 'delivered'],
    ]);
    expect(transcript.events.filter((e) => e.type === 'resource').map((e) => [e.resource, e.sid])).toEqual([['SmsMessage', message!.sid]]);
    expect(ofType(transcript.events, 'verb').map((e) => e.text ?? e.verb)).toEqual(['Sms', 'We sent you a text']);
    // Sending takes no call time; the status updates follow on the virtual clock.
    const sent = sandbox.events.filter((e) => e.type === 'request' && e.kind === 'smsStatusCallback').map((e) => e.at - transcript.events[0]!.at);
    expect(sent).toEqual([SEND_AFTER_MS, SEND_AFTER_MS + DELIVER_AFTER_MS]);
  });

  it('to and from override the defaults; without an action the next verb runs and no updates are sent', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Sms to="+15125550199" from="+15125550142">Hello</Sms><Say>Next</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    const transcript = await call.done();
    await sandbox.settle();
    expect((await client.sms.messages.list()).messages.map((m) => [m.from, m.to, m.status])).toEqual([['+15125550142', '+15125550199', 'delivered']]);
    expect(app.received.map((r) => r.path)).toEqual(['/voice']);
    expect(ofType(transcript.events, 'verb').map((e) => e.verb)).toEqual(['Sms', 'Say']);
  });

  it('an empty body writes 14103 and ends the call; a bad method writes 14104 and POST is used', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Sms action="/a" method="PATCH">Hi</Sms></Response>');
    t.rcml('/a', '<Response><Sms>  </Sms><Say>Not reached</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    const transcript = await call.done();
    expect(app.to('/a')[0]!.method).toBe('POST');
    expect((await notifications(client)).map(([code]) => code).sort()).toEqual([14103, 14104]);
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome])).toEqual([['Sms', 'sent'], ['Sms', 'failed']]);
    expect(call.view().status).toBe('completed');
  });
});

describe('Sms in answer to an inbound message', () => {
  const t = useInterpreter();

  it('replies to the sender from the number that received it; the action gets the inbound message parameters', async () => {
    const { client, sandbox, app } = t;
    const number = await t.number();
    t.rcml('/sms', '<Response><Sms action="/replied">Thanks, we got it</Sms></Response>');
    t.rcml('/replied', '<Response></Response>');
    const inbound = sandbox.receiveSms({ from: CALLER, to: number, body: 'STOP' });
    await inbound.done();
    await sandbox.settle();
    const reply = (await client.sms.messages.list({ To: CALLER })).messages[0];
    expect(reply).toMatchObject({ from: number, body: 'Thanks, we got it', direction: 'outbound-reply', status: 'delivered' });
    const [action, ...updates] = app.to('/replied');
    expect(expectWebhook('smsAction', action)).toMatchObject({ SmsSid: inbound.sid, SmsStatus: 'sending', Body: 'STOP', From: CALLER, To: number });
    expect(updates.map((u) => expectWebhook('smsStatusCallback', u).MessageStatus)).toEqual(['sent', 'delivered']);
  });

  it('two numbers whose applications answer each other stop after MAX_REPLY_CHAIN messages', async () => {
    const { client, sandbox } = t;
    t.rcml('/sms', '<Response><Sms>Got it</Sms></Response>');
    const first = await t.number();
    const second = await t.number();
    await sandbox.receiveSms({ from: second, to: first, body: 'ping' }).done();
    await sandbox.settle();
    const sent = (await client.sms.messages.list({ PageSize: 100 })).messages.filter((m) => m.direction === 'outbound-reply');
    expect(sent).toHaveLength(MAX_REPLY_CHAIN);
    expect(sandbox.events.filter((e) => e.type === 'sms-not-delivered')).toHaveLength(1);
  });

  it("a message to one of the sandbox's numbers longer than an inbound message may be is sent but not delivered there", async () => {
    const { client, sandbox, app } = t;
    const number = await t.number();
    const other = await t.number();
    t.rcml('/voice', `<Response><Sms to="${other}">${'x'.repeat(MAX_INBOUND_BODY + 1)}</Sms></Response>`);
    await sandbox.inboundCall({ from: CALLER, to: number }).done();
    await sandbox.settle();
    expect((await client.sms.messages.list()).messages.map((m) => [m.direction, m.status])).toEqual([['outbound-call', 'delivered']]);
    expect(sandbox.events.find((e) => e.type === 'sms-not-delivered')).toMatchObject({ reason: `its body has ${MAX_INBOUND_BODY + 1} characters; an inbound message has at most ${MAX_INBOUND_BODY}` });
    expect(app.to('/sms')).toHaveLength(0);
  });
});
