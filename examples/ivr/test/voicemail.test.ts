// Sales is busy: the caller leaves a voicemail, Restcomm transcribes it, and the caller gets a text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, SALES, startIvr } from './harness.ts';
import { paramsOf, requests, transcriptText } from './transcripts.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr();
});
afterAll(() => ivr.close());

it('takes a message when sales is busy, and texts the caller', async () => {
  const call = ivr.sandbox.inboundCall({
    from: CALLER,
    to: ivr.number,
    // The caller presses 1, then speaks for 12 seconds and presses # to finish.
    input: ['1', { record: { seconds: 12, transcription: 'Please call me back about the quote.', finishOnKey: '#' } }],
    dial: { [SALES]: 'busy' },
  });
  await call.done();
  await ivr.sandbox.settle(); // the transcription is ready 2 s after the recording, when the call may be over
  const transcript = call.transcript;

  expect(requests(transcript)).toEqual([
    'voiceRequest /voice',
    'gatherAction /choice/1',
    'dialAction /sales/done',
    'recordAction /voicemail/done',
    'transcriptionCallback /voicemail/transcribed',
  ]);
  expect(paramsOf(transcript, 'dialAction')).toMatchObject({ DialCallStatus: 'busy' });
  expect(paramsOf(transcript, 'recordAction')).toMatchObject({ RecordingDuration: '12.0', Digits: '#' });
  // The whole call, one event a line: __snapshots__/voicemail.txt.
  await expect(transcriptText(transcript)).toMatchFileSnapshot('__snapshots__/voicemail.txt');

  // What the app kept, and what Restcomm holds: the transcription and the text message to the caller.
  expect(ivr.voicemails.find((v) => v.callSid === call.sid)).toMatchObject({ from: CALLER, seconds: 12, transcriptionReady: true });
  const { transcriptions } = await ivr.client.transcriptions.list();
  expect(transcriptions.map((t) => t.transcription_text)).toContain('Please call me back about the quote.');
  const { messages } = await ivr.client.sms.messages.list({ To: CALLER });
  expect(messages.map((m) => m.body)).toContain('Acme: we got your voicemail and will call you back within one business day. Reply HOURS for our opening hours.');
  ivr.sandbox.assertNoViolations(); // every request, answer and webhook matched the spec
});

it('offers voicemail when sales does not answer, and says so when the caller leaves nothing', async () => {
  const transcript = await ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: ['1'], dial: { [SALES]: 'no-answer' } }).done();

  expect(paramsOf(transcript, 'dialAction')).toMatchObject({ DialCallStatus: 'no-answer' });
  // An empty recording still gets the action request (as the server does), without a RecordingUrl.
  expect(paramsOf(transcript, 'recordAction')).toMatchObject({ RecordingDuration: '0.0' });
  expect(paramsOf(transcript, 'recordAction')).not.toHaveProperty('RecordingUrl');
  expect(transcript.events.some((e) => e.type === 'resource' && e.resource === 'SmsMessage')).toBe(false);
});

it('sends "support" to voicemail', async () => {
  const transcript = await ivr.sandbox.inboundCall({ from: CALLER, to: ivr.number, input: [{ speech: 'support' }, { record: { seconds: 5 } }] }).done();

  expect(requests(transcript).slice(0, 3)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'recordAction /voicemail/done']);
});
