// <Pause>: silence on the virtual clock; as the first verb of an inbound call it runs before the call is answered.
import { describe, expect, it } from 'vitest';
import { CALLER, ofType, useInterpreter } from './harness.js';

describe('Pause', () => {
  const t = useInterpreter();

  it('waits `length` seconds of virtual time, before the answer when it comes first', async () => {
    t.rcml('/voice', '<Response><Pause length="4"/><Say>Hello</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    const steps = transcript.events.filter((e) => e.type === 'verb' || e.type === 'status').map((e) => [e.type === 'verb' ? e.verb : e.status, e.offsetMs]);
    // Pause runs while the call rings (rcml.yaml contexts.voice.notes); Say answers it.
    expect(steps).toEqual([
      ['ringing', 0],
      ['Pause', 0],
      ['in-progress', 4000],
      ['Say', 4000],
      ['completed', 5000],
    ]);
    expect(call.view()).toMatchObject({ duration: 1, ring_duration: 4 });
  });

  it('a bad length gets Notification 13910 and one second', async () => {
    t.rcml('/voice', '<Response><Say>a</Say><Pause length="1.5"/><Say>b</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'notification').map((n) => n.code)).toEqual([13910]);
    const verbs = ofType(transcript.events, 'verb');
    expect(verbs.map((e) => [e.verb, e.offsetMs])).toEqual([
      ['Say', 0],
      ['Pause', 1000],
      ['Say', 2000],
    ]);
  });
});
