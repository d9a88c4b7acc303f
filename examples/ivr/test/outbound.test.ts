// Calls the app places through the REST API, with what the called party does scripted by `sandbox.scenario`.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startIvr } from './harness.ts';
import { paramsOf, requests } from './transcripts.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr();
});
afterAll(() => ivr.close());

async function callOut(to: string) {
  const created = await ivr.client.calls.create({ From: ivr.number, To: to, Url: `${ivr.url}/voice` });
  return (Array.isArray(created) ? created[0]! : created).sid;
}

it('runs the menu on a call placed through the REST API', async () => {
  ivr.sandbox.scenario({ to: '+15125550177', input: [{ speech: 'support' }, { record: { seconds: 8, transcription: 'Tuesday works.' } }] });
  const transcript = await ivr.sandbox.call(await callOut('+15125550177')).done();

  expect(paramsOf(transcript, 'voiceRequest')).toMatchObject({ Direction: 'outbound-api', To: '+15125550177' });
  expect(requests(transcript)).toEqual(['voiceRequest /voice', 'gatherAction /choice/1', 'recordAction /voicemail/done', 'transcriptionCallback /voicemail/transcribed']);
});

it('never reaches the app when the called party is busy', async () => {
  ivr.sandbox.scenario({ to: '+15125550178', answer: 'busy' });
  const sid = await callOut('+15125550178');
  const transcript = await ivr.sandbox.call(sid).done();

  expect(requests(transcript)).toEqual([]);
  expect((await ivr.client.calls.fetch(sid)).status).toBe('busy');
});
