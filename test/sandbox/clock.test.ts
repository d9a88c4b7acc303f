// The virtual clock: ordered steps, activities that sleep, settle's loop guard, errors surfaced to the caller.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/sandbox/clock.js';

describe('VirtualClock', () => {
  it('runs steps in time order (queue order for equal times) and only as far as advance goes', async () => {
    const clock = new VirtualClock(0);
    const ran: string[] = [];
    clock.schedule(300, () => ran.push('c'));
    clock.schedule(100, () => ran.push('a'));
    clock.schedule(100, () => ran.push('b'));
    await clock.advance(200);
    expect(ran).toEqual(['a', 'b']);
    expect(clock.now()).toBe(200);
    await clock.settle();
    expect(ran).toEqual(['a', 'b', 'c']);
    expect(clock.now()).toBe(300);
  });

  it('waits for activities doing real work before moving time on', async () => {
    const clock = new VirtualClock(0);
    const log: string[] = [];
    clock.spawn(async () => {
      await clock.sleep(10);
      await new Promise((r) => setTimeout(r, 20)); // real I/O while the clock must not move
      log.push(`work done at ${clock.now()}`);
      await clock.sleep(10);
      log.push(`woke at ${clock.now()}`);
    });
    clock.schedule(15, () => log.push('step at 15'));
    await clock.settle();
    expect(log).toEqual(['work done at 10', 'step at 15', 'woke at 20']);
  });

  it('an aborted sleep resolves false at once and drops its step', async () => {
    const clock = new VirtualClock(0);
    const controller = new AbortController();
    let result: boolean | undefined;
    clock.spawn(async () => {
      result = await clock.sleep(60_000, controller.signal);
    });
    await clock.advance(1000);
    controller.abort();
    await clock.settle();
    expect(result).toBe(false);
    expect(clock.now()).toBe(1000);
    expect(clock.pending()).toBe(0);
  });

  it('settle stops an endless loop with an error that says so', async () => {
    const clock = new VirtualClock(0);
    clock.spawn(async () => {
      for (;;) await clock.sleep(1000);
    });
    await expect(clock.settle({ maxVirtualMs: 60_000 })).rejects.toThrow(/still busy after 60 steps .* an application may be looping/);
  });

  it('reports an activity error from the advance that ran it', async () => {
    const clock = new VirtualClock(0);
    clock.spawn(async () => {
      await clock.sleep(5);
      throw new Error('webhook violation');
    });
    await expect(clock.advance(10)).rejects.toThrow('webhook violation');
    await expect(clock.advance(-1)).rejects.toThrow(RangeError);
  });
});
