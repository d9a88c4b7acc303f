// The IVR through the sandbox: each test is one caller's story. The sandbox runs the app's RCML as Restcomm does,
// on a virtual clock, and hands back the call's transcript: every request the app got, every verb, every resource.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transcript } from 'restcomm-cpaas/sandbox';
import { CALLER, SALES, startLine } from './harness.ts';

/** The webhooks the app was sent during the call, as `kind path`. */
const requests = (t: Transcript) => t.events.flatMap((e) => (e.type === 'request' ? [`${e.kind} ${new URL(e.url).pathname}`] : []));
/** The parameters of the first request of `kind`. */
const paramsOf = (t: Transcript, kind: string) => t.events.find((e) => e.type === 'request' && e.kind === kind)?.params;
/** What the caller heard, in order. */
const said = (t: Transcript) => t.events.flatMap((e) => (e.type === 'verb' && e.verb === 'Say' ? [e.text] : []));

let line: Awaited<ReturnType<typeof startLine>>;
beforeAll(async () => {
  line = await startLine();
});
afterAll(() => line.close());

describe('the menu', () => {
  it('puts a caller who presses 1 through to sales', async () => {
    const call = line.sandbox.inboundCall({ from: CALLER, to: line.line, input: ['1'], dial: { [SALES]: { answer: true, seconds: 95 } } });
    const t = await call.done();

    expect(requests(t)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'dialAction /sales/done']);
    expect(paramsOf(t, 'gatherAction')).toMatchObject({ Digits: '1' });
    expect(paramsOf(t, 'dialAction')).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '95' });
    expect(said(t)).toContain('Connecting you to sales.');
    expect(call.view().status).toBe('completed');
    line.sandbox.assertNoViolations();
  });

  it('understands "sales" said instead of pressed', async () => {
    const call = line.sandbox.inboundCall({ from: CALLER, to: line.line, input: [{ speech: 'I would like to talk to sales please' }], dial: { [SALES]: 'answer' } });
    const t = await call.done();

    expect(paramsOf(t, 'gatherAction')).toMatchObject({ Digits: '', SpeechResult: 'I would like to talk to sales please' });
    expect(requests(t)).toContain('dialAction /sales/done');
  });

  it('plays the menu once more after a wrong key, then takes the right one', async () => {
    const t = await line.sandbox.inboundCall({ from: CALLER, to: line.line, input: ['7', '1'], dial: { [SALES]: 'answer' } }).done();

    expect(requests(t)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'voiceRedirect /menu/2', 'gatherAction /choice/2', 'dialAction /sales/done']);
    expect(said(t)).toContain('Sorry, that is not an option.');
  });

  it('says goodbye after two wrong keys', async () => {
    const call = line.sandbox.inboundCall({ from: CALLER, to: line.line, input: ['7', '9'] });
    const t = await call.done();

    expect(requests(t)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'voiceRedirect /menu/2', 'gatherAction /choice/2']);
    expect(said(t).at(-1)).toBe('Sorry, that is not an option. Goodbye.');
    expect(call.view().status).toBe('completed');
  });

  it('repeats the menu once when the caller says nothing, then hangs up', async () => {
    const call = line.sandbox.inboundCall({ from: CALLER, to: line.line, input: [{ timeout: true }, { timeout: true }] });
    const t = await call.done();

    // No choice, no action request: Gather falls through to the Redirect, then to the goodbye.
    expect(requests(t)).toEqual(['voiceRequest /voice', 'voiceRedirect /menu/2']);
    expect(t.events.filter((e) => e.type === 'verb' && e.verb === 'Gather')).toHaveLength(2);
    expect(said(t).at(-1)).toBe('We did not get your choice. Goodbye.');
    expect(call.view().status).toBe('completed');
  });

  it('lets a caller hang up in the middle of the menu', async () => {
    const call = line.sandbox.inboundCall({ from: CALLER, to: line.line, input: [{ hangup: true }] });
    const t = await call.done();

    expect(requests(t)).toEqual(['voiceRequest /voice']);
    expect(call.view().status).toBe('completed');
    expect(line.ivr.voicemails.some((v) => v.callSid === call.sid)).toBe(false);
  });
});

