// <Dial> with Number, Client and Sip against a real local app: the dialled legs as call resources, their status
// callbacks, call screening, the action request and the server's handling of bad attribute values.
import { describe, expect, it } from 'vitest';
import { checkWebhookRequest } from '../../../src/sandbox/webhook-sender.js';
import { parseWebhook, type WebhookKind } from '../../../src/webhooks/index.js';
import { single, useSandbox } from '../fixture.js';
import { ofType, useInterpreter } from './harness.js';

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
    expect(action).toMatchObject({ CallSid: call.sid, OutboundCallSid: leg.sid, DialCallSid: leg.sid, DialCallStatus: 'completed', DialCallDuration: 45, DialRingDuration: 3 });
  });

  it.each([
    ['+15551230001', 'busy', 3],
    ['+15551230003', 'failed', 3],
    ['+15551230002', 'no-answer', 12],
  ])('a number that is %s: DialCallStatus %s, no talk time, the action after %i s', async (number, status, afterSeconds) => {
    const { app, client, sandbox } = t;
    app.reply('/voice', xml(`<Dial action="/after" timeout="12">${number}</Dial>`));
    app.reply('/after', xml('<Hangup/>'));
    const call = await place();
    const leg = (await client.calls.list({ ParentCallSid: call.sid })).calls[0]!;
    expect(leg.status).toBe(status);
    const action = parseWebhook('dialAction', app.to('/after')[0]!.params);
    expect(action).toMatchObject({ DialCallSid: leg.sid, DialCallStatus: status, DialCallDuration: 0 });
    expect(action.OutboundCallSid).toBeUndefined();
    const dialVerb = sandbox.events.find((e) => e.type === 'verb' && e.verb === 'Dial')!;
    const answered = sandbox.events.find((e) => e.sid === call.sid && e.type === 'status' && e.status === 'in-progress')!;
    // The Dial event is recorded as the Dial begins; `endedAt` is when it ended and the action was requested.
    expect(dialVerb.at).toBe(answered.at);
    expect((dialVerb.endedAt as number) - answered.at).toBe(afterSeconds * 1000);
  });

  it('transcript order: the Dial comes first (running until it ends), then its nouns with parent Dial and its leg', async () => {
    const { app, sandbox } = t;
    app.reply('/voice', xml('<Dial timeLimit="20"><Number>+15551230000</Number><Play>/not-a-noun.wav</Play></Dial><Say>Done</Say>'));
    const call = single(await t.client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/voice` }));
    await sandbox.clock.advance(10_000);
    const live = sandbox.call(call.sid).transcript.events.filter((e) => e.type === 'verb');
    expect(live.map((e) => [e.verb, e.outcome, e.parent])).toEqual([
      ['Dial', 'running', undefined],
      ['Play', 'skipped', 'Dial'],
    ]);
    const transcript = await sandbox.call(call.sid).done();
    const order = transcript.events.flatMap((e) => (e.type === 'verb' ? [`${e.verb}:${e.outcome}`] : e.type === 'resource' && e.resource === 'Call' ? ['leg'] : []));
    expect(order).toEqual(['Dial:completed', 'Play:skipped', 'leg', 'Say:done']);
    const dialEvent = ofType(transcript.events, 'verb')[0]!;
    expect((dialEvent.endedAt as number) - dialEvent.at).toBeGreaterThanOrEqual(20_000);
  });

  it('several nouns ring together: the first to answer wins and the others are cancelled', async () => {
    const { app, client } = t;
    app.reply('/voice', xml(`<Dial action="/after"><Number>+15551230002</Number><Client>alice</Client><Sip>sip:bob@example.com</Sip></Dial>`));
    app.reply('/after', xml('<Hangup/>'));
    const call = await place();
    const legs = (await client.calls.list({ ParentCallSid: call.sid })).calls;
    expect(legs.map((l) => [l.to, l.status])).toEqual([
      ['+15551230002', 'canceled'],
      ['client:alice', 'completed'],
      ['sip:bob@example.com', 'canceled'],
    ]);
    expect(parseWebhook('dialAction', app.to('/after')[0]!.params)).toMatchObject({ DialCallSid: legs[1]!.sid, DialCallStatus: 'completed' });
  });

  it('without action the next verb runs; Dial text is read as a Number, a client or a SIP address', async () => {
    const { app, client, sandbox } = t;
    app.reply('/voice', xml('<Dial timeLimit="5">client:carol</Dial><Dial timeLimit="5">dave@example.com</Dial><Dial timeLimit="5">+15551230009</Dial><Say>Done</Say>'));
    const call = await place();
    expect((await client.calls.list({ ParentCallSid: call.sid })).calls.map((l) => l.to)).toEqual(['client:carol', 'sip:dave@example.com', '+15551230009']);
    const verbs = sandbox.events.filter((e) => e.type === 'verb').map((e) => [e.verb, e.outcome]);
    expect(verbs).toEqual([['Dial', 'completed'], ['Dial', 'completed'], ['Dial', 'completed'], ['Say', 'done']]);
  });

  it('statusCallbackEvent is a comma-separated list; a space-separated one reports nothing, as on the server', async () => {
    const { app } = t;
    app.reply('/voice', xml(`<Dial timeLimit="1"><Uri statusCallback="${app.url}/a" statusCallbackMethod="get" statusCallbackEvent="ringing, completed">sip:carl@example.com</Uri></Dial>` +
      `<Dial timeLimit="1"><Number statusCallback="${app.url}/b" statusCallbackEvent="ringing completed">+15551230000</Number></Dial>`));
    await place();
    // The deprecated Uri noun is dialled like a Sip address.
    expect(app.to('/a').map((r) => [r.method, r.params.get('CallStatus'), r.params.get('To')])).toEqual([
      ['GET', 'ringing', 'carl'],
      ['GET', 'completed', 'carl'],
    ]);
    expect(app.to('/b')).toEqual([]);
  });

  it('timeLimit cuts a longer conversation short; callerId is the leg\'s From', async () => {
    const { app, client } = t;
    app.reply('/voice', xml('<Dial action="/after" timeLimit="10" callerId="+15125550999">+15551230000</Dial>'));
    app.reply('/after', xml('<Hangup/>'));
    const call = await place();
    const leg = (await client.calls.list({ ParentCallSid: call.sid })).calls[0]!;
    expect(leg).toMatchObject({ from: '+15125550999', duration: 10 });
    expect(app.to('/after')[0]!.params.get('DialCallDuration')).toBe('10');
  });

  it('bad timeout, timeLimit, method and url values: the server\'s Notifications and defaults', async () => {
    const { app, client } = t;
    app.reply('/voice', xml('<Dial action="/after" method="PUT" timeout="soon" timeLimit="2.5"><Number url="http://[bad">+15551230002</Number></Dial>'));
    app.reply('/after', xml('<Hangup/>'));
    const call = await place();
    const codes = (await client.notifications.list()).notifications.map((n) => n.error_code).sort();
    expect(codes).toEqual([11100, 13210, 13212, 13216]);
    // POST instead of PUT, and the default 30 s of ringing for the unanswered number.
    expect(app.to('/after')[0]!.method).toBe('POST');
    const leg = (await client.calls.list({ ParentCallSid: call.sid })).calls[0]!;
    expect(leg.ring_duration).toBe(30);
  });

  it('the url of an answered noun runs in the call-screening context on the leg, before the parties are connected', async () => {
    const { app, client, sandbox } = t;
    app.reply('/voice', xml('<Dial action="/after" timeLimit="20"><Number url="/screen" method="GET">+15551230000</Number></Dial>'));
    app.reply('/screen', xml('<Say>A call from support</Say><Dial>+15550000000</Dial><Redirect>/screen-2</Redirect>'));
    app.reply('/screen-2', xml('<Pause length="3"/>'));
    app.reply('/after', xml('<Hangup/>'));
    const call = await place();
    const leg = (await client.calls.list({ ParentCallSid: call.sid })).calls[0]!;
    const screening = app.to('/screen')[0]!;
    expect(screening.method).toBe('GET');
    expect(parseWebhook('callScreening', screening.params)).toMatchObject({ CallSid: leg.sid, Direction: 'outbound-dial', CallStatus: 'in-progress', To: '+15551230000' });
    expect(screening.params.has('InstanceId')).toBe(false);
    expect(parseWebhook('screeningRedirect', app.to('/screen-2')[0]!.params)).toMatchObject({ CallSid: leg.sid });
    const legVerbs = sandbox.events.filter((e) => e.type === 'verb' && e.callSid === leg.sid).map((e) => [e.verb, e.context, e.outcome]);
    expect(legVerbs).toEqual([
      ['Say', 'call-screening', 'done'],
      ['Dial', 'call-screening', 'skipped'],
      ['Redirect', 'call-screening', 'done'],
      ['Pause', 'call-screening', 'done'],
    ]);
    // The leg is connected from its answer: the screening (1.3 s of speech, the 3 s pause), then the 20 s of timeLimit.
    expect(parseWebhook('dialAction', app.to('/after')[0]!.params)).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: 24 });
  });

  it('a screening document that hangs up makes the server hang the caller up; no action is requested', async () => {
    const { app, client } = t;
    app.reply('/voice', xml('<Dial action="/after"><Number url="/screen">+15551230000</Number></Dial><Say>Not reached</Say>'));
    app.reply('/screen', xml('<Hangup/>'));
    const call = await place();
    expect(app.to('/after')).toEqual([]);
    expect((await client.calls.fetch(call.sid)).status).toBe('completed');
    expect(t.sandbox.events.some((e) => e.type === 'verb' && e.verb === 'Say')).toBe(false);
  });

  it('the caller hanging up ends the conversation; the action still gets the outcome, and its answer is not run', async () => {
    const { app, client, sandbox } = t;
    app.reply('/voice', xml(`<Dial action="/after"><Number statusCallback="${app.url}/leg" statusCallbackEvent="completed">+15551230000</Number></Dial>`));
    app.reply('/after', xml('<Say>Not run</Say>'));
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/voice` }));
    // The call is answered at 3 s and the dialled number 3 s later; the caller hangs up at 12 s.
    await sandbox.clock.advance(12_000);
    await client.calls.update(call.sid, { Status: 'completed' });
    await sandbox.settle();
    const leg = (await client.calls.list({ ParentCallSid: call.sid })).calls[0]!;
    expect(leg).toMatchObject({ status: 'completed', duration: 6 });
    expect(parseWebhook('dialStatusCallback', app.to('/leg')[0]!.params)).toMatchObject({ CallStatus: 'completed', CallDuration: 6 });
    expect(parseWebhook('dialAction', app.to('/after')[0]!.params)).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: 6 });
    expect(sandbox.events.some((e) => e.type === 'verb' && e.verb === 'Say')).toBe(false);
    expect((await client.calls.fetch(call.sid)).status).toBe('completed');
  });

  it('the caller hanging up while the number rings cancels the leg', async () => {
    const { app, client, sandbox } = t;
    app.reply('/voice', xml('<Dial>+15551230002</Dial>'));
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/voice` }));
    await sandbox.clock.advance(8_000);
    await client.calls.update(call.sid, { Status: 'completed' });
    await sandbox.settle();
    expect((await client.calls.list({ ParentCallSid: call.sid })).calls.map((l) => l.status)).toEqual(['canceled']);
    expect(sandbox.events.find((e) => e.type === 'verb' && e.verb === 'Dial')).toMatchObject({ outcome: 'canceled' });
    expect(sandbox.clock.now() - (sandbox.events[0]!.at as number)).toBeLessThan(10_000);
  });

  it('a Client with a Video child is dialled by its name, as audio; past 100 nouns the rest are skipped', async () => {
    const { app, client, sandbox } = t;
    const numbers = Array.from({ length: 101 }, (_, i) => `<Number>+1555123${String(1000 + i)}</Number>`).join('');
    app.reply('/voice', xml(`<Dial timeLimit="1"><Client name="erin"><Video enable="true"/></Client></Dial><Dial timeout="5">${numbers}</Dial>`));
    const call = await place();
    const legs = (await client.calls.list({ ParentCallSid: call.sid, PageSize: 200 })).calls;
    expect(legs[0]!.to).toBe('client:erin');
    expect(legs).toHaveLength(101);
    const skipped = sandbox.events.filter((e) => e.type === 'verb' && e.outcome === 'skipped').map((e) => e.verb);
    expect(skipped).toEqual(['Video', 'Number']);
  });

  it('record="true" stores a Recording of the connected call and gives its URLs to the action', async () => {
    const { app, client } = t;
    app.reply('/voice', xml('<Dial action="/after" record="TRUE" timeLimit="12">+15551230000</Dial>'));
    app.reply('/after', xml('<Hangup/>'));
    const call = await place();
    const [recording] = (await client.recordings.list({ CallSid: call.sid })).recordings;
    expect(recording).toMatchObject({ call_sid: call.sid, duration: '12.0' });
    const action = parseWebhook('dialAction', app.to('/after')[0]!.params);
    expect(action).toMatchObject({ RecordingUrl: `file:///opt/restcomm/recordings/${recording!.sid}.wav`, PublicRecordingUrl: recording!.file_uri });
  });
});

