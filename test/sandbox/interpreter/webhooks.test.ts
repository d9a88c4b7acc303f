// Every webhook kind the interpreter and the life cycles send validates against the spec's `webhooks` section: the
// requests the app really received are checked with the sandbox's own checker, and a wrong parameter fails it.
import { describe, expect, it } from 'vitest';
import { ContractViolationError } from '../../../src/sandbox/index.js';
import { checkWebhookRequest } from '../../../src/sandbox/webhook-sender.js';
import type { WebhookKind } from '../../../src/webhooks/index.js';
import { single } from '../fixture.js';
import { CALLER, useInterpreter } from './harness.js';

describe('webhooks sent by the interpreter', () => {
  const t = useInterpreter();

  it('every kind sent validates against the spec, as received on the wire', async () => {
    t.app.reply('/voice', { status: 500 });
    t.rcml('/fallback', '<Response><Redirect>/next</Redirect></Response>');
    t.rcml('/next', '<Response><Say>Hi</Say></Response>');
    t.rcml('/sms', '<Response><Redirect>/sms-next</Redirect></Response>');
    t.rcml('/sms-next', '<Response/>');
    t.rcml('/out', '<Response><Redirect method="GET">/next</Redirect></Response>');
    const number = await t.number({ VoiceFallbackUrl: `${t.app.url}/fallback`, StatusCallback: `${t.app.url}/number-status` });
    await t.sandbox.inboundCall({ from: CALLER, to: number }).done();
    await t.sandbox.receiveSms({ from: CALLER, to: number, body: 'hi' }).done();
    const out = single(await t.client.calls.create({ From: number, To: '+15125550177', Url: `${t.app.url}/out`, StatusCallback: `${t.app.url}/call-status` }));
    await t.sandbox.call(out.sid).done();

    const sent = t.sandbox.events.filter((e) => e.type === 'request');
    expect(sent).toHaveLength(t.app.received.length);
    const kinds = new Set<WebhookKind>();
    sent.forEach((event, i) => {
      const received = t.app.received[i]!;
      expect(new URL(event.url as string).pathname).toBe(received.path);
      const kind = event.kind as WebhookKind;
      kinds.add(kind);
      expect(() => checkWebhookRequest({ kind, url: event.url as string, method: received.method as 'GET' | 'POST', params: [...received.params] })).not.toThrow();
    });
    expect([...kinds].sort()).toEqual(['callStatusCallback', 'numberStatusCallback', 'smsRedirect', 'smsRequest', 'voiceFallback', 'voiceRedirect', 'voiceRequest']);
  });

  it('the checker fails a request whose parameter is wrong', async () => {
    t.rcml('/voice', '<Response><Redirect>/next</Redirect></Response>');
    t.rcml('/next', '<Response/>');
    await t.sandbox.inboundCall({ from: CALLER, to: await t.number() }).done();
    const received = t.app.to('/next')[0]!;
    const params = [...received.params];
    const request = (p: [string, string][]) => ({ kind: 'voiceRedirect' as const, url: `${t.app.url}/next`, method: 'POST' as const, params: p });
    expect(() => checkWebhookRequest(request(params))).not.toThrow();
    const wrongStatus = params.map(([k, v]): [string, string] => [k, k === 'CallStatus' ? 'talking' : v]);
    expect(() => checkWebhookRequest(request(wrongStatus))).toThrow(ContractViolationError);
    const noSid = params.filter(([k]) => k !== 'CallSid');
    expect(() => checkWebhookRequest(request(noSid))).toThrow(/CallSid/);
  });
});
