// <Reject>: refuses a ringing call (busy or rejected); after the answer the server skips it.
import { describe, expect, it } from 'vitest';
import { single } from '../fixture.js';
import { CALLER, ofType, runBare, useInterpreter, verbs } from './harness.js';

describe('Reject', () => {
  const t = useInterpreter();

  it('reason="busy" ends the ringing call busy, without answering it', async () => {
    t.rcml('/voice', '<Response><Reject reason="Busy"/><Say>Never</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.reason])).toEqual([['Reject', 'busy']]);
    expect(ofType(transcript.events, 'status').map((e) => e.status)).toEqual(['ringing', 'busy']);
    expect(call.view()).toMatchObject({ status: 'busy', duration: 0 });
  });

  it('any other reason is "rejected" and the call fails; the calling side sees it too', async () => {
    t.rcml('/voice', '<Response><Reject reason="nope"/></Response>');
    const number = await t.number();
    const outbound = single(await t.client.calls.create({ From: '+15125550199', To: number, Url: `${t.app.url}/unused` }));
    await t.sandbox.call(outbound.sid).done();
    const calls = (await t.client.calls.list({ To: number })).calls;
    expect(calls.map((c) => [c.direction, c.status]).sort()).toEqual([
      ['inbound', 'failed'],
      ['outbound-api', 'failed'],
    ]);
  });

  it('the busy Reject of a number of the sandbox makes the REST call to it busy', async () => {
    t.rcml('/voice', '<Response><Reject reason="busy"/></Response>');
    const number = await t.number();
    const outbound = single(await t.client.calls.create({ From: '+15125550199', To: number, Url: `${t.app.url}/unused` }));
    await t.sandbox.call(outbound.sid).done();
    expect(t.sandbox.call(outbound.sid).view().status).toBe('busy');
  });

  it('after the answer it is skipped and the call goes on', async () => {
    t.rcml('/voice', '<Response><Say>Hi</Say><Reject/><Say>Still here</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(verbs(transcript.events)).toEqual([
      ['Say', 'done'],
      ['Reject', 'skipped'],
      ['Say', 'done'],
    ]);
    expect(call.view().status).toBe('completed');
  });
});

describe('Reject in the call-screening context', () => {
  it('hangs the dialled leg up (the screening interpreter executes Reject on an answered leg)', async () => {
    const { end, ended, engine } = await runBare('<Response><Reject reason="busy"/><Say>Never</Say></Response>', 'call-screening', { sid: 'CAleg', status: 'in-progress' });
    expect([end, ended]).toEqual(['hangup', 'completed']);
    expect(engine.events.filter((e) => e.type === 'verb').map((e) => [e.verb, e.outcome, e.reason])).toEqual([['Reject', 'done', 'busy']]);
  });
});
