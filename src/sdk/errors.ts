// Errors the SDK throws (or returns in result mode). None of them holds the request, its headers or the credentials.

/** Where a failed call went: for messages and for the error's fields. */
export interface RequestInfo {
  method: string;
  /** The request path (no host, no query), e.g. `/restcomm/2012-04-24/Accounts/AC…/Calls/ID…-CA….json`. */
  path: string;
  /** The spec operation, when the call went through an SDK method. */
  operationId?: string | undefined;
}

/** The server answered with a status outside 2xx. */
export class RestcommError extends Error {
  override readonly name = 'RestcommError';
  readonly status: number;
  /** The server's machine-readable code, when it sent one (`DID_QUOTA_EXCEEDED`, a service `errorCode`, …). */
  readonly code: string | number | undefined;
  /** The server's own message: a JSON `message`, a plain-text body, or the HTTP reason phrase. */
  readonly serverMessage: string | undefined;
  /** The parsed error body as sent (JSON value, text, or undefined when empty). */
  readonly body: unknown;
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  /** Response headers (the request's are never kept). */
  readonly headers: Headers;

  constructor(init: RequestInfo & { status: number; statusText: string; body: unknown; headers: Headers }) {
    const { code, message } = describeBody(init.body);
    const serverMessage = message ?? (init.statusText || undefined);
    super(`${init.method} ${init.path} failed with HTTP ${init.status}${serverMessage ? `: ${serverMessage}` : ''}${code !== undefined ? ` (code ${code})` : ''}`);
    this.status = init.status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.body = init.body;
    this.method = init.method;
    this.path = init.path;
    this.operationId = init.operationId;
    this.headers = init.headers;
  }
}

/** A request that failed before any HTTP answer: where it went, never its headers or credentials. */
export abstract class RestcommRequestFailure extends Error {
  readonly method: string;
  readonly path: string;
  readonly operationId: string | undefined;
  constructor(info: RequestInfo, message: string, options?: ErrorOptions) {
    super(message, options);
    this.method = info.method;
    this.path = info.path;
    this.operationId = info.operationId;
  }
}

/** The request never got an HTTP answer (connection refused or reset, DNS failure, TLS error, …). */
export class RestcommNetworkError extends RestcommRequestFailure {
  override readonly name = 'RestcommNetworkError';
  constructor(info: RequestInfo, cause: unknown) {
    const reason = cause instanceof Error ? ((cause.cause as Error | undefined)?.message ?? cause.message) : String(cause);
    super(info, `${info.method} ${info.path} failed before any answer: ${reason}`, { cause });
  }
}

/** No answer arrived within the timeout. */
export class RestcommTimeoutError extends RestcommRequestFailure {
  override readonly name = 'RestcommTimeoutError';
  readonly timeoutMs: number;
  constructor(info: RequestInfo, timeoutMs: number) {
    super(info, `${info.method} ${info.path} timed out after ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
}

/**
 * Reads a code and message out of any of the error bodies Restcomm sends: empty, plain text, the REST API's
 * `{message, error}`, and the cloud services' `{code, message}` / `{errorCode, message}` envelopes.
 */
export function describeBody(body: unknown): { code: string | number | undefined; message: string | undefined } {
  if (body === undefined || body === null || body === '') return { code: undefined, message: undefined };
  if (typeof body === 'string') return { code: undefined, message: body.trim() || undefined };
  // A text/plain body of digits arrives JSON-parsed (openapi-fetch parses every error body): it is still the message.
  if (typeof body === 'number' || typeof body === 'boolean') return { code: undefined, message: String(body) };
  if (typeof body === 'object') {
    const b = body as Record<string, unknown>;
    const message = typeof b.message === 'string' ? b.message : typeof b.detail === 'string' ? b.detail : undefined;
    const raw = b.error ?? b.errorCode ?? b.code;
    const code = typeof raw === 'string' || typeof raw === 'number' ? raw : undefined;
    return { code, message };
  }
  return { code: undefined, message: undefined };
}