describe('voicemail', () => {
  it('takes a message when sales is busy, has it transcribed and texts the caller', async () => {
    const message = 'Hi, this is Dana. Please call me back about the quote.';
    const call = line.sandbox.inboundCall({
      from: CALLER,
      to: line.line,
      input: ['1', { record: { seconds: 12, transcription: message, finishOnKey: '#' } }],
      dial: { [SALES]: 'busy' },
    });
    const t = await call.done();
    await line.sandbox.settle(); // the transcription may finish after the call

    expect(requests(line.sandbox.call(call.sid).transcript)).toEqual([
      'voiceRequest /voice',
      'gatherAction /choice/1',
      'dialAction /sales/done',
      'recordAction /voicemail/done',
      'transcriptionCallback /voicemail/transcribed',
    ]);
    expect(paramsOf(t, 'dialAction')).toMatchObject({ DialCallStatus: 'busy' });
    expect(paramsOf(t, 'recordAction')).toMatchObject({ RecordingDuration: expect.stringMatching(/^12(\.0+)?$/), Digits: '#' });

    // What the app kept, and what Restcomm holds: the recording, its transcription, the text to the caller.
    const mail = line.ivr.voicemails.find((v) => v.callSid === call.sid);
    expect(mail).toMatchObject({ from: CALLER, seconds: 12, transcriptionReady: true });
    const [recording] = (await line.client.calls.recordings.list(call.sid)).recordings;
    expect(recording).toMatchObject({ call_sid: call.sid });
    const transcriptions = await line.client.transcriptions.list();
    expect(transcriptions.transcriptions.map((x) => x.transcription_text)).toContain(message);
    const sms = (await line.client.sms.messages.list({ To: CALLER, From: line.line })).messages;
    expect(sms.map((m) => m.body)).toContain('Acme: we got your voicemail and will call you back within one business day. Reply HOURS for our opening hours.');
    line.sandbox.assertNoViolations();
  });

  it('goes to voicemail when sales does not answer, and says so when the caller leaves nothing', async () => {
    const t = await line.sandbox.inboundCall({ from: CALLER, to: line.line, input: ['1'], dial: { [SALES]: 'no-answer' } }).done();

    expect(paramsOf(t, 'dialAction')).toMatchObject({ DialCallStatus: 'no-answer' });
    // An empty recording still gets the action request (the server's behaviour), without a RecordingUrl.
    expect(paramsOf(t, 'recordAction')).not.toHaveProperty('RecordingUrl');
    expect(said(t).at(-1)).toBe('We did not get a message. Goodbye.');
    expect(t.events.some((e) => e.type === 'resource' && e.resource === 'SmsMessage')).toBe(false);
  });

  it('is where "support" leads', async () => {
    const t = await line.sandbox.inboundCall({ from: CALLER, to: line.line, input: ['2', { record: { seconds: 5 } }] }).done();

    expect(requests(t).slice(0, 3)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'recordAction /voicemail/done']);
    expect(said(t)).toContain('Our support team will call you back. Please leave a message after the beep, and press the pound key when you are done.');
  });
});

describe('step by step', () => {
  it('answers keys sent to a live call', async () => {
    const call = line.sandbox.inboundCall({ from: CALLER, to: line.line });
    // Let the call be answered and the menu start; nothing has been pressed yet.
    while (!call.transcript.events.some((e) => e.type === 'reply')) await line.sandbox.clock.advance(500);
    expect(requests(call.transcript)).toEqual(['voiceRequest /voice']);

    call.send('2');
    await line.sandbox.clock.advance(2_000);
    expect(requests(call.transcript)).toContain('gatherAction /choice/1');

    call.send({ record: { seconds: 3 } });
    const t = await call.done();
    expect(requests(t)).toContain('recordAction /voicemail/done');
  });

  it('hangs up a live call from the test', async () => {
    const call = line.sandbox.inboundCall({ from: CALLER, to: line.line });
    while (!call.transcript.events.some((e) => e.type === 'reply')) await line.sandbox.clock.advance(500);
    call.hangup();
    await call.done();
    expect(call.view().status).toBe('completed');
  });
});

describe('outbound calls', () => {
  it('runs the menu on a call placed through the REST API', async () => {
    const customer = '+15125550177';
    line.sandbox.scenario({ to: customer, answer: 'answer', input: [{ speech: 'support' }, { record: { seconds: 8, transcription: 'Yes, Tuesday works.' } }] });
    const created = await line.client.calls.create({ From: line.line, To: customer, Url: `${line.appUrl}/voice` });
    const sid = (Array.isArray(created) ? created[0]! : created).sid;

    const t = await line.sandbox.call(sid).done();
    expect(paramsOf(t, 'voiceRequest')).toMatchObject({ Direction: 'outbound-api', To: customer });
    expect(requests(t)).toContain('recordAction /voicemail/done');
  });

  it('does not reach the app when the customer is busy', async () => {
    const customer = '+15125550178';
    line.sandbox.scenario({ to: customer, answer: 'busy' });
    const created = await line.client.calls.create({ From: line.line, To: customer, Url: `${line.appUrl}/voice` });
    const sid = (Array.isArray(created) ? created[0]! : created).sid;

    const t = await line.sandbox.call(sid).done();
    expect(requests(t)).toEqual([]);
    expect((await line.client.calls.fetch(sid)).status).toBe('busy');
  });
});

describe('text messages', () => {
  it('answers HOURS with the opening hours', async () => {
    const message = line.sandbox.receiveSms({ from: CALLER, to: line.line, body: 'hours' });
    const t = await message.done();

    expect(requests(t)).toEqual(['smsRequest /sms']);
    expect(paramsOf(t, 'smsRequest')).toMatchObject({ From: CALLER, Body: 'hours' });
    const replies = (await line.client.sms.messages.list({ To: CALLER, From: line.line })).messages.map((m) => m.body);
    expect(replies).toContain('Acme is open Monday to Friday, 9 am to 5 pm.');
  });

  it('answers anything else with the help text', async () => {
    await line.sandbox.receiveSms({ from: '+15125550124', to: line.line, body: 'Are you open on Saturday?' }).done();
    const [reply] = (await line.client.sms.messages.list({ To: '+15125550124' })).messages;
    expect(reply?.body).toBe('Thanks for texting Acme. Reply HOURS for our opening hours, or call us and press 2 to leave a message.');
  });
});
