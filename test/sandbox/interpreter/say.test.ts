// <Say>: text, voice, language and loop, on the virtual clock; bad values get the server's Notification and default.
import { describe, expect, it } from 'vitest';
import { CALLER, ofType, useInterpreter, verbs } from './harness.js';

describe('Say', () => {
  const t = useInterpreter();

  it('speaks its text with voice, language and loop, taking virtual time', async () => {
    t.rcml('/voice', '<Response><Say voice="woman" language="fr" loop="2">Bonjour</Say><Say>Two</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    const said = ofType(transcript.events, 'verb');
    expect(said.map((e) => [e.text, e.voice, e.language, e.loop])).toEqual([
      ['Bonjour', 'woman', 'fr', 2],
      ['Two', 'man', 'en', 1],
    ]);
    // "Bonjour" twice takes 2 s (at least a second each), so the second Say starts 2 s after the first.
    expect(said[1]!.at - said[0]!.at).toBe(2000);
    expect(call.view()).toMatchObject({ status: 'completed', duration: 3 });
  });

  it('a bad voice or loop gets Notification 13511 / 13510 and the default, and the call goes on', async () => {
    t.rcml('/voice', '<Response><Say voice="robot" loop="twice">Hi</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'notification').map((n) => n.code)).toEqual([13511, 13510]);
    expect(ofType(transcript.events, 'verb').map((e) => [e.voice, e.loop])).toEqual([['man', 1]]);
    const notifications = await t.client.notifications.list();
    expect(notifications.notifications.map((n) => [n.error_code, n.call_sid])).toEqual(
      expect.arrayContaining([
        [13511, call.sid],
        [13510, call.sid],
      ]),
    );
    expect(call.view().status).toBe('completed');
  });

  it('an empty Say is skipped, as the server skips it', async () => {
    t.rcml('/voice', '<Response><Say>  </Say><Say>After</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(verbs(transcript.events)).toEqual([
      ['Say', 'skipped'],
      ['Say', 'done'],
    ]);
  });
});
