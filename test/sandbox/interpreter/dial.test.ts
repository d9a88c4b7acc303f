// <Dial> with Number, Client and Sip against a real local app: the dialled legs as call resources, their status
// callbacks, call screening, the action request and the server's handling of bad attribute values.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../src/webhooks/index.js';
import { single, useSandbox } from '../fixture.js';

const xml = (body: string) => ({ type: 'text/xml', body: `<Response>${body}</Response>` });
const OUTCOMES: Record<string, string> = { '+15551230001': 'busy', '+15551230002': 'no-answer', '+15551230003': 'failed' };

describe('<Dial> with numbers, clients and SIP addresses', () => {
  const t = useSandbox({ callOutcome: (call) => (OUTCOMES[call.to as string] ?? 'answer') as 'answer' });

  async function place(path = '/voice') {
    const call = single(await t.client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${t.app.url}${path}` }));
    await t.sandbox.settle();
    return call;
  }

  it('an answered number: a child call, its four progress events and the action with the outcome', async () => {
    const { app, client } = t;
    app.reply('/voice', xml(`<Dial action="/after" timeLimit="45"><Number statusCallback="${app.url}/leg">+15551230000</Number></Dial>`));
    app.reply('/after', xml('<Say>Bye</Say>'));
    const call = await place();
    const legs = (await client.calls.list({ ParentCallSid: call.sid })).calls;
    expect(legs).toHaveLength(1);
    const leg = legs[0]!;
    expect(leg).toMatchObject({ parent_call_sid: call.sid, direction: 'outbound-dial', to: '+15551230000', from: '+15125550100', status: 'completed', duration: 45 });
    const events = app.to('/leg').map((r) => parseWebhook('dialStatusCallback', r.params));
    expect(events.map((e) => [e.CallStatus, e.SequenceNumber, e.ParentCallSid, e.CallSid])).toEqual(
      ['initiated', 'ringing', 'answered', 'completed'].map((s, i) => [s, i, call.sid, leg.sid]),
    );
    const action = parseWebhook('dialAction', app.to('/after')[0]!.params);
    expect(action).toMatchObject({ CallSid: call.sid, DialCallSid: leg.sid, DialCallStatus: 'completed', DialCallDuration: 45, DialRingDuration: 2 });
  });
});
