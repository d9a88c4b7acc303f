// createClient: the resource-style SDK, assembled at run time from the generated operations table.
import { createRawClient, requestContext, type RawClient } from '../client.js';
import { runtimeOperations as operations, type RuntimeOperationId as OperationId } from '../../generated/runtime.js';
import type { RuntimeOperation } from '../operation-entry.js';
import { createRedactor } from '../redact.js';
import { buildRequest } from '../request.js';
import { RestcommError, RestcommHttpError } from './errors.js';
import { paginate } from './paginate.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readBlob, readErrorBody, readJson, readText, redactedHeaders, type ReadContext } from './read.js';
import { MAX_TIMER_MS, retryPolicy, type RetryOptions } from './retry.js';
import { send, type Logger } from './transport.js';
import type { CallOptions, Mode, RestcommResources, RestcommResult } from './types.js';

/** Options of `createClient`. Every one is optional; an `undefined` value means the default. */
export interface ClientOptions<M extends Mode = 'throw'> {
  /** Account SID (`AC…`) or email address; defaults to `RESTCOMM_ACCOUNT_SID`. */
  accountSid?: string | undefined;
  /** Auth token (or password); defaults to `RESTCOMM_AUTH_TOKEN`. */
  authToken?: string | undefined;
  /** Restcomm host with an optional port; the REST API base becomes `https://{domain}/restcomm/2012-04-24`. Defaults to `RESTCOMM_DOMAIN`, then the public cloud. */
  domain?: string | undefined;
  /** The REST API base URL instead of `domain` (e.g. a local server or mock); defaults to `RESTCOMM_BASE_URL`. */
  baseUrl?: string | undefined;
  /** Milliseconds a call may take, retries included, before it fails with RestcommTimeoutError (default 30000; 0 = none; at most 2147483647). */
  timeout?: number | undefined;
  /** Opt-in retries of idempotent requests on 429, 503 and network errors (`true` for the defaults). */
  retry?: RetryOptions | boolean | undefined;
  /** Receives one line per request, answer and retry; never headers or credentials. */
  logger?: Logger | undefined;
  /**
   * `'throw'` (the default): a failed call rejects with a RestcommError. `'result'`: every method resolves with
   * `{ data, error, response }` instead, whatever the failure (argument mistakes still throw TypeError).
   */
  errors?: M | undefined;
  /** The largest answer body read, in bytes (default 33554432, 32 MiB); a larger one fails with RestcommResponseTooLargeError. */
  maxResponseBytes?: number | undefined;
  /** The `User-Agent` header (default `restcomm-cpaas/<version>` and the runtime, e.g. `node/20.19.0`). */
  userAgent?: string | undefined;
  /** A fetch implementation (defaults to the global one); it is called unbound, as `fetch(url, init)`. */
  fetch?: typeof globalThis.fetch | undefined;
}

/** What `createClient` returns: the resource tree (`client.calls`, `client.sms.messages`, …), `raw` and `accountSid`. */
export type RestcommClient<M extends Mode = 'throw'> = RestcommResources<M> & {
  /** The typed openapi-fetch client underneath, for anything the resources do not cover. */
  readonly raw: RawClient;
  /** The account SID paths default to. */
  readonly accountSid: string;
};

const env = (name: string): string | undefined => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;

function checkTimeout(where: string, ms: unknown): number {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_TIMER_MS) {
    throw new TypeError(`${where}timeout must be a number of ms from 0 to ${MAX_TIMER_MS} (about 24.8 days), got ${String(ms)}`);
  }
  return ms;
}

/**
 * Creates a client for the Restcomm API: one namespace per resource and one method per operation of the spec
 * (`client.calls.create(…)`, `client.sms.messages.each(…)`), each typed from the spec.
 *
 * Credentials and host default to `RESTCOMM_ACCOUNT_SID`, `RESTCOMM_AUTH_TOKEN` and `RESTCOMM_DOMAIN` (or
 * `RESTCOMM_BASE_URL`); options may be passed straight from `process.env` (an undefined value means "use the
 * default"). Throws TypeError at once for a missing credential or an invalid option; every call then fails with a
 * RestcommError subclass (or resolves with it, with `errors: 'result'`).
 *
 * @example
 * ```ts
 * const client = createClient({ accountSid: process.env.RESTCOMM_ACCOUNT_SID, authToken: process.env.RESTCOMM_AUTH_TOKEN });
 * const call = await client.calls.fetch('ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9');
 * ```
 */
