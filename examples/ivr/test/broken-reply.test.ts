// A regression a developer could ship: a hand-written reply that is not well-formed XML (the </Dial> is missing).
// The sandbox fails the call the way Restcomm does, and the transcript shows the reply and the Notification.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, SALES, startIvr } from './harness.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr({
    wrap: (app) => (req, res) => {
      if (req.url !== '/choice/1') return app(req, res);
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end(`<Response><Say>Connecting you to sales.</Say><Dial><Number>${SALES}</Number></Response>`);
    },
  });
});
afterAll(() => ivr.close());

it('shows the Notification Restcomm writes for a reply it cannot parse', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: ['1'], dial: { [SALES]: 'answer' } });
  const t = await call.done();

  const reply = t.events.filter((e) => e.type === 'reply').at(-1);
  expect(reply).toMatchObject({ status: 200, contentType: 'application/xml' });
  expect(reply?.problems?.length).toBeGreaterThan(0);
  const notification = t.events.find((e) => e.type === 'notification');
  expect(notification).toMatchObject({ code: 11206, level: 'error' });
  // Nothing of the broken document ran: no transfer was attempted.
  expect(t.events.some((e) => e.type === 'verb' && e.verb === 'Dial')).toBe(false);
  expect(call.view().status).toBe('failed');
  // The same Notification is in the account, as the REST API shows it.
  const { notifications } = await ivr.client.notifications.list();
  expect(notifications.map((n) => n.error_code)).toContain(11206);
});
