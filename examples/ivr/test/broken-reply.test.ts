// Regressions a developer could ship: a hand-written reply that is not well-formed XML (the </Dial> is missing), and
// a voice verb in the answer to a text message. The sandbox does what Restcomm does with them (fails the call, skips
// the verb), and the transcript shows the reply's problems, the Notification and the skipped verb.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, SALES, startIvr } from './harness.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr({
    // In front of the app: two answers written by hand, and wrong.
    wrap: (app) => (req, res) => {
      const broken: Record<string, string> = {
        '/choice/1': `<Response><Say>Connecting you to sales.</Say><Dial><Number>${SALES}</Number></Response>`,
        '/sms': '<Response><Say>We are open from 9 to 5.</Say></Response>',
      };
      if (!broken[req.url!]) return app(req, res);
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end(broken[req.url!]);
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

it('skips a voice verb in the answer to a text message, and sends nothing', async () => {
  const transcript = await ivr.sandbox.receiveSms({ from: CALLER, to: ivr.number, body: 'hours' }).done();

  expect(transcript.events.find((e) => e.type === 'reply')).toMatchObject({ status: 200, problems: [{ path: 'Response/Say[1]' }] });
  expect(transcript.events.find((e) => e.type === 'verb')).toMatchObject({ verb: 'Say', context: 'sms', outcome: 'skipped' });
  const { messages } = await ivr.client.sms.messages.list({ To: CALLER });
  expect(messages).toEqual([]);
});
