// The menu: keys and speech, wrong choices, silence, and callers who hang up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, SALES, startIvr } from './harness.ts';
import { paramsOf, requests, said } from './transcripts.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr();
});
afterAll(() => ivr.close());

it('puts a caller who presses 1 through to sales', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: ['1'], dial: { [SALES]: { answer: true, seconds: 95 } } });
  const transcript = await call.done();

  expect(requests(transcript)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'dialAction /sales/done']);
  expect(paramsOf(transcript, 'gatherAction')).toMatchObject({ Digits: '1' });
  expect(paramsOf(transcript, 'dialAction')).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '95' });
  expect(said(transcript)).toEqual([
    'Thanks for calling Acme. For sales, press 1 or say sales. For support, press 2 or say support.',
    'Connecting you to sales.',
    'Thanks for calling. Goodbye.',
  ]);
  expect(call.view().status).toBe('completed');
  ivr.sandbox.assertNoViolations();
});

it('understands "sales" said instead of pressed', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: [{ speech: 'I would like to talk to sales please' }], dial: { [SALES]: 'answer' } });
  const transcript = await call.done();

  expect(paramsOf(transcript, 'gatherAction')).toMatchObject({ Digits: '', SpeechResult: 'I would like to talk to sales please' });
  expect(requests(transcript)).toContain('dialAction /sales/done');
});

it('plays the menu once more after a wrong key, then takes the right one', async () => {
  const transcript = await ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: ['7', '1'], dial: { [SALES]: 'answer' } }).done();

  expect(requests(transcript)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'voiceRedirect /menu/2', 'gatherAction /choice/2', 'dialAction /sales/done']);
  expect(said(transcript)).toContain('Sorry, that is not an option.');
});

it('says goodbye after two wrong keys', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: ['7', '9'] });
  const transcript = await call.done();

  expect(requests(transcript)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'voiceRedirect /menu/2', 'gatherAction /choice/2']);
  expect(said(transcript).at(-1)).toBe('Sorry, that is not an option. Goodbye.');
  expect(call.view().status).toBe('completed');
});

it('repeats the menu once when the caller says nothing, then hangs up', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: [{ timeout: true }, { timeout: true }] });
  const transcript = await call.done();

  // Nothing collected, so no action request: each Gather falls through to the verbs after it.
  expect(requests(transcript)).toEqual(['voiceRequest /voice', 'voiceRedirect /menu/2']);
  expect(transcript.events.filter((e) => e.type === 'verb' && e.verb === 'Gather').map((e) => e.type === 'verb' && e.outcome)).toEqual(['timeout', 'timeout']);
  expect(said(transcript).at(-1)).toBe('We did not get your choice. Goodbye.');
  expect(call.view().status).toBe('completed');
});

it('lets a caller hang up in the middle of the menu', async () => {
  const call = ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: [{ hangup: true }] });
  const transcript = await call.done();

  expect(requests(transcript)).toEqual(['voiceRequest /voice']);
  expect(call.view().status).toBe('completed');
  expect(ivr.voicemails.some((v) => v.callSid === call.sid)).toBe(false);
});
