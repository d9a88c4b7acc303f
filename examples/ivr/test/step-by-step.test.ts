// Driving a live call from the test, one step at a time: the clock moves only when the test moves it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, startIvr } from './harness.ts';
import { requests } from './transcripts.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr();
});
afterAll(() => ivr.close());

it('answers keys sent to a live call', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number });
  await ivr.sandbox.clock.advance(3_000); // the call is answered and the menu is playing
  expect(requests(call.transcript)).toEqual(['voiceRequest /voice']);

  call.send('2'); // the caller presses 2 during the menu: it stops, and the Gather takes the key at once
  await ivr.sandbox.clock.advance(1_000);
  expect(requests(call.transcript)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1']);

  call.send({ record: { seconds: 4 } }); // the caller leaves a message after the beep
  const transcript = await call.done();
  expect(requests(transcript)).toContain('recordAction /voicemail/done');
});

it('hangs up a live call', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number });
  await ivr.sandbox.clock.advance(3_000);
  call.hangup();
  await call.done();
  expect(call.view().status).toBe('completed');
});
