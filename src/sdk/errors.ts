// The errors the SDK raises at run time, after its arguments were checked (argument mistakes are TypeErrors, thrown
// before any request). One base class, so `err instanceof RestcommError` catches everything the SDK raised; one
// subclass per kind of failure. None of them holds the request, its headers or the credentials: every text that came
// from a server is redacted and cut short before it reaches a message.
import { truncate } from '../redact.js';

/** Where a failed call went: for messages and for the error's fields. */
export interface RequestInfo {
  method: string;
  /** The request path (no host, no query), e.g. `/restcomm/2012-04-24/Accounts/AC…/Calls/ID…-CA….json`. */
  path: string;
  /** The spec operation, when the call went through an SDK method. */
  operationId?: string | undefined;
}

/** What kind of failure an error is; stable, for logs and `switch`. */
export type RestcommErrorType = 'http_error' | 'network_error' | 'timeout' | 'invalid_response' | 'response_too_large';

/** At most this much of a server's text goes into an error message (the whole body stays on `RestcommHttpError.body`). */
export const MESSAGE_TEXT_LIMIT = 2048;

/** Anything the SDK raised about a call after its arguments were accepted. */
export abstract class RestcommError extends Error {
  /** The kind of failure: `http_error`, `network_error`, `timeout`, `invalid_response` or `response_too_large`. */
  abstract readonly type: RestcommErrorType;
  /** The HTTP method of the failed request. */
  readonly method: string;
  /** The request path, without host or query. */
  readonly path: string;
  /** The operationId of the spec operation, when the call went through an SDK method. */
  readonly operationId: string | undefined;
  /** The HTTP status of the answer, when one arrived (undefined for network failures and timeouts). */
  readonly status: number | undefined;
  // A private field, so that printing the error (util.inspect, even with showHidden) never walks into the response.
  readonly #response: Response | undefined;

  constructor(info: RequestInfo & { status?: number | undefined; response?: Response | undefined }, message: string, options?: ErrorOptions) {
    super(message, options);
    this.method = info.method;
    this.path = info.path;
    this.operationId = info.operationId;
    this.status = info.status;
    this.#response = info.response;
  }

  /** The HTTP answer, when one arrived (its body already read). */
  get response(): Response | undefined {
    return this.#response;
  }

  /** What `JSON.stringify` shows: the error's own description, never headers or bodies. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, type: this.type, message: this.message, method: this.method, path: this.path, operationId: this.operationId, status: this.status };
  }
}

/** The server answered with a status outside 2xx. */
export class RestcommHttpError extends RestcommError {
  /** The class name, `RestcommHttpError` (also the first word of `stack`). */
  override readonly name = 'RestcommHttpError';
  /** Always `http_error` for this class. */
  readonly type = 'http_error' as const;
  /** The HTTP status the server answered with. */
  declare readonly status: number;
  /** The server's machine-readable code, when it sent one (`DID_QUOTA_EXCEEDED`, a service `errorCode`, …). */
  readonly code: string | number | undefined;
  /** The server's own message: a JSON `message`, a plain-text body, or the HTTP reason phrase (redacted, whole). */
  readonly serverMessage: string | undefined;
  /** The parsed error body as sent (JSON value, text, or undefined when empty), redacted, within the size limit. */
  readonly body: unknown;
  /** Response headers, redacted (the request's are never kept). */
  readonly headers: Headers;
  /** What a contract mock (Prism) said about the request, from its `sl-violations` header, when present. */
  readonly violations: readonly string[];

  constructor(init: RequestInfo & { status: number; statusText: string; body: unknown; headers: Headers; response?: Response | undefined }) {
    const { code, message } = describeBody(init.body);
    const serverMessage = message ?? (init.statusText || undefined);
    const violations = mockViolations(init.headers.get('sl-violations'));
    const mock = violations.length ? `; the mock rejected the request: ${truncate(violations.join('; '), MESSAGE_TEXT_LIMIT)}` : '';
    super(
      init,
      `${init.method} ${init.path} failed with HTTP ${init.status}${serverMessage ? `: ${truncate(serverMessage, MESSAGE_TEXT_LIMIT)}` : ''}${code !== undefined ? ` (code ${truncate(String(code), 200)})` : ''}${mock}`,
    );
    this.code = code;
    this.serverMessage = serverMessage;
    this.body = init.body;
    this.headers = init.headers;
    this.violations = violations;
  }

