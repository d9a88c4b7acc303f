// What the Gather, Record, Sms and Email tests add to harness.ts: the check that a request the app received is the
// webhook the spec describes, and the account's Notifications.
import { expect } from 'vitest';
import type { RestcommClient } from '../../../src/index.js';
import { checkWebhookRequest } from '../../../src/sandbox/webhook-sender.js';
import type { WebhookKind } from '../../../src/webhooks/index.js';
import type { ReceivedRequest } from '../app.js';

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

