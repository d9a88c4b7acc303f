// Shared set-up of the Gather, Record, Sms and Email tests: a number of the sandbox whose application is the test's
// local app, RCML replies, and the check that a request the app received is the webhook the spec describes.
import { expect } from 'vitest';
import type { RestcommClient } from '../../../src/index.js';
import type { Transcript, VerbEvent } from '../../../src/sandbox/index.js';
import { checkWebhookRequest } from '../../../src/sandbox/webhook-sender.js';
import type { WebhookKind } from '../../../src/webhooks/index.js';
import type { LocalApp, ReceivedRequest, Reply } from '../app.js';

/** Buys a number whose voice (and SMS) application is `app` at `/answer` (`/sms`); resolves the number. */
export async function appNumber(client: RestcommClient, app: LocalApp): Promise<string> {
  const [offer] = await client.availablePhoneNumbers.local.list('US');
  const number = await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, VoiceUrl: `${app.url}/answer`, SmsUrl: `${app.url}/sms` });
  return number.phone_number;
}

/** An RCML reply with `verbs` inside `<Response>`. */
export function rcml(verbs: string): Reply {
  return { type: 'text/xml', body: `<Response>${verbs}</Response>` };
}

/** The request the app received is a valid `kind` webhook (the checker the sandbox runs before sending). */
export function expectWebhook(kind: WebhookKind, request: ReceivedRequest | undefined): Record<string, string> {
  expect(request, `a ${kind} request`).toBeDefined();
  const params = [...request!.params] as [string, string][];
  expect(() => checkWebhookRequest({ kind, url: 'http://app.invalid/', method: request!.method as 'GET' | 'POST', params })).not.toThrow();
  return Object.fromEntries(params);
}

/** The Notifications of the account, as `[code, text]`. */
export async function notifications(client: RestcommClient): Promise<[number, string][]> {
  const page = await client.notifications.list();
  return page.notifications.map((n) => [n.error_code, n.message_text ?? '']);
}

/** The verb events of a transcript, of one verb when `verb` is given. */
export function verbEvents(transcript: Transcript, verb?: string): VerbEvent[] {
  return transcript.events.filter((e): e is VerbEvent => e.type === 'verb' && (verb === undefined || e.verb === verb));
}