  /** What `JSON.stringify` shows: the base fields and this class's own, never headers or bodies. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), code: this.code, serverMessage: this.serverMessage && truncate(this.serverMessage, MESSAGE_TEXT_LIMIT) };
  }
}

/** The request never got an HTTP answer, or the connection failed while the answer was read. */
export class RestcommNetworkError extends RestcommError {
  /** The class name, `RestcommNetworkError` (also the first word of `stack`). */
  override readonly name = 'RestcommNetworkError';
  /** Always `network_error` for this class. */
  readonly type = 'network_error' as const;
  constructor(info: RequestInfo & { status?: number; response?: Response }, cause: unknown, reason: string) {
    super(info, `${info.method} ${info.path} failed ${info.status === undefined ? 'before any answer' : `while reading its HTTP ${info.status} answer`}: ${truncate(reason, MESSAGE_TEXT_LIMIT)}`, { cause });
  }
}

/** No answer (or not all of it) arrived within the timeout. */
export class RestcommTimeoutError extends RestcommError {
  /** The class name, `RestcommTimeoutError` (also the first word of `stack`). */
  override readonly name = 'RestcommTimeoutError';
  /** Always `timeout` for this class. */
  readonly type = 'timeout' as const;
  /** The timeout that ran out, in milliseconds. */
  readonly timeoutMs: number;
  constructor(info: RequestInfo, timeoutMs: number) {
    super(info, `${info.method} ${info.path} timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/** The server answered, but the answer cannot be read as the operation declares (invalid JSON or text encoding, a wrong shape). */
export class RestcommInvalidResponseError extends RestcommError {
  /** The class name, `RestcommInvalidResponseError` (also the first word of `stack`). */
  override readonly name = 'RestcommInvalidResponseError';
  /** Always `invalid_response` for this class. */
  readonly type = 'invalid_response' as const;
  /** The HTTP status of the answer that could not be read. */
  declare readonly status: number;
  constructor(info: RequestInfo & { status: number; response?: Response }, reason: string) {
    super(info, `${info.method} ${info.path} answered HTTP ${info.status} with ${truncate(reason, MESSAGE_TEXT_LIMIT)}`);
  }
}

/** The answer's body is larger than the client's `maxResponseBytes`; it was not read further. */
export class RestcommResponseTooLargeError extends RestcommError {
  /** The class name, `RestcommResponseTooLargeError` (also the first word of `stack`). */
  override readonly name = 'RestcommResponseTooLargeError';
  /** Always `response_too_large` for this class. */
  readonly type = 'response_too_large' as const;
  /** The HTTP status of the answer whose body was too large. */
  declare readonly status: number;
  /** The limit in bytes that the body exceeded. */
  readonly limitBytes: number;
  constructor(info: RequestInfo & { status: number; response?: Response }, limitBytes: number) {
    super(info, `${info.method} ${info.path} answered HTTP ${info.status} with a body over the ${limitBytes}-byte limit (maxResponseBytes)`);
    this.limitBytes = limitBytes;
  }
  /** What `JSON.stringify` shows: the base fields and this class's own, never headers or bodies. */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), limitBytes: this.limitBytes };
  }
}

/** Prism's `sl-violations` header: a JSON list of `{location, message}`; anything unreadable is ignored. */
function mockViolations(header: string | null): string[] {
  if (!header) return [];
  try {
    const list = JSON.parse(header) as unknown;
    if (!Array.isArray(list)) return [];
    return list.slice(0, 20).flatMap((v: unknown) => {
      const { location, message } = (v ?? {}) as { location?: unknown; message?: unknown };
      if (typeof message !== 'string') return [];
      return [`${Array.isArray(location) ? `${location.map(String).join('.')} ` : ''}${message}`];
    });
  } catch {
    return [];
  }
}

/**
 * Reads a code and message out of any of the error bodies Restcomm sends: empty, plain text, the REST API's
 * `{message, error}`, and the cloud services' `{code, message}` / `{errorCode, message}` envelopes.
 */
export function describeBody(body: unknown): { code: string | number | undefined; message: string | undefined } {
  if (body === undefined || body === null || body === '') return { code: undefined, message: undefined };
  if (typeof body === 'string') return { code: undefined, message: body.trim() || undefined };
  if (typeof body === 'number' || typeof body === 'boolean') return { code: undefined, message: String(body) };
  if (typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const own = (key: string) => (Object.hasOwn(b, key) ? b[key] : undefined);
    const m = own('message') ?? own('detail');
    const message = typeof m === 'string' ? m : undefined;
    const raw = own('error') ?? own('errorCode') ?? own('code');
    const code = typeof raw === 'string' || typeof raw === 'number' ? raw : undefined;
    return { code, message };
  }
  return { code: undefined, message: undefined };
}
