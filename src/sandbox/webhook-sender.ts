/**
 * Sends the requests Restcomm makes to an application (webhooks), after checking each one against the spec's
 * `webhooks` section: the parameters are typed with the project's webhook parser and validated with Ajv, so a request
 * the sandbox builds wrongly is a `ContractViolationError`, never something the app has to cope with.
 */
import { parseWebhook, WebhookError, type WebhookKind } from '../webhooks/index.js';
import { checkWebhook, ContractViolationError } from './contract.js';

/** The form the server sends: url-encoded UTF-8 (reference webhooks.yaml, transport.POST). */
export const FORM_TYPE = 'application/x-www-form-urlencoded; charset=UTF-8';
const MAX_BODY = 1024 * 1024;

export interface WebhookRequest {
  kind: WebhookKind;
  url: string;
  method: 'GET' | 'POST';
  /** In wire order; a name may repeat (the SMS status callback sends `Body` twice). */
  params: [string, string][];
}

export type WebhookOutcome =
  | { ok: true; status: number; contentType: string; body: string }
  | { ok: false; status?: number; contentType?: string; body?: string; error: string; timedOut?: boolean };

/** Throws `ContractViolationError` when the request does not match its webhook in the spec. */
export function checkWebhookRequest(request: WebhookRequest): void {
  let typed: Record<string, unknown>;
  try {
    typed = parseWebhook(request.kind, new URLSearchParams(request.params)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof WebhookError) throw new ContractViolationError(`webhook ${request.kind}`, [error.message]);
    throw error;
  }
  checkWebhook(request.kind, typed);
}

/** Sends one webhook request; network failures, timeouts and oversized answers come back as `ok: false`. */
export async function sendWebhook(request: WebhookRequest, timeoutMs: number): Promise<WebhookOutcome> {
  checkWebhookRequest(request);
  const form = new URLSearchParams(request.params).toString();
  let target: URL;
  try {
    target = new URL(request.url);
  } catch {
    return { ok: false, error: `${request.url} is not an absolute URL` };
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return { ok: false, error: `${request.url} is not an http(s) URL` };
  // For GET the server rebuilds the URL: the configured query string is replaced by the parameters.
  if (request.method === 'GET') target.search = form;
  let response: Response;
  try {
    response = await fetch(target, {
      method: request.method,
      headers: request.method === 'POST' ? { 'Content-Type': FORM_TYPE } : {},
      body: request.method === 'POST' ? form : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return { ok: false, error: timedOut ? `no answer within ${timeoutMs} ms` : `request failed: ${(error as Error).message}`, timedOut };
  }
  const contentType = response.headers.get('content-type') ?? '';
  const buffer = await response.arrayBuffer().catch(() => undefined);
  if (!buffer) return { ok: false, status: response.status, contentType, error: 'the answer body could not be read' };
  if (buffer.byteLength > MAX_BODY) return { ok: false, status: response.status, contentType, error: `the answer is larger than ${MAX_BODY} bytes` };
  const body = new TextDecoder().decode(buffer);
  if (response.status !== 200) return { ok: false, status: response.status, contentType, body, error: `HTTP ${response.status}` };
  return { ok: true, status: response.status, contentType, body };
}