describe('<Dial> outcomes from an inbound call scenario', () => {
  const t = useInterpreter();
  const number = () => t.number();

  it('the dial map decides each target: by number, client:<login> and sip:<uri>; unknown targets answer', async () => {
    const { app } = t;
    app.reply('/voice', xml('<Dial action="/a">+15551230000</Dial>'));
    app.reply('/a', xml('<Dial action="/b"><Client>alice</Client></Dial>'));
    app.reply('/b', xml('<Dial action="/c"><Sip>sip:bob@example.com</Sip></Dial>'));
    app.reply('/c', xml('<Dial action="/d" timeLimit="7">+15551239999</Dial>'));
    app.reply('/d', xml('<Hangup/>'));
    const call = t.sandbox.inboundCall({
      from: '+15125550100',
      to: await number(),
      dial: { '+15551230000': 'busy', 'client:alice': { answer: true, seconds: 30 }, 'sip:bob@example.com': 'failed' },
    });
    const transcript = await call.done();
    const outcome = (path: string) => [app.to(path)[0]!.params.get('DialCallStatus'), app.to(path)[0]!.params.get('DialCallDuration')];
    expect([outcome('/a'), outcome('/b'), outcome('/c'), outcome('/d')]).toEqual([
      ['busy', '0'],
      ['completed', '30'],
      ['failed', '0'],
      ['completed', '7'],
    ]);
    const legs = ofType(transcript.events, 'resource').filter((e) => e.resource === 'Call');
    expect(legs.map((e) => e.to)).toEqual(['+15551230000', 'client:alice', 'sip:bob@example.com', '+15551239999']);
    // The legs' own events are part of the caller's transcript.
    const legStatuses = transcript.events.filter((e) => e.type === 'status' && e.callSid === legs[1]!.sid).map((e) => e.type === 'status' && e.status);
    expect(legStatuses).toEqual(['queued', 'ringing', 'in-progress', 'completed']);
  });

  it("'answer' talks until the caller hangs up; the screening leg gets the outcome's input", async () => {
    const { app } = t;
    app.reply('/voice', xml('<Dial action="/after"><Number url="/screen">+15551230000</Number></Dial>'));
    app.reply('/screen', xml('<Pause length="2"/>'));
    app.reply('/after', xml('<Say>Not run</Say>'));
    const call = t.sandbox.inboundCall({ from: '+15125550100', to: await number(), input: [{ hangup: true }], dial: { '+15551230000': 'answer' } });
    const transcript = await call.done();
    const dial = transcript.events.find((e) => e.type === 'verb' && e.verb === 'Dial')!;
    expect(dial).toMatchObject({ outcome: 'completed', ended: 'caller' });
    expect(parseWebhook('dialAction', app.to('/after')[0]!.params)).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: 2 });
    expect(transcript.events.filter((e) => e.type === 'input').map((e) => e.type === 'input' && e.input)).toEqual([{ hangup: true }]);
    expect(call.view().status).toBe('completed');
  });

  it('hanging up the dialled leg through the REST API ends the conversation as the party hanging up would', async () => {
    const { app, client, sandbox } = t;
    app.reply('/voice', xml('<Dial action="/after">+15551230000</Dial>'));
    app.reply('/after', xml('<Say>The agent hung up</Say>'));
    const call = sandbox.inboundCall({ from: '+15125550100', to: await number() });
    await sandbox.clock.advance(20_000);
    const [leg] = (await client.calls.list({ ParentCallSid: call.sid })).calls;
    expect(leg!.status).toBe('in-progress');
    await client.calls.update(leg!.sid, { Status: 'completed' });
    const transcript = await call.done();
    expect(transcript.events.find((e) => e.type === 'verb' && e.verb === 'Dial')).toMatchObject({ outcome: 'completed', ended: 'callee' });
    expect(transcript.events.filter((e) => e.type === 'verb').map((e) => e.type === 'verb' && e.verb)).toEqual(['Dial', 'Say']);
  });

  it("a screening Gather takes the dialled party's input from the outcome; its action carries the leg's call parameters", async () => {
    const { app } = t;
    app.reply('/voice', xml('<Dial action="/after" timeLimit="5"><Client url="/screen">agent</Client></Dial>'));
    app.reply('/screen', xml('<Gather action="/accept" numDigits="1"><Say>Press 1 to take the call</Say></Gather><Hangup/>'));
    app.reply('/accept', xml('<Say>Connecting</Say>'));
    app.reply('/after', xml('<Hangup/>'));
    const call = t.sandbox.inboundCall({ from: '+15125550100', to: await number(), dial: { 'client:agent': { answer: true, input: ['1'] } } });
    const transcript = await call.done();
    const [leg] = ofType(transcript.events, 'resource').filter((e) => e.resource === 'Call');
    expect(parseWebhook('gatherAction', app.to('/accept')[0]!.params)).toMatchObject({ CallSid: leg!.sid, Digits: '1', Direction: 'outbound-dial' });
    const verbs = transcript.events.flatMap((e) => (e.type === 'verb' ? [[e.verb, e.context, e.callSid === leg!.sid ? 'leg' : 'caller']] : []));
    // The Dial comes first (recorded as it begins), then what its answered leg ran, then the caller's next verb.
    expect(verbs).toEqual([
      ['Dial', 'voice', 'caller'],
      ['Gather', 'call-screening', 'leg'],
      ['Say', 'call-screening', 'leg'],
      ['Say', 'call-screening', 'leg'],
      ['Hangup', 'voice', 'caller'],
    ]);
    expect(app.to('/after')[0]!.params.get('DialCallStatus')).toBe('completed');
  });

  it('every kind of webhook Dial, Conference, Hold and Resume send validates against the spec, as received on the wire', async () => {
    const { app, sandbox } = t;
    app.reply('/voice', xml('<Hold action="/held"/>'));
    app.reply('/held', xml('<Resume action="/resumed" method="GET"/>'));
    app.reply('/resumed', xml(`<Dial action="/dialed" timeLimit="5"><Number url="/screen" statusCallback="${app.url}/leg">+15551230000</Number></Dial>`));
    app.reply('/screen', xml('<Redirect>/screen-2</Redirect>'));
    app.reply('/screen-2', xml('<Say>Hello</Say>'));
    app.reply('/dialed', xml('<Dial action="/left" timeLimit="10"><Conference startConferenceOnEnter="false" waitUrl="/wait">room</Conference></Dial>'));
    app.reply('/wait', xml('<Say>Please wait</Say>'));
    app.reply('/left', xml('<Hangup/>'));
    await sandbox.inboundCall({ from: '+15125550100', to: await number() }).done();
    const kinds = new Set<string>();
    expect(app.received).toHaveLength(sandbox.events.filter((e) => e.type === 'request').length);
    for (const [i, event] of sandbox.events.filter((e) => e.type === 'request').entries()) {
      const received = app.received[i]!;
      const kind = event.kind as WebhookKind;
      kinds.add(kind);
      expect(() => checkWebhookRequest({ kind, url: event.url as string, method: received.method as 'GET' | 'POST', params: [...received.params] })).not.toThrow();
    }
    expect([...kinds].sort()).toEqual([
      'callScreening',
      'conferenceWait',
      'dialAction',
      'dialConferenceAction',
      'dialStatusCallback',
      'holdAction',
      'resumeAction',
      'screeningRedirect',
      'voiceRequest',
    ]);
  });

  it('a call placed through the REST API dials with the dial map of its sandbox.scenario', async () => {
    const { app, client, sandbox } = t;
    app.reply('/out', xml('<Dial action="/after">+15551230000</Dial>'));
    app.reply('/after', xml('<Hangup/>'));
    sandbox.scenario({ to: '+15125550188', dial: { '+15551230000': 'no-answer' } });
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550188', Url: `${app.url}/out` }));
    await sandbox.call(call.sid).done();
    expect(parseWebhook('dialAction', app.to('/after')[0]!.params)).toMatchObject({ DialCallStatus: 'no-answer', DialRingDuration: 30 });
  });

  it("a number of the sandbox rings its own application: it answers, rejects or hangs up as that application says", async () => {
    const { app, client } = t;
    const caller = await number();
    const agent = await t.number({ VoiceUrl: `${app.url}/agent` });
    const busy = await t.number({ VoiceUrl: `${app.url}/busy` });
    app.reply('/voice', xml(`<Dial action="/first">${busy}</Dial>`));
    app.reply('/first', xml(`<Dial action="/second">${agent}</Dial>`));
    app.reply('/second', xml('<Hangup/>'));
    app.reply('/busy', xml('<Reject reason="busy"/>'));
    app.reply('/agent', xml('<Say>Hello, this is the agent</Say><Pause length="5"/>'));
    const call = t.sandbox.inboundCall({ from: '+15125550100', to: caller });
    await call.done();
    await t.sandbox.settle();
    expect(app.to('/first')[0]!.params.get('DialCallStatus')).toBe('busy');
    const second = parseWebhook('dialAction', app.to('/second')[0]!.params);
    // The agent's application answered, spoke for about 1.7 s and paused 5 s, then its document ended and hung up.
    expect(second).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: 7 });
    const agentCall = (await client.calls.list({ To: agent })).calls.find((c) => c.direction === 'inbound')!;
    expect(agentCall).toMatchObject({ status: 'completed', from: '+15125550100' });
    expect(parseWebhook('voiceRequest', app.to('/agent')[0]!.params)).toMatchObject({ CallSid: agentCall.sid, Direction: 'inbound' });
  });

  it("the caller hanging up hangs up the sandbox number's application it was connected to", async () => {
    const { app, client, sandbox } = t;
    const agent = await t.number({ VoiceUrl: `${app.url}/agent` });
    app.reply('/voice', xml(`<Dial>${agent}</Dial>`));
    app.reply('/agent', xml('<Say>Hello</Say><Pause length="600"/>'));
    const call = sandbox.inboundCall({ from: '+15125550100', to: await number() });
    await sandbox.clock.advance(30_000);
    call.hangup();
    await call.done();
    await sandbox.settle();
    const agentCall = (await client.calls.list({ To: agent })).calls.find((c) => c.direction === 'inbound')!;
    expect(agentCall.status).toBe('completed');
    expect(agentCall.duration).toBeLessThan(30);
  });
});

describe('<Dial> targets named like Object members', () => {
  // Every target the scenario does not list goes to callOutcome, which says busy.
  const t = useInterpreter({ callOutcome: () => 'busy' });

  it("are not looked up in the dial map's prototype: they fall through to callOutcome like any unlisted target", async () => {
    t.rcml('/voice', '<Response><Dial action="/a"><Number>constructor</Number></Dial></Response>');
    t.rcml('/a', '<Response><Dial action="/b"><Client>__proto__</Client></Dial></Response>');
    t.rcml('/b', '<Response><Hangup/></Response>');
    const call = t.sandbox.inboundCall({ from: '+15125550100', to: await t.number(), dial: { '+15551230000': 'answer' } });
    await call.done();
    expect(['/a', '/b'].map((p) => t.app.to(p)[0]!.params.get('DialCallStatus'))).toEqual(['busy', 'busy']);
  });
});
