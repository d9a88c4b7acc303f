/**
 * Sends the requests Restcomm makes to an application (webhooks), after checking each one against the spec's
 * `webhooks` section: the parameters are typed with the project's webhook parser and validated with Ajv, so a request
 * the sandbox builds wrongly is a `ContractViolationError`, never something the app has to cope with.
 */
import { parseWebhook, WebhookError, type WebhookKind } from '../webhooks/index.js';
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
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
  return exchange(target, request.method, request.method === 'POST' ? form : undefined, timeoutMs, NO_REDIRECTS.has(request.kind) ? 0 : 5);
}

/**
 * Webhooks the server sends with its asynchronous HTTP client, which follows no redirects, so a 3xx answer is a failed
 * request (reference webhooks.yaml, transport.redirects).
 */
const NO_REDIRECTS: ReadonlySet<WebhookKind> = new Set<WebhookKind>(['gatherAction', 'gatherPartialResult']);

// node:http with keep-alive agents rather than fetch: a call's life cycle sends five requests, and fetch's per-request
// abort signals cost more than the rest of the sandbox's work together.
const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

/** Redirects are followed with the same method and parameters (reference webhooks.yaml), at most `redirects` times. */
function exchange(target: URL, method: 'GET' | 'POST', body: string | undefined, timeoutMs: number, redirects: number): Promise<WebhookOutcome> {
  return new Promise((resolve) => {
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const headers: Record<string, string | number> = body === undefined ? {} : { 'Content-Type': FORM_TYPE, 'Content-Length': Buffer.byteLength(body) };
    let settled = false;
    const done = (outcome: WebhookOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(target, { method, headers, agent: agents[target.protocol as 'http:' | 'https:'] }, (res) => {
      const contentType = res.headers['content-type'] ?? '';
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if ([301, 302, 303, 307, 308].includes(status) && location && redirects > 0) {
        res.resume();
        let next: URL;
        try {
          next = new URL(location, target);
        } catch {
          return done({ ok: false, status, contentType, error: `redirect to an invalid URL ${location}` });
        }
        clearTimeout(timer);
        settled = true;
        return void exchange(next, method, body, timeoutMs, redirects - 1).then(resolve);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY) {
          done({ ok: false, status, contentType, error: `the answer is larger than ${MAX_BODY} bytes` });
          res.destroy();
        } else chunks.push(chunk);
      });
      res.on('error', (error) => done({ ok: false, status, contentType, error: `the answer could not be read: ${error.message}` }));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (status !== 200) done({ ok: false, status, contentType, body: text, error: `HTTP ${status}` });
        else done({ ok: true, status, contentType, body: text });
      });
    });
    const timer = setTimeout(() => {
      done({ ok: false, error: `no answer within ${timeoutMs} ms`, timedOut: true });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error) => done({ ok: false, error: `request failed: ${error.message}` }));
    req.end(body);
  });
}
