// A regression a developer could ship: a hand-written reply that is not well-formed XML (the </Dial> is missing).
// The sandbox fails the call as Restcomm does, and the transcript shows the reply's problem and the Notification.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, SALES, startIvr } from './harness.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr({
    // In front of the app: the answer to the menu choice is written by hand, and wrong.
    wrap: (app) => (req, res) => {
      if (req.url !== '/choice/1') return app(req, res);
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end(`<Response><Say>Connecting you to sales.</Say><Dial><Number>${SALES}</Number></Response>`);
    },
  });
});
afterAll(() => ivr.close());

it('shows the Notification Restcomm writes for a reply it cannot parse', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: ['1'] });
  const transcript = await call.done();

  const at = transcript.events.findIndex((e) => e.type === 'reply' && e.kind === 'gatherAction');
  expect(transcript.events[at]).toMatchObject({ status: 200, contentType: 'application/xml', problems: [{ code: 'not-well-formed' }] });
  expect(transcript.events.find((e) => e.type === 'notification')).toMatchObject({ code: 11206 });
  // Nothing of the broken document ran, and the call failed.
  expect(transcript.events.slice(at).some((e) => e.type === 'verb')).toBe(false);
  expect(call.view().status).toBe('failed');
  // The account's Notifications list has it too (log 0: an error).
  const { notifications } = await ivr.client.notifications.list();
  expect(notifications.find((n) => n.call_sid === call.sid)).toMatchObject({ error_code: 11206, log: 0 });
});
