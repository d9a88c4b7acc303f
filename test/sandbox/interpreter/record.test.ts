// <Record> against a real local app: the Recording resource and its WAV, the action request as the server sends it,
// the ways a recording ends, the transcription and its callback, and the Notifications for rejected values.
import { describe, expect, it } from 'vitest';
import { MAX_WAV_SECONDS, silentWav } from '../../../src/sandbox/resources/media.js';
import { speechMs } from '../../../src/sandbox/interpreter/verbs/say.js';
import { RECORDINGS_PATH, TRANSCRIBE_MS } from '../../../src/sandbox/interpreter/verbs/record.js';
import { CALLER, ofType, useInterpreter } from './harness.js';
import { expectWebhook, notifications } from './media-fixture.js';

/** The parts of a WAV header the tests look at. */
function wavInfo(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = (at: number, length: number) => new TextDecoder().decode(bytes.subarray(at, at + length));
  return { riff: text(0, 4), wave: text(8, 4), format: view.getUint16(20, true), channels: view.getUint16(22, true), rate: view.getUint32(24, true), bits: view.getUint16(34, true), dataBytes: view.getUint32(40, true), size: bytes.byteLength };
}

describe('Record', () => {
  const t = useInterpreter();

  it('stores a Recording whose media URL serves a WAV of its length, and sends the action what the server sends', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Say>Leave a message after the beep</Say><Record action="/saved" finishOnKey="#" maxLength="60"/></Response>');
    t.rcml('/saved', '<Response><Say>Thanks</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ record: { seconds: 7, finishOnKey: '#' } }] });
    const transcript = await call.done();

    const { recordings } = await client.recordings.list({ CallSid: call.sid });
    expect(recordings).toHaveLength(1);
    const recording = recordings[0]!;
    expect(recording).toMatchObject({ call_sid: call.sid, duration: '7.0', account_sid: sandbox.accountSid });
    expect(recording.file_uri).toBe(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Recordings/${recording.sid}.wav`);
    // The media URL needs no credentials, as on the server.
    const media = await fetch(recording.file_uri!);
    expect(media.headers.get('content-type')).toBe('audio/x-wav');
    expect(wavInfo(new Uint8Array(await media.arrayBuffer()))).toEqual({ riff: 'RIFF', wave: 'WAVE', format: 1, channels: 1, rate: 8000, bits: 8, dataBytes: 56000, size: 56044 });

    const params = expectWebhook('recordAction', app.to('/saved')[0]);
    expect(params).toMatchObject({
      CallSid: call.sid,
      RecordingUrl: `${RECORDINGS_PATH}${recording.sid}.wav`,
      PublicRecordingUrl: recording.file_uri,
      RecordingDuration: '7.0',
      Digits: '#',
    });
    expect(transcript.events.filter((e) => e.type === 'resource').map((e) => [e.resource, e.sid])).toEqual([['Recording', recording.sid]]);
    // The key ended it: seven seconds after the prompt, not seven plus the silence timeout.
    const say = transcript.events.find((e) => e.type === 'verb' && e.verb === 'Say')!;
    expect(transcript.events.find((e) => e.type === 'request' && e.kind === 'recordAction')!.at - say.at).toBe(speechMs('Leave a message after the beep') + 7000);
    expect((await client.calls.recordings.list(call.sid)).map((r) => r.sid)).toEqual([recording.sid]);
  });

  it('ends after timeout seconds of silence (Digits empty), at maxLength, or when the caller hangs up', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Record action="/one" timeout="2" playBeep="false"/></Response>');
    t.rcml('/one', '<Response><Record action="/two" maxLength="10"/></Response>');
    t.rcml('/two', '<Response><Record action="/three"/></Response>');
    t.rcml('/three', '<Response><Say>Not run: the caller is gone</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ record: { seconds: 4 } }, { record: { seconds: 30 } }, { record: { seconds: 5 } }, { hangup: true }] });
    const transcript = await call.done();
    expect(expectWebhook('recordAction', app.to('/one')[0])).toMatchObject({ RecordingDuration: '4.0', Digits: '' });
    expect(expectWebhook('recordAction', app.to('/two')[0])).toMatchObject({ RecordingDuration: '10.0', Digits: '' });
    expect(expectWebhook('recordAction', app.to('/three')[0])).toMatchObject({ RecordingDuration: '5.0', Digits: 'hangup' });
    const records = ofType(transcript.events, 'verb').filter((e) => e.verb === 'Record');
    expect(records.map((r) => [r.outcome, r.playBeep])).toEqual([['recorded', false], ['recorded', true], ['hangup', true]]);
    // 4 s plus 2 s of silence; then exactly the 10 s of maxLength; then 5 s and the hang-up.
    expect([records[1]!.at - records[0]!.at, records[2]!.at - records[1]!.at]).toEqual([10_000, 5000]);
    expect(transcript.events.some((e) => e.type === 'verb' && e.verb === 'Say')).toBe(false);
    expect(call.view().status).toBe('completed');
    expect((await client.recordings.list()).recordings.map((r) => r.duration).sort()).toEqual(['10.0', '4.0', '5.0']);
  });

  it('an empty recording stores nothing; the action is still requested, without the URLs and with duration 0.0', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Record action="/empty" timeout="3"/></Response>');
    t.rcml('/empty', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    const transcript = await call.done();
    const params = expectWebhook('recordAction', app.to('/empty')[0]);
    expect(params).toMatchObject({ RecordingDuration: '0.0', Digits: '' });
    expect(params).not.toHaveProperty('RecordingUrl');
    expect(params).not.toHaveProperty('PublicRecordingUrl');
    expect((await client.recordings.list()).recordings).toHaveLength(0);
    expect(transcript.events.find((e) => e.type === 'request' && e.kind === 'recordAction')!.offsetMs).toBe(3000);
  });

  it('transcribes: a Transcription with the scenario text, and a callback that carries only the call parameters', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', `<Response><Record transcribeCallback="${app.url}/transcribed" finishOnKey="-1" timeout="1"/><Record transcribe="TRUE" timeout="1"/></Response>`);
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ record: { seconds: 6, transcription: 'Please call me back', finishOnKey: '#' } }, { record: { seconds: 2 } }] });
    const transcript = await call.done();
    await sandbox.settle();
    const callback = expectWebhook('transcriptionCallback', app.to('/transcribed')[0]);
    expect(callback.CallSid).toBe(call.sid);
    expect(Object.keys(callback).filter((k) => k.startsWith('Transcription'))).toEqual([]);
    const { transcriptions } = await client.transcriptions.list();
    const { recordings } = await client.recordings.list({ SortBy: 'Duration:desc' });
    expect(transcriptions.map((tr) => [tr.recording_sid, tr.status, tr.transcription_text, tr.duration])).toEqual([
      [recordings[0]!.sid, 'completed', 'Please call me back', '6.0'],
      [recordings[1]!.sid, 'failed', undefined, '2.0'],
    ]);
    // finishOnKey="-1": the # did not end the first recording; one second of silence did (6 s + 1 s). The
    // transcription was ready TRANSCRIBE_MS later.
    const first = transcript.events.find((e) => e.type === 'verb' && e.verb === 'Record')!;
    expect(first.offsetMs).toBe(7000);
    const sent = sandbox.events.find((e) => e.type === 'request' && e.kind === 'transcriptionCallback')!;
    expect(sent.at - first.at).toBe(TRANSCRIBE_MS);
  });

  it('a relative transcribeCallback is used as written, so the request cannot be sent', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Record transcribeCallback="/transcribed" timeout="1"/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ record: { seconds: 3, transcription: 'hello' } }] });
    await call.done();
    await sandbox.settle();
    expect(app.to('/transcribed')).toHaveLength(0);
    expect(sandbox.events.find((e) => e.type === 'reply' && e.kind === 'transcriptionCallback')).toMatchObject({ error: '/transcribed is not an absolute URL' });
    expect((await client.transcriptions.list()).transcriptions[0]).toMatchObject({ status: 'completed', transcription_text: 'hello' });
  });

  it('a hang-up before anything is said, or through the REST API while recording, still tells the action (Digits=hangup)', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Record action="/gone" playBeep="false"/></Response>');
    t.rcml('/gone', '<Response><Say>Not run</Say></Response>');
    const first = sandbox.inboundCall({ from: CALLER, to, input: [{ hangup: true }] });
    await first.done();
    expect(expectWebhook('recordAction', app.to('/gone')[0])).toMatchObject({ CallSid: first.sid, RecordingDuration: '0.0', Digits: 'hangup' });

    const second = sandbox.inboundCall({ from: CALLER, to, input: [{ record: { seconds: 20 } }] });
    await sandbox.clock.advance(8000);
    second.hangup();
    const transcript = await second.done();
    const params = expectWebhook('recordAction', app.to('/gone')[1]);
    expect(params).toMatchObject({ CallSid: second.sid, RecordingDuration: '8.0', Digits: 'hangup' });
    expect((await client.recordings.list({ CallSid: second.sid })).recordings.map((r) => r.duration)).toEqual(['8.0']);
    expect(ofType(transcript.events, 'verb').map((e) => e.text ?? e.verb)).toEqual(['Record']);
  });

  it('a live redirect while recording stops it without an action request; the new document runs', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Record action="/saved"/></Response>');
    t.rcml('/elsewhere', '<Response><Say>Moved</Say></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ record: { seconds: 20 } }] });
    await sandbox.clock.advance(5000);
    await client.calls.update(call.sid, { Url: `${app.url}/elsewhere` });
    const transcript = await call.done();
    expect(app.to('/saved')).toHaveLength(0);
    expect((await client.recordings.list()).recordings).toHaveLength(0);
    expect(ofType(transcript.events, 'verb').map((e) => [e.verb, e.outcome])).toEqual([['Record', 'interrupted'], ['Say', 'done']]);
  });

  it('interactive: a recording sent to the live call while Record waits for the caller to start', async () => {
    const { sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Record action="/saved" timeout="5"/></Response>');
    t.rcml('/saved', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to });
    await sandbox.clock.advance(2000);
    call.send({ record: { seconds: 3, finishOnKey: '*' } });
    const transcript = await call.done();
    expect(expectWebhook('recordAction', app.to('/saved')[0])).toMatchObject({ RecordingDuration: '3.0', Digits: '*' });
    expect(ofType(transcript.events, 'input').map((e) => [e.verb, e.source, e.offsetMs])).toEqual([['Record', 'interactive', 2000]]);
    expect(ofType(transcript.events, 'request').find((r) => r.kind === 'recordAction')!.offsetMs).toBe(5000);
  });

  it('values the server rejects write its Notifications and fall back to its defaults', async () => {
    const { client, sandbox, app } = t;
    const to = await t.number();
    t.rcml('/voice', '<Response><Record action="/r" method="FETCH" timeout="1.5" maxLength="long" media="hd" finishOnKey="stop"/></Response>');
    t.rcml('/r', '<Response><Hangup/></Response>');
    const call = sandbox.inboundCall({ from: CALLER, to, input: [{ record: { seconds: 2, finishOnKey: '#' } }] });
    await call.done();
    expect((await notifications(client)).map(([code]) => code).sort()).toEqual([13610, 13612, 13612, 13612, 13613]);
    // POST, and '#' as finishOnKey: the key ended the recording.
    expect(app.to('/r')[0]!.method).toBe('POST');
    expect(expectWebhook('recordAction', app.to('/r')[0])).toMatchObject({ Digits: '#', RecordingDuration: '2.0' });
  });
});

describe('silentWav', () => {
  it('is a valid 8 kHz mono PCM file of the length asked for, cut at MAX_WAV_SECONDS', () => {
    expect(wavInfo(silentWav(0.5))).toMatchObject({ riff: 'RIFF', rate: 8000, channels: 1, dataBytes: 4000 });
    expect(wavInfo(silentWav(86_400)).dataBytes).toBe(MAX_WAV_SECONDS * 8000);
    expect(wavInfo(silentWav(Number.NaN)).dataBytes).toBe(1);
  });
});
