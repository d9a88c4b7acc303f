// The transcript: a view over the event log, in order, each event with its virtual time and offset from the call's start.
import { describe, expect, it } from 'vitest';
import { transcriptOf } from '../../../src/sandbox/interpreter/transcript.js';
import { CALLER, useInterpreter } from './harness.js';

describe('transcript', () => {
  const t = useInterpreter();

  it('orders requests, replies, statuses, verbs and Notifications with their virtual times', async () => {
    t.rcml('/voice', '<Response><Pause length="2"/><Say loop="x">Hello</Say><Redirect>/bye</Redirect></Response>');
    t.rcml('/bye', '<Response><Play>/bye.wav</Play><Hangup/></Response>');
    const number = await t.number({ StatusCallback: `${t.app.url}/status` });
    const call = t.sandbox.inboundCall({ from: CALLER, to: number });
    expect(call.transcript.events).toEqual([expect.objectContaining({ type: 'status', status: 'ringing', offsetMs: 0 })]);
    const transcript = await call.done();
    const summary = transcript.events.map((e) => {
      const what = e.type === 'request' || e.type === 'reply' ? e.kind : e.type === 'verb' ? e.verb : e.type === 'status' ? e.status : e.type === 'notification' ? e.code : '';
      return `${e.offsetMs} ${e.type} ${what}`;
    });
    expect(summary).toEqual([
      '0 status ringing',
      '0 request numberStatusCallback',
      '0 reply numberStatusCallback',
      '0 request voiceRequest',
      '0 reply voiceRequest',
      '0 verb Pause',
      '2000 status in-progress',
      '2000 request numberStatusCallback',
      '2000 reply numberStatusCallback',
      '2000 notification 13510',
      '2000 verb Say',
      '3000 verb Redirect',
      '3000 request voiceRedirect',
      '3000 reply voiceRedirect',
      '3000 verb Play',
      '6000 verb Hangup',
      '6000 status completed',
      '6000 request numberStatusCallback',
      '6000 reply numberStatusCallback',
    ]);
    expect(transcript.events.every((e) => e.callSid === call.sid && e.at === e.offsetMs + transcript.events[0]!.at)).toBe(true);
    expect(transcript.sid).toBe(call.sid);
  });

  it('holds only the events of its own call', async () => {
    t.rcml('/voice', '<Response><Say>Hi</Say></Response>');
    const number = await t.number();
    const a = t.sandbox.inboundCall({ from: CALLER, to: number });
    const b = t.sandbox.inboundCall({ from: '+447700900999', to: number });
    await Promise.all([a.done(), b.done()]);
    expect(a.transcript.events.length).toBe(b.transcript.events.length);
    expect(a.transcript.events.every((e) => e.callSid === a.sid)).toBe(true);
    expect(b.transcript.events.every((e) => e.callSid === b.sid)).toBe(true);
  });
});

describe('transcript bounds', () => {
  const t = useInterpreter({ maxEvents: 10 });

  it('is bounded by the event log (maxEvents): the oldest events go first', async () => {
    t.rcml('/voice', '<Response><Say>One</Say><Say>Two</Say><Say>Three</Say><Say>Four</Say><Say>Five</Say><Say>Six</Say><Say>Seven</Say><Say>Eight</Say><Say>Nine</Say><Say>Ten</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(transcript.events.length).toBeLessThanOrEqual(11);
    expect(transcript.events.at(-1)).toMatchObject({ type: 'status', status: 'completed' });
    expect(transcript.events.some((e) => e.type === 'status' && e.status === 'ringing')).toBe(false);
  });
});

describe('transcriptOf', () => {
  it('takes in the legs whose parent chain leads to the call, and leaves out the others', () => {
    const parents: Record<string, string> = { leg1: 'call', leg2: 'leg1', other: 'elsewhere' };
    const events = [
      { at: 1000, type: 'status', sid: 'call', status: 'ringing' },
      { at: 1500, type: 'verb', callSid: 'leg2', verb: 'Say', outcome: 'done' },
      { at: 1600, type: 'verb', callSid: 'other', verb: 'Say', outcome: 'done' },
      { at: 1700, type: 'notification', sid: 'NO1', callSid: 'leg1', code: 13510 },
      { at: 1800, type: 'sms-status', sid: 'call', status: 'sent' },
    ];
    const transcript = transcriptOf(events, 'call', 1000, (sid) => parents[sid]);
    expect(transcript.events.map((e) => [e.type, e.callSid, e.offsetMs, 'sid' in e ? e.sid : undefined])).toEqual([
      ['status', 'call', 0, undefined],
      ['verb', 'leg2', 500, undefined],
      ['notification', 'leg1', 700, 'NO1'],
    ]);
  });
});
