// Every answer of the application is checked: HTTP status, content type, and the RCML in the context it runs in.
// Problems show in the transcript's `reply` event; the call goes on or ends exactly as the server would.
import { describe, expect, it } from 'vitest';
import { CALLER, ofType, runBare, useInterpreter, verbs } from './harness.js';

describe('reply checks', () => {
  const t = useInterpreter();

  it('an HTTP error status: Notification 11206 and the call fails (no fallback configured)', async () => {
    t.app.reply('/voice', { status: 503, type: 'text/plain', body: 'down' });
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'reply')[0]).toMatchObject({ kind: 'voiceRequest', status: 503, error: 'HTTP 503' });
    expect(ofType(transcript.events, 'notification').map((n) => [n.code, n.level])).toEqual([[11206, 'error']]);
    expect(call.view().status).toBe('failed');
  });

  it('a failed VoiceUrl goes to the VoiceFallbackUrl with the same parameters', async () => {
    t.app.reply('/voice', { status: 500 });
    t.rcml('/fallback', '<Response><Say>Fallback</Say></Response>');
    const number = await t.number({ VoiceFallbackUrl: `${t.app.url}/fallback` });
    const call = t.sandbox.inboundCall({ from: CALLER, to: number });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'request').map((r) => r.kind)).toEqual(['voiceRequest', 'voiceFallback']);
    expect(ofType(transcript.events, 'verb').map((e) => e.text)).toEqual(['Fallback']);
    expect(call.view().status).toBe('completed');
  });

  it('a content type that is not RCML: Notification 11206 and the call fails', async () => {
    t.app.reply('/voice', { type: 'application/json', body: '{"say":"hi"}' });
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'notification').map((n) => [n.code, n.text])).toEqual([[11206, 'content type application/json is not RCML']]);
    expect(call.view().status).toBe('failed');
  });

  it('text/plain is spoken', async () => {
    t.app.reply('/voice', { type: 'text/plain; charset=utf-8', body: 'Plain & simple' });
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.text])).toEqual([['Say', 'Plain & simple']]);
  });

  it('RCML that does not parse: the problem with its position, Notification 11206, and the call fails', async () => {
    t.rcml('/voice', '<Response><Say>Unclosed</Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    const reply = ofType(transcript.events, 'reply')[0]!;
    expect(reply.problems).toEqual([expect.objectContaining({ code: 'not-well-formed', severity: 'error', line: 1 })]);
    expect(ofType(transcript.events, 'notification').map((n) => n.code)).toEqual([11206]);
    expect(verbs(transcript.events)).toEqual([]);
    expect(call.view().status).toBe('failed');
  });

  // rcml.yaml Gather hints: over 50 entries or an entry over 100 characters fails the whole parse (ParserFailed).
  it.each([
    ['51 hints', Array.from({ length: 51 }, (_, i) => `w${i}`).join(',')],
    ['a hint of 101 characters', `sales,${'x'.repeat(101)}`],
  ])('a document the server refuses to parse (%s): Notification 11206, no verb runs, and the call fails', async (_, hints) => {
    t.rcml('/voice', `<Response><Say>Before</Say><Gather hints="${hints}" input="speech"/></Response>`);
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'reply')[0]!.problems).toEqual([
      expect.objectContaining({ code: 'parser-limit-exceeded', severity: 'error', path: 'Response/Gather[1]', attribute: 'hints' }),
    ]);
    expect(ofType(transcript.events, 'notification').map((n) => [n.code, n.level])).toEqual([[11206, 'error']]);
    expect(verbs(transcript.events)).toEqual([]);
    expect(call.view().status).toBe('failed');
  });

  it('a parser limit after more problems than the validator lists still ends the call', async () => {
    const says = '<Say colour="red">x</Say>'.repeat(120);
    t.rcml('/voice', `<Response>${says}<Gather hints="${Array.from({ length: 51 }, (_, i) => `w${i}`).join(',')}"/></Response>`);
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    const problems = ofType(transcript.events, 'reply')[0]!.problems!;
    expect(problems.map((p) => p.code).slice(-2)).toEqual(['parser-limit-exceeded', 'too-many-problems']);
    expect(problems.at(-1)!.message).toBe('20 more problems left out (maxProblems is 100)');
    expect(verbs(transcript.events)).toEqual([]);
    expect(call.view().status).toBe('failed');
  });

  it('hints at the limits parse, and an error the server does not fail the document on leaves the rest to run', async () => {
    const hints = Array.from({ length: 50 }, () => 'x'.repeat(100)).join(',');
    // <Play> without a URL is an error-severity problem, but the server only skips that verb.
    t.rcml('/voice', `<Response><Play/><Gather hints="${hints}" input="speech" timeout="1"/><Say>After</Say></Response>`);
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'reply')[0]!.problems!.map((p) => p.code)).toEqual(['missing-content']);
    expect(ofType(transcript.events, 'verb').map((e) => e.verb)).toContain('Say');
    expect(call.view().status).toBe('completed');
  });

  it('bare ampersands are tolerated, as the server rewrites them', async () => {
    t.rcml('/voice', '<Response><Play>/a.wav?x=1&y=2</Play></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'reply')[0]!.problems).toEqual([]);
    expect(ofType(transcript.events, 'verb').map((e) => e.url)).toEqual([`${t.app.url}/a.wav?x=1&y=2`]);
  });

  it('a verb not executed in the context is reported and skipped; the call goes on', async () => {
    t.rcml('/voice', '<Response><UssdMessage>Balance</UssdMessage><Say>Voice</Say></Response>');
    const call = t.sandbox.inboundCall({ from: CALLER, to: await t.number() });
    const transcript = await call.done();
    expect(ofType(transcript.events, 'reply')[0]!.problems).toEqual([expect.objectContaining({ code: 'unsupported-in-context', path: 'Response/UssdMessage[1]' })]);
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome, e.reason])).toEqual([
      ['UssdMessage', 'skipped', '<UssdMessage> is not executed in the voice context'],
      ['Say', 'done', undefined],
    ]);
    // The server skips it silently: no Notification.
    expect(ofType(transcript.events, 'notification')).toEqual([]);
    expect(call.view().status).toBe('completed');
  });

  it('an attribute the server ignores is reported and the verb runs without it', async () => {
    t.rcml('/voice', '<Response><Say voise="woman">Hello</Say></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'reply')[0]!.problems).toEqual([expect.objectContaining({ code: 'unknown-attribute', attribute: 'voise', severity: 'warning' })]);
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.voice])).toEqual([['Say', 'man']]);
    expect(ofType(transcript.events, 'notification')).toEqual([]);
  });

  it('an element that is not a verb is skipped; verbs inside an unknown wrapper still run, as the server walks the tree', async () => {
    t.rcml('/voice', '<Response><Speak>x</Speak><Group><Say>Inside</Say></Group></Response>');
    const transcript = await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome])).toEqual([
      ['Speak', 'skipped'],
      ['Say', 'done'],
    ]);
  });
});

describe('the conference-wait context', () => {
  it('runs Play and Say, and hangs up on any other verb (rcml.yaml contexts.conference_wait)', async () => {
    const { end, ended, engine } = await runBare('<Response><Say>Please wait</Say><Pause/><Say>Never</Say></Response>', 'conference-wait', { sid: 'CAwait' });
    expect(end).toBe('hangup');
    expect(ended).toBe('completed');
    expect(engine.events.filter((e) => e.type === 'verb').map((e) => [e.verb, e.outcome])).toEqual([
      ['Say', 'done'],
      ['Pause', 'skipped'],
    ]);
  });
});
