// The contract harness: a typed client pointed at the Prism mock, and `contract()` which checks one call against the spec.
import { expect, inject } from 'vitest';
import { createRawClient } from '../../src/client.js';
import { operations, type OperationId } from '../../generated/operations.js';
import { declaredResponse, pathPattern, validateAgainst } from '../support/spec.js';
import type { Json, JsonObject } from '../../scripts/lib/spec.js';

export const ACCOUNT_SID = 'AC9f46b62376f96e83cc19ed9502987c78';
export const AUTH_TOKEN = '6f1ed002ab5595859014ebf0951522d9';
export const mockUrl = inject('mockUrl');

interface SentRequest {
  method: string;
  url: string;
  contentType: string | null;
  body: string | null;
}
let lastRequest: SentRequest | undefined;
// openapi-fetch JSON-parses error bodies even when they are text/plain ("21452" becomes 21452), so keep the raw text.
let lastResponseText: string | undefined;

export const api = createRawClient({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, baseUrl: mockUrl });
api.use({
  async onRequest({ request }) {
    lastRequest = {
      method: request.method,
      url: request.url,
      contentType: request.headers.get('Content-Type'),
      body: request.body ? await request.clone().text() : null,
    };
    return request;
  },
  async onResponse({ response }) {
    lastResponseText = await response.clone().text();
    return response;
  },
});

export interface ContractOptions {
  /** The status to ask Prism for (Prefer: code=…); defaults to the operation's first 2xx. */
  status?: number;
  /** A named example to ask Prism for (Prefer: example=…). */
  example?: string;
}

interface CallResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

function mediaType(header: string | null): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/**
 * Runs one call through the typed client against the mock and checks it against the spec: the request reached the
 * operation it is labelled with (method and path), Prism found nothing wrong with it, the status is the expected one,
 * and the body validates against that response's schema for the media type it came back as.
 */
export async function contract(
  operationId: OperationId,
  call: (headers: Record<string, string>) => Promise<CallResult>,
  options: ContractOptions = {},
): Promise<CallResult> {
  const op = operations[operationId];
  const prefer = [options.status ? `code=${options.status}` : '', options.example ? `example=${options.example}` : ''].filter(Boolean);
  lastRequest = undefined;
  lastResponseText = undefined;
  const result = await call(prefer.length ? { Prefer: prefer.join(', ') } : {});
  const sent = lastRequest as SentRequest | undefined;

  expect(sent, 'the call went through the harness client').toBeDefined();
  expect(sent!.method, 'HTTP method').toBe(op.method);
  const sentPath = decodeURIComponent(new URL(sent!.url).pathname);
  expect(sentPath, `path matches ${op.path}`).toMatch(pathPattern(op.path));
  if (op.requestMediaType && sent!.body !== null) expect(mediaType(sent!.contentType)).toBe(op.requestMediaType);
  if (sent!.body === null) expect(sent!.contentType, 'no Content-Type without a body').toBeNull();

  const { response } = result;
  const expected = options.status ?? op.successStatus;
  const detail = JSON.stringify(result.error ?? '').slice(0, 800);
  expect(response.status, `status of ${operationId} (body: ${detail})`).toBe(expected);
  expect(response.headers.get('sl-violations'), 'Prism reported request violations').toBeNull();

  const declared = declaredResponse(operationId, response.status);
  expect(declared, `${operationId} declares ${response.status}`).toBeDefined();
  const content = (declared!.content ?? {}) as JsonObject;
  const type = mediaType(response.headers.get('Content-Type'));
  if (Object.keys(content).length === 0) return result;
  const media = content[type] as JsonObject | undefined;
  expect(media, `${operationId} ${response.status} declares ${type}`).toBeDefined();
  const body = type === 'text/plain' ? lastResponseText : response.ok ? result.data : result.error;
  if (type === 'application/json' || type === 'text/plain') {
    const check = validateAgainst(media!.schema as Json, body);
    expect(check.errors, `${operationId} ${response.status} body matches the schema`).toBe('');
  } else {
    expect(body, 'binary body').toBeInstanceOf(Blob);
    expect((body as Blob).size, 'binary body is not empty').toBeGreaterThan(0);
  }
  return result;
}
