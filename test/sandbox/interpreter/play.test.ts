// <Play>: the URL (resolved against the document) and loop in the transcript; each playing takes PLAY_MS.
import { describe, expect, it } from 'vitest';
import { CALLER, ofType, useInterpreter } from './harness.js';

describe('Play', () => {
  const t = useInterpreter();

  it('records the resolved URL and loop, and takes virtual time per loop', async () => {
    t.rcml('/voice', '<Response><Play loop="3">media/welcome.wav</Play><Play>https://cdn.example.com/a.wav</Play></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    const played = ofType(transcript.events, 'verb');
    expect(played.map((e) => [e.verb, e.url, e.loop])).toEqual([
      ['Play', `${t.app.url}/media/welcome.wav`, 3],
      ['Play', 'https://cdn.example.com/a.wav', 1],
    ]);
    expect(played[1]!.offsetMs - played[0]!.offsetMs).toBe(9000);
  });

  it('a bad loop gets Notification 13410 and plays once', async () => {
    t.rcml('/voice', '<Response><Play loop="-1">a.wav</Play></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'notification').map((n) => n.code)).toEqual([13410]);
    expect(ofType(transcript.events, 'verb').map((e) => e.loop)).toEqual([1]);
  });

  it('an audio/wav answer plays the URL requested', async () => {
    t.app.reply('/voice', { type: 'audio/wav', body: 'RIFF' });
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.url])).toEqual([['Play', `${t.app.url}/voice`]]);
  });
});
