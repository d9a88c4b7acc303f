// <Email> against a real local app, in a call and in an SMS session: the mail the server would hand to its SMTP
// service is in the transcript (the server keeps no e-mail resource), with its defaults and the server's spelling.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBJECT } from '../../../src/sandbox/interpreter/verbs/email.js';
import { CALLER, ofType, useInterpreter } from './harness.js';


describe('Email', () => {
  const t = useInterpreter();

  it('in a call: sends the mail and goes on with the next verb', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Email to="ops@example.com" from="ivr@example.com" cc="a@example.com,b@example.com" bcc="audit@example.com" subject="Missed call">Call from the IVR</Email><Say>Bye</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    const transcript = await call.done();
    const verbs = ofType(transcript.events, 'verb');
    expect(verbs.map((e) => e.verb)).toEqual(['Email', 'Say']);
    expect(verbs[0]).toMatchObject({ outcome: 'sent', to: 'ops@example.com', from: 'ivr@example.com', cc: 'a@example.com,b@example.com', bcc: 'audit@example.com', subject: 'Missed call', body: 'Call from the IVR' });
    // Sending takes no call time.
    expect(verbs[1]!.at).toBe(verbs[0]!.at);
  });

  it('reads the lower-case subject and bcc only (the documentation spells them Subject and Bcc); without to, nothing is sent', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Email to="ops@example.com" from="ivr@example.com" Subject="Ignored" Bcc="x@example.com">Body</Email><Email from="ivr@example.com">No recipient</Email><Say>Still running</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    const transcript = await call.done();
    const verbs = ofType(transcript.events, 'verb');
    expect(verbs[0]).toMatchObject({ outcome: 'sent', subject: DEFAULT_SUBJECT, bcc: '' });
    expect(verbs.slice(1).map((e) => [e.verb, e.outcome])).toEqual([['Email', 'failed'], ['Say', 'done']]);
  });

  it('in an SMS session', async () => {
    const { client, sandbox, app } = t;
    const number = await t.number();
    t.rcml('/sms', '<Response><Email to="ops@example.com" from="sms@example.com" subject="Inbound text">New message</Email></Response>');
    const inbound = sandbox.receiveSms({ from: CALLER, to: number, body: 'Hello' });
    const transcript = await inbound.done();
    expect(ofType(transcript.events, 'verb')).toMatchObject([{ verb: 'Email', context: 'sms', outcome: 'sent', subject: 'Inbound text', body: 'New message' }]);
  });
});
