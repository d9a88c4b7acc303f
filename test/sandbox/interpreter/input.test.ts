// The per-call input queue: scenario items first, interactive items (CallHandle.send) waking a waiting verb on the
// virtual clock, silence when nothing comes, and bounds.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../src/sandbox/clock.js';
import { InputQueue, MAX_INPUT_ITEMS } from '../../../src/sandbox/interpreter/scenario.js';
import { START } from '../fixture.js';
import { CALLER, useInterpreter } from './harness.js';

/** Runs `wait` as a clock activity; resolves what it resolved and the virtual time it resolved at. */
function activity<T>(clock: VirtualClock, wait: () => Promise<T>): Promise<{ value: T; at: number }> {
  return new Promise((resolve) => clock.spawn(async () => resolve({ value: await wait(), at: clock.now() - START })));
}

describe('InputQueue', () => {
  it('hands out scenario items in order, to the verb that can use them', async () => {
    const clock = new VirtualClock(START);
    const queue = new InputQueue(clock, ['1', { speech: 'sales' }, { record: { seconds: 3 } }]);
    const got = activity(clock, async () => [
      await queue.next(5000, ['digits', 'speech', 'timeout']),
      await queue.next(5000, ['digits', 'speech', 'timeout']),
      // A record item waits for a Record: a Gather hears silence (at once, the item stays queued).
      await queue.next(5000, ['digits', 'speech', 'timeout']),
      await queue.next(5000, ['record']),
    ]);
    await clock.settle();
    expect((await got).value).toEqual([
      { input: '1', source: 'scenario' },
      { input: { speech: 'sales' }, source: 'scenario' },
      'timeout',
      { input: { record: { seconds: 3 } }, source: 'scenario' },
    ]);
    expect((await got).at).toBe(0);
  });

  it('an empty queue waits on the virtual clock; an interactive item wakes it, else it times out', async () => {
    const clock = new VirtualClock(START);
    const queue = new InputQueue(clock);
    const first = activity(clock, () => queue.next(5000, ['digits']));
    await clock.advance(2000);
    queue.push('42#');
    await clock.settle();
    expect(await first).toEqual({ value: { input: '42#', source: 'interactive' }, at: 2000 });

    const second = activity(clock, () => queue.next(5000, ['digits']));
    await clock.settle();
    expect(await second).toEqual({ value: 'timeout', at: 7000 });
  });

  it('a hang-up item is handed to any verb; a closed queue answers hangup and takes nothing more', async () => {
    const clock = new VirtualClock(START);
    const queue = new InputQueue(clock, [{ hangup: true }]);
    const got = activity(clock, async () => [await queue.next(1000, ['record']), (queue.close(), await queue.next(1000, ['digits']))]);
    await clock.settle();
    expect((await got).value).toEqual([{ input: { hangup: true }, source: 'scenario' }, 'hangup']);
    expect(() => queue.push('1')).toThrow('the call has ended');
  });

  it('rejects bad items with the problem named, and holds at most MAX_INPUT_ITEMS', () => {
    const clock = new VirtualClock(START);
    expect(() => new InputQueue(clock, ['12a'])).toThrow('is not a string of DTMF digits');
    expect(() => new InputQueue(clock, [{ speech: 'x', confidence: 2 }])).toThrow('confidence must be a number from 0 to 1');
    expect(() => new InputQueue(clock, [{ record: { seconds: -1 } }])).toThrow('record.seconds');
    expect(() => new InputQueue(clock, [{ timeout: true, digits: '1' } as never])).toThrow('"timeout" does not go with "digits"');
    expect(() => new InputQueue(clock, [{ wait: 1 } as never])).toThrow('unknown item');
    expect(() => new InputQueue(clock, Array.from({ length: MAX_INPUT_ITEMS + 1 }, () => '1'))).toThrow(`at most ${MAX_INPUT_ITEMS}`);
  });
});

describe('CallHandle input', () => {
  const t = useInterpreter();

  it('send() checks the input, and refuses once the call has ended', async () => {
    t.rcml('/voice', '<Response><Say>Hi</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    expect(() => call.send('x' as never)).toThrow('is not a string of DTMF digits');
    call.send('1');
    await call.done();
    expect(() => call.send('1')).toThrow('has ended');
  });

  it('inboundCall checks the scenario before anything happens', async () => {
    const to = await t.number();
    expect(() => t.sandbox.inboundCall({ from: CALLER, to, input: ['1', { speech: 5 } as never] })).toThrow('inboundCall: input[1]: speech must be a string');
    expect(() => t.sandbox.inboundCall({ from: CALLER, to, dial: { '+15551230000': 'maybe' as never } })).toThrow('is not an outcome');
    expect(() => t.sandbox.inboundCall({ from: CALLER, to, extra: 1 } as never)).toThrow('unknown field extra');
    expect(t.app.received).toEqual([]);
  });

  it('hangup() ends a live call as a REST hang-up does', async () => {
    t.rcml('/voice', '<Response><Pause length="60"/><Say>Never</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    await t.sandbox.clock.advance(10_000);
    call.hangup();
    const transcript = await call.done();
    expect(transcript.events.filter((e) => e.type === 'verb').map((e) => e.verb)).toEqual(['Pause']);
    expect(call.view().status).toBe('canceled');
  });
});
