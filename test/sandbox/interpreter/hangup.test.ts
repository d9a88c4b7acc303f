// <Hangup>: the call ends there; the verbs after it never run.
import { describe, expect, it } from 'vitest';
import { CALLER, useInterpreter, verbs } from './harness.js';

describe('Hangup', () => {
  const t = useInterpreter();

  it('ends the call, and nothing after it runs', async () => {
    t.rcml('/voice', '<Response><Say>Bye</Say><Hangup/><Say>Never</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(verbs(transcript.events)).toEqual([
      ['Say', 'done'],
      ['Hangup', 'done'],
    ]);
    expect(call.view()).toMatchObject({ status: 'completed', duration: 1 });
  });

  it('a Hangup first answers the call, then ends it (completed, not canceled)', async () => {
    t.rcml('/voice', '<Response><Hangup/></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    await call.done();
    expect(call.view()).toMatchObject({ status: 'completed', duration: 0 });
  });
});
