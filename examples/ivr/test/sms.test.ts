// Text messages to the number: the app answers with an <Sms> in the SMS context.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CALLER, startIvr } from './harness.ts';
import { paramsOf, requests } from './transcripts.ts';

let ivr: Awaited<ReturnType<typeof startIvr>>;
beforeAll(async () => {
  ivr = await startIvr();
});
afterAll(() => ivr.close());

it('answers HOURS with the opening hours', async () => {
  const transcript = await ivr.sandbox.receiveSms({ from: CALLER, to: ivr.number, body: 'hours' }).done();

  expect(requests(transcript)).toEqual(['smsRequest /sms']);
  expect(paramsOf(transcript, 'smsRequest')).toMatchObject({ From: CALLER, To: ivr.number, Body: 'hours' });
  const { messages } = await ivr.client.sms.messages.list({ To: CALLER, From: ivr.number });
  expect(messages.map((m) => m.body)).toEqual(['Acme is open Monday to Friday, 9 am to 5 pm.']);
});

it('answers anything else with the help text', async () => {
  await ivr.sandbox.receiveSms({ from: '+15125550124', to: ivr.number, body: 'Are you open on Saturday?' }).done();

  const { messages } = await ivr.client.sms.messages.list({ To: '+15125550124' });
  expect(messages.map((m) => m.body)).toEqual(['Thanks for texting Acme. Reply HOURS for our opening hours, or call us and press 2 to leave a message.']);
  ivr.sandbox.assertNoViolations();
});
