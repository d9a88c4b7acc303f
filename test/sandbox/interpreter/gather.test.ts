// <Gather> against a real local app: keys and speech from the call's input, the prompts, timeouts, the action request
// as the server sends it, partial speech results, and the Notifications for values the server rejects.
import { describe, expect, it } from 'vitest';
import { collectKeys } from '../../../src/sandbox/interpreter/verbs/gather.js';
import { speechMs } from '../../../src/sandbox/interpreter/verbs/say.js';
import { CALLER, ofType, useInterpreter } from './harness.js';
import { expectWebhook, notifications } from './media-fixture.js';

describe('Gather', () => {
  const t = useInterpreter();

  it('plays its prompts, then sends the keys before finishOnKey to its action and runs the answer', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/menu" numDigits="4"><Say>Enter your PIN, then the hash key.</Say><Pause length="2"/></Gather><Say>Not reached</Say></Response>');
    t.rcml('/menu', '<Response><Say>Thank you</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: ['12#'] });
    const transcript = await call.done();

    const params = expectWebhook('gatherAction', app.to('/menu')[0]);
    expect(params).toMatchObject({ CallSid: call.sid, Digits: '12', SpeechResult: '', CallStatus: 'in-progress' });
    expect(params).not.toHaveProperty('Confidence');
    // In the order they ran: the Gather, its prompts (marked with their parent), the input, the action request.
    expect(transcript.events.filter((e) => e.type !== 'status').map((e) => (e.type === 'verb' ? `${e.parent ? `${e.parent}>` : ''}${e.verb}` : e.type))).toEqual([
      'request', 'reply', 'Gather', 'Gather>Say', 'Gather>Pause', 'input', 'request', 'reply', 'Say',
    ]);
    const verbs = ofType(transcript.events, 'verb');
    expect(verbs[0]).toMatchObject({ verb: 'Gather', outcome: 'input', digits: '12', endedBy: 'finishOnKey', numDigits: 4 });
    expect(verbs[3]).not.toHaveProperty('parent');
    // The key ended the input at once: the Gather ends, and its action is requested, when the prompts end.
    const prompted = verbs[2]!.at + 2000;
    expect(verbs[0]!.endedAt).toBe(prompted);
    expect(transcript.events.find((e) => e.type === 'request' && e.kind === 'gatherAction')!.at).toBe(prompted);
    expect(transcript.events.some((e) => e.type === 'verb' && e.text === 'Not reached')).toBe(false);
  });

  it('transcript order: the Gather comes first (running until it ends), then its prompts and skipped children with parent Gather', async () => {
    const { sandbox } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather timeout="2"><Say>Press 1</Say><Hangup/></Gather></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ timeout: true }] });
    await sandbox.clock.advance(500);
    const live = ofType(call.transcript.events, 'verb').map((e) => [e.verb, e.outcome, e.parent]);
    expect(live).toEqual([['Gather', 'running', undefined], ['Say', 'done', 'Gather']]);
    expect(ofType(call.transcript.events, 'verb')[0]).not.toHaveProperty('endedAt');
    const verbs = ofType((await call.done()).events, 'verb');
    expect(verbs.map((e) => [e.verb, e.outcome, e.parent])).toEqual([['Gather', 'timeout', undefined], ['Say', 'done', 'Gather'], ['Hangup', 'skipped', 'Gather']]);
    expect(verbs[0]!.endedAt).toBeGreaterThan(verbs[0]!.at);
  });

  it('ends at numDigits keys, or when the caller has been silent for timeout seconds', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/one" numDigits="1"/><Gather action="/two" timeout="3"/></Response>');
    t.rcml('/one', '<Response><Gather action="/two" timeout="3"/></Response>');
    t.rcml('/two', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: ['31', '42'] });
    const transcript = await call.done();
    expect(expectWebhook('gatherAction', app.to('/one')[0]).Digits).toBe('3');
    expect(expectWebhook('gatherAction', app.to('/two')[0]).Digits).toBe('42');
    const gathers = ofType(transcript.events, 'verb').filter((e) => e.verb === 'Gather');
    expect(gathers.map((g) => [g.endedBy, g.unused])).toEqual([['numDigits', '1'], ['timeout', undefined]]);
    // No finishing key: the second Gather waited its three seconds of silence after the keys.
    expect(gathers[1]!.endedAt! - gathers[1]!.at).toBe(3000);
  });

  it('without input it sends nothing and falls through to the next verb after the timeout', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/menu" timeout="4"><Say>Press 1</Say></Gather><Say>We did not get your choice</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ timeout: true }] });
    const transcript = await call.done();
    expect(app.to('/menu')).toHaveLength(0);
    const verbs = ofType(transcript.events, 'verb');
    expect(verbs.map((e) => [e.verb, e.outcome, e.parent])).toEqual([['Gather', 'timeout', undefined], ['Say', 'done', 'Gather'], ['Say', 'done', undefined]]);
    expect(verbs[2]!.at - verbs[0]!.at).toBe(1000 + 4000);
    expect(verbs[0]!.endedAt).toBe(verbs[2]!.at);
    expect(call.view().status).toBe('completed');
  });

  it('only the finishing key is no input: nothing is sent; a hang-up during the prompts ends the Gather there', async () => {
    const { sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/x"><Say>Press something</Say></Gather><Gather action="/x"><Say>A long second prompt to hang up on</Say></Gather></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: ['#'] });
    await sandbox.clock.advance(3000);
    call.hangup();
    const transcript = await call.done();
    expect(app.to('/x')).toHaveLength(0);
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome, e.endedBy])).toEqual([
      ['Gather', 'empty', 'finishOnKey'],
      ['Say', 'done', undefined],
      ['Gather', 'hangup', undefined],
      ['Say', 'done', undefined],
    ]);
  });

  it('speech: SpeechResult in the action, interim results to partialResultCallback, no Confidence parameter', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', `<Response><Gather input="speech" action="/said" partialResultCallback="/partial" partialResultCallbackMethod="GET"><Say>Which department?</Say></Gather></Response>`);
    t.rcml('/said', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ speech: 'sales please', confidence: 0.82, partial: ['sa', 'sales'] }] });
    const transcript = await call.done();
    const partials = app.to('/partial');
    expect(partials.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(partials.map((r) => expectWebhook('gatherPartialResult', r).UnstableSpeechResult)).toEqual(['sa', 'sales']);
    const said = expectWebhook('gatherAction', app.to('/said')[0]);
    expect(said).toMatchObject({ Digits: '', SpeechResult: 'sales please' });
    expect(said).not.toHaveProperty('Confidence');
    expect(transcript.events.find((e) => e.type === 'verb' && e.verb === 'Gather')).toMatchObject({ input: 'speech', language: 'en-US', speech: 'sales please', confidence: 0.82 });
  });

  it('input this Gather cannot take is silence to it, and waits for the Gather that can', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/keys" timeout="2"/><Gather input="dtmf speech" action="/either"/></Response>');
    t.rcml('/either', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ speech: 'operator' }] });
    await call.done();
    expect(app.to('/keys')).toHaveLength(0);
    expect(expectWebhook('gatherAction', app.to('/either')[0])).toMatchObject({ Digits: '', SpeechResult: 'operator' });
  });

  it('with input but no action the server goes on with the next verb; GET sends the parameters in the query', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather numDigits="1"/><Gather method="get" action="/q" numDigits="1"/></Response>');
    t.rcml('/q', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: ['1', '2'] });
    await call.done();
    expect(app.received.map((r) => r.path)).toEqual(['/voice', '/q']);
    expect(app.to('/q')[0]!.method).toBe('GET');
    expect(expectWebhook('gatherAction', app.to('/q')[0]).Digits).toBe('2');
  });

  it('values the server rejects write its Notifications and fall back to its defaults', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/x" method="PUT" timeout="soon" finishOnKey="A" numDigits="two" startInputKey="x"><Say voice="robot">Hi</Say></Gather></Response>');
    t.rcml('/x', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: ['7#'] });
    const transcript = await call.done();
    expect((await notifications(client)).map(([code]) => code).sort()).toEqual([13310, 13313, 13314, 13315, 13321, 14104]);
    // POST, '#' and the 5-second default still apply: the digit before '#' reached the action.
    expect(app.to('/x')[0]).toMatchObject({ method: 'POST' });
    expect(expectWebhook('gatherAction', app.to('/x')[0]).Digits).toBe('7');
    expect(transcript.events.filter((e) => e.type === 'notification')).toHaveLength(6);
  });

  it('an action that is no URI writes 11100 and is left out; an empty finishOnKey means # without a Notification', async () => {
    const { client, sandbox } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="http://[oops" finishOnKey=""/><Say>Next</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: ['5#'] });
    const transcript = await call.done();
    expect((await notifications(client)).map(([code]) => code)).toEqual([11100]);
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome, e.digits])).toEqual([['Gather', 'input', '5'], ['Say', 'done', undefined]]);
    expect(ofType(transcript.events, 'request').map((r) => r.kind)).toEqual(['voiceRequest']);
  });

  it('a hang-up while gathering ends the call without an action request', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/x"/><Say>Not reached</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ hangup: true }] });
    const transcript = await call.done();
    expect(app.to('/x')).toHaveLength(0);
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome])).toEqual([['Gather', 'hangup']]);
    expect(call.view().status).toBe('completed');
  });

  it("the action goes through the server's asynchronous client, which follows no redirect: a 302 fails the call", async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/moved" numDigits="1"/></Response>');
    app.reply('/moved', { status: 302, headers: { Location: `${app.url}/menu` } });
    t.rcml('/menu', '<Response><Say>Not reached</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: ['1'] });
    await call.done();
    expect(app.to('/menu')).toHaveLength(0);
    expect(call.view().status).toBe('failed');
    expect((await notifications(client)).map(([code]) => code)).toEqual([11206]);
  });

  it('a REST hang-up or a live redirect while the caller is being heard sends no action', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/x" timeout="10"/></Response>');
    t.rcml('/elsewhere', '<Response><Say>Moved</Say></Response>');
    const hungUp = sandbox.inboundCall({ from: CALLER, to });
    const moved = sandbox.inboundCall({ from: CALLER, to });
    await sandbox.clock.advance(4000);
    hungUp.hangup();
    await client.calls.update(moved.sid, { Url: `${app.url}/elsewhere` });
    expect(ofType((await hungUp.done()).events, 'verb').map((e) => [e.verb, e.outcome])).toEqual([['Gather', 'hangup']]);
    expect(ofType((await moved.done()).events, 'verb').map((e) => [e.verb, e.outcome])).toEqual([['Gather', 'interrupted'], ['Say', 'done']]);
    expect(app.to('/x')).toHaveLength(0);
  });

  it('interactive: keys sent to the live call reach the waiting Gather', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Gather action="/x" timeout="10"><Say>Press a key</Say></Gather></Response>');
    t.rcml('/x', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    await sandbox.clock.advance(3000);
    call.send('9#');
    await call.done();
    expect(expectWebhook('gatherAction', app.to('/x')[0]).Digits).toBe('9');
  });

  it('barge-in: keys sent during the prompts stop them and are taken at once; queued input waits for the prompts', async () => {
    const { sandbox, app } = t;
    const to = await t.number();
    const prompt = 'For sales press one, for support press two, for anything else stay on the line.';
    t.rcml('/voice', `<Response><Gather action="/x" numDigits="1"><Say>${prompt}</Say><Play>/music.wav</Play></Gather></Response>`);
    t.rcml('/x', '<Response><Hangup/></Response>');
    const live = sandbox.inboundCall({ from: CALLER, to });
    const queued = sandbox.inboundCall({ from: CALLER, to, input: ['2'] });
    await sandbox.clock.advance(1500);
    const pressedAt = sandbox.clock.now();
    live.send('1');
    const heard = await live.done();
    const started = ofType(heard.events, 'verb')[0]!;
    expect(ofType(heard.events, 'verb').map((e) => [e.verb, e.outcome, e.parent])).toEqual([
      ['Gather', 'input', undefined],
      ['Say', 'done', 'Gather'],
      ['Hangup', 'done', undefined],
    ]);
    expect(started).toMatchObject({ digits: '1', bargeIn: true });
    // The action is requested when the key is pressed, not when the Say (and the Play after it) would have ended.
    const action = heard.events.find((e) => e.type === 'request' && e.kind === 'gatherAction')!;
    expect(action.at).toBe(pressedAt);
    expect(pressedAt - started.at).toBeLessThan(speechMs(prompt));
    const waited = await queued.done();
    expect(ofType(waited.events, 'verb').map((e) => e.verb)).toEqual(['Gather', 'Say', 'Play', 'Hangup']);
    expect(ofType(waited.events, 'verb')[0]).not.toHaveProperty('bargeIn');
    expect(app.to('/x').map((r) => r.params.get('Digits'))).toEqual(['1', '2']);
  });
});

describe('collectKeys (the media server reading keys)', () => {
  it('drops leading keys that may not start input, stops at finishOnKey or numDigits, and ignores waits', () => {
    expect(collectKeys('#12#', '#', 32767, '*0123456789')).toEqual({ digits: '', endedBy: 'finishOnKey', unused: '12#' });
    expect(collectKeys('12w3*', '*', 32767, '*0123456789')).toEqual({ digits: '123', endedBy: 'finishOnKey', unused: '' });
    expect(collectKeys('9123', '#', 32767, '12')).toEqual({ digits: '123', unused: '' });
    expect(collectKeys('12345', '#', 3, '*0123456789')).toEqual({ digits: '123', endedBy: 'numDigits', unused: '45' });
  });
});
