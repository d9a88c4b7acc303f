// Behaviour the sandbox does not have yet, written as the tests that will pass once it does (\`it.fails\` passes while
// the behaviour is missing, and fails, asking for \`it\`, once it is there).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, SALES, startIvr } from './harness.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr({
    wrap: (app) => (req, res) => {
      if (req.url !== '/choice/1') return app(req, res);
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/xml' }).end(`<Response><Dial><Number>${SALES}</Number></Response>`);
    },
  });
});
afterAll(() => ivr.close());

// The transcript's Notification event should carry its level, as the sandbox's types say; the sandbox records only the
// code and text (engine.notify in src/sandbox/engine.ts), so this fails until it does.
it.fails('gives the Notification level in the transcript', async () => {
  const transcript = await ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: ['1'] }).done();
  expect(transcript.events.find((e) => e.type === 'notification')).toMatchObject({ code: 11206, level: 'error' });
});
