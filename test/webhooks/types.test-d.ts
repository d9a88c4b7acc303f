// Compile-time checks of parseWebhook's types, run by the `types` project (tsc); nothing here runs.
import { describe, expectTypeOf, it } from 'vitest';
import type { parseWebhook, WebhookKind, WebhookPayload, WebhookValue } from '../../src/webhooks/index.js';

type Parsed<K extends WebhookKind> = ReturnType<typeof parseWebhook<K>>;

describe('parseWebhook types', () => {
  it('come from the generated request body types', () => {
    expectTypeOf<Parsed<'dialAction'>['DialCallDuration']>().toEqualTypeOf<number>();
    expectTypeOf<Parsed<'dialAction'>['DialRingDuration']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Parsed<'dialAction'>['CallSid']>().toEqualTypeOf<string>();
    expectTypeOf<Parsed<'voiceRequest'>['CallStatus']>().toEqualTypeOf<
      'queued' | 'ringing' | 'canceled' | 'busy' | 'not-found' | 'failed' | 'no-answer' | 'wait-for-answer' | 'in-progress' | 'completed'
    >();
    expectTypeOf<Parsed<'callStatusCallback'>['SequenceNumber']>().toEqualTypeOf<0 | 1 | 2 | 3>();
    expectTypeOf<Parsed<'recordAction'>['RecordingDuration']>().toEqualTypeOf<number>();
    expectTypeOf<Parsed<'smsStatusCallback'>['MessageStatus']>().toEqualTypeOf<
      'queued' | 'sending' | 'sent' | 'failed' | 'received' | 'delivered' | 'undelivered'
    >();
    expectTypeOf<WebhookPayload<'smsStatusCallback'>>().toHaveProperty('MessageSid');
  });

  it('keep extra parameters apart, so a misspelt declared name does not compile', () => {
    expectTypeOf<Parsed<'smsStatusCallback'>['extras']['SomethingNew']>().toEqualTypeOf<WebhookValue>();
    // @ts-expect-error CallDuraton is not a parameter of the call status callback (CallDuration is)
    expectTypeOf<Parsed<'callStatusCallback'>['CallDuraton']>().toBeNever();
    expectTypeOf<Parsed<'callStatusCallback'>['CallDuration']>().toEqualTypeOf<number | undefined>();
  });

  it('only accept known kinds', () => {
    expectTypeOf<'voiceRequest'>().toExtend<WebhookKind>();
    expectTypeOf<'voiceCallback'>().not.toExtend<WebhookKind>();
    expectTypeOf<Parameters<typeof parseWebhook>[1]>().toEqualTypeOf<URLSearchParams | string | Readonly<Record<string, unknown>>>();
  });
});