// One signature, not overloads: a wrong option then gets one error about that option.
export function createClient<M extends Mode = 'throw'>(options: ClientOptions<M> = {}): RestcommClient<M> {
  const accountSid = options.accountSid ?? env('RESTCOMM_ACCOUNT_SID');
  const authToken = options.authToken ?? env('RESTCOMM_AUTH_TOKEN');
  if (!accountSid) throw new TypeError('accountSid is required: pass it to createClient or set RESTCOMM_ACCOUNT_SID');
  if (!authToken) throw new TypeError('authToken is required: pass it to createClient or set RESTCOMM_AUTH_TOKEN');
  const baseUrl = options.baseUrl ?? (options.domain ? undefined : env('RESTCOMM_BASE_URL'));
  const domain = baseUrl ? undefined : (options.domain ?? env('RESTCOMM_DOMAIN'));
  const timeoutMs = checkTimeout('', options.timeout ?? 30_000);
  const retry = retryPolicy(options.retry);
  const limit = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(limit) || limit < 0) throw new TypeError(`maxResponseBytes must be a whole number of bytes, got ${String(limit)}`);
  const baseFetch = options.fetch ?? globalThis.fetch;
  if (typeof baseFetch !== 'function') throw new TypeError('fetch must be a function (no global fetch in this runtime: pass one)');
  const resultMode = options.errors === 'result';
  const rawOptions = { accountSid, authToken, baseUrl, domain, fetch: baseFetch, userAgent: options.userAgent };
  // The same request builder and context as the raw client: the two send byte-identical requests.
  const context = requestContext(rawOptions);
  const raw = createRawClient(rawOptions);
  const redact = createRedactor(accountSid, authToken);

  async function call(id: OperationId, args: unknown[]): Promise<{ data: unknown; response: Response }> {
    const op: RuntimeOperation = operations[id];
    const where = `${op.sdk.namespace.join('.')}.${op.sdk.method}`;
    const pathValues: Record<string, unknown> = {};
    op.sdk.args.forEach((param, i) => (pathValues[param] = args[i]));
    const rest = args.slice(op.sdk.args.length);
    const payload = op.sdk.payload ? rest[0] : undefined;
    const callOptions = (op.sdk.payload ? rest[1] : rest[0]) as (CallOptions & { query?: unknown }) | undefined;
    if (callOptions !== undefined && (typeof callOptions !== 'object' || callOptions === null)) {
      throw new TypeError(`${where}: the last argument must be an options object, got ${callOptions === null ? 'null' : typeof callOptions}`);
    }
    if (op.sdk.payload === 'body' && op.bodyRequired && payload === undefined) throw new TypeError(`${where}: a request body is required`);
    const ms = callOptions?.timeout === undefined ? timeoutMs : checkTimeout(`${where}: `, callOptions.timeout);
    if (op.accountScoped) pathValues.AccountSid = callOptions?.accountSid ?? accountSid;
    const request = buildRequest(
      context,
      op,
      {
        path: pathValues,
        query: op.sdk.payload === 'query' ? payload : callOptions?.query,
        body: op.sdk.payload === 'body' ? payload : undefined,
        headers: callOptions?.headers,
      },
      where,
    );

    const { response, within, done } = await send(request.url, { method: request.method, headers: request.headers, body: request.body, redirect: 'follow' }, {
      fetch: baseFetch,
      retry,
      logger: options.logger,
      operationId: id,
      timeoutMs: ms,
      caller: callOptions?.signal,
      redact,
    });
    try {
      const info = () => ({ method: op.method, path: new URL(response.url || request.url).pathname, operationId: id });
      const read: ReadContext = { info, limit, redact };
      if (!response.ok) {
        throw new RestcommHttpError({
          ...info(),
          status: response.status,
          statusText: redact(response.statusText),
          body: await within(readErrorBody(response, read)),
          headers: redactedHeaders(response.headers, redact),
          response,
        });
      }
      return { data: await within(readData(op, response, read)), response };
    } finally {
      done();
    }
  }

  async function method(id: OperationId, args: unknown[]): Promise<unknown> {
    if (!resultMode) return (await call(id, args)).data;
    try {
      return await call(id, args);
    } catch (error) {
      // Argument mistakes (TypeError) and the caller's own abort reason are not call outcomes: they stay thrown.
      if (!(error instanceof RestcommError)) throw error;
      return { error, response: error.response } satisfies RestcommResult<unknown>;
    }
  }

  const tree: Record<string, unknown> = {};
  for (const [id, op] of Object.entries(operations) as [OperationId, RuntimeOperation][]) {
    let node = tree;
    for (const part of op.sdk.namespace) node = (node[part] ??= {}) as Record<string, unknown>;
    node[op.sdk.method] = (...args: unknown[]) => method(id, args);
    if (op.sdk.method === 'list' && op.list) {
      node.each = (...args: unknown[]) => {
        const positional = args.slice(0, op.sdk.args.length);
        const query = (args[op.sdk.args.length] ?? {}) as Record<string, unknown>;
        const callOptions = args[op.sdk.args.length + 1];
        return paginate(op, id, query, (pageQuery) => call(id, [...positional, ...(op.sdk.payload === 'query' ? [pageQuery, callOptions] : [callOptions])]));
      };
    }
  }
  Object.defineProperty(tree, 'raw', { value: raw, enumerable: false });
  Object.defineProperty(tree, 'accountSid', { value: accountSid, enumerable: true });
  return tree as unknown as RestcommClient<M>;
}

/** Reads a success body the way the operation declares it (an empty body is undefined, as in openapi-fetch). */
async function readData(op: RuntimeOperation, response: Response, read: ReadContext): Promise<unknown> {
  if (op.responseKind === 'empty' || response.status === 204) {
    await response.body?.cancel().catch(() => {});
    return undefined;
  }
  if (op.responseKind === 'binary') return readBlob(response, read);
  if (op.responseKind === 'text') return readText(response, read, true);
  return readJson(response, read);
}
