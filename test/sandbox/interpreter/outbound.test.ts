// Outbound calls placed through the REST API: `sandbox.scenario` says how the called party answers, and
// `sandbox.call(sid)` gives the handle of any call.
import { describe, expect, it } from 'vitest';
import { single } from '../fixture.js';
import { ofType, useInterpreter } from './harness.js';

describe('sandbox.scenario and sandbox.call', () => {
  const t = useInterpreter({ callOutcome: (call) => (call.to === '+15125550166' ? 'no-answer' : 'answer') });

  it('answer: busy ends the REST call busy, without requesting its Url', async () => {
    t.sandbox.scenario({ to: '+15125550177', answer: 'busy' });
    const created = single(await t.client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${t.app.url}/out` }));
    const transcript = await t.sandbox.call(created.sid).done();
    expect(ofType(transcript.events, 'status').map((e) => e.status)).toEqual(['queued', 'ringing', 'busy']);
    expect(t.app.to('/out')).toEqual([]);
  });

  it('answer: { answer: true, seconds } hangs up after that many seconds of talk', async () => {
    t.rcml('/out', '<Response><Pause length="600"/></Response>');
    t.sandbox.scenario({ to: '+15125550177', answer: { answer: true, seconds: 20 } });
    const created = single(await t.client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${t.app.url}/out` }));
    const call = t.sandbox.call(created.sid);
    const transcript = await call.done();
    expect(call.view()).toMatchObject({ status: 'completed', duration: 20 });
    const answered = ofType(transcript.events, 'status').find((e) => e.status === 'in-progress')!;
    const completed = ofType(transcript.events, 'status').find((e) => e.status === 'completed')!;
    expect(completed.offsetMs - answered.offsetMs).toBe(20_000);
  });

  it('the callOutcome option keeps working where no scenario is registered', async () => {
    const created = single(await t.client.calls.create({ From: '+15125550100', To: '+15125550166', Url: `${t.app.url}/out` }));
    await t.sandbox.call(created.sid).done();
    expect(t.sandbox.call(created.sid).view().status).toBe('no-answer');
  });

  it('checks the scenario, and sandbox.call refuses an unknown SID', () => {
    expect(() => t.sandbox.scenario({ to: '', answer: 'busy' })).toThrow('scenario: to must be a non-empty string');
    expect(() => t.sandbox.scenario({ to: '+1', answer: { answer: true, seconds: -1 } })).toThrow('seconds must be a whole number');
    expect(() => t.sandbox.scenario({ to: '+1', ring: 3 } as never)).toThrow('unknown field ring');
    expect(() => t.sandbox.call('CA0')).toThrow('no call CA0');
  });
});
