// createClient: the resource-style SDK, assembled at run time from the generated operations table.
import { createQuerySerializer } from 'openapi-fetch';
import { basicAuthorization } from '../auth.js';
import { createRestcommClient, encodeBody, type RestcommRawClient } from '../client.js';
import { resolveBaseUrl, serverFor } from '../base-url.js';
import { runtimeOperations as operations, type RuntimeOperationId as OperationId } from '../../generated/runtime.js';
import type { RestcommResources } from '../../generated/sdk.js';
import type { RuntimeOperation } from '../operation-entry.js';
import { RestcommError } from './errors.js';
import { paginate } from './paginate.js';
import { retryPolicy, type RetryOptions } from './retry.js';
import { send, type Logger } from './transport.js';
import type { CallOptions, Mode, RestcommResult } from './types.js';

export interface ClientOptions<M extends Mode = 'throw'> {
  /** Account SID (`AC…`) or email address; defaults to `RESTCOMM_ACCOUNT_SID`. */
  accountSid?: string;
  /** Auth token (or password); defaults to `RESTCOMM_AUTH_TOKEN`. */
  authToken?: string;
  /** Restcomm host; the REST API base becomes `https://{domain}/restcomm/2012-04-24`. Defaults to `RESTCOMM_DOMAIN`, then the public cloud. */
  domain?: string;
  /** The REST API base URL instead of `domain` (e.g. a local server or mock); defaults to `RESTCOMM_BASE_URL`. */
  baseUrl?: string;
  /** Milliseconds a call may take, retries included, before it fails with RestcommTimeoutError (default 30000; 0 = none). */
  timeout?: number;
  /** Opt-in retries of idempotent requests on 429, 503 and network errors (`true` for the defaults). */
  retry?: RetryOptions | boolean;
  /** Receives one line per request, answer and retry; never headers or credentials. */
  logger?: Logger;
  /** `result` returns `{ data, error, response }` instead of throwing. */
  errors?: M extends 'result' ? 'result' : 'throw';
  fetch?: typeof globalThis.fetch;
}

export type RestcommClient<M extends Mode = 'throw'> = RestcommResources<M> & {
  /** The typed openapi-fetch client underneath, for anything the resources do not cover. */
  readonly raw: RestcommRawClient;
  /** The account SID paths default to. */
  readonly accountSid: string;
};

const env = (name: string): string | undefined => (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;

const argName = (param: string) => param[0]!.toLowerCase() + param.slice(1);

/**
 * Path templates split once into literal text and parameter names, then joined per call: the same simple-style
 * expansion as openapi-fetch's path serializer (every parameter is percent-encoded), without re-scanning the template.
 */
const compiledPaths = new Map<string, string[]>();
function expandPath(template: string, values: Record<string, string>): string {
  let parts = compiledPaths.get(template);
  if (!parts) compiledPaths.set(template, (parts = template.split(/\{([^{}]+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) out += encodeURIComponent(values[parts[i]!]!) + parts[i + 1]!;
  return out;
}

/** Error bodies: a text/plain body stays text ("21452" is a message, not a number); others parse as JSON when they can. */
function parseErrorBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType?.startsWith('text/')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Reads a success body the way the operation declares it (an empty body is undefined, as in openapi-fetch). */
async function readData(op: RuntimeOperation, response: Response): Promise<unknown> {
  if (op.responseKind === 'empty' || response.status === 204) {
    await response.body?.cancel();
    return undefined;
  }
  if (op.responseKind === 'binary') return response.blob();
  const text = await response.text();
  if (op.responseKind === 'text') return text;
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export function createClient(options: ClientOptions<'result'> & { errors: 'result' }): RestcommClient<'result'>;
export function createClient(options?: ClientOptions<'throw'>): RestcommClient<'throw'>;
export function createClient(options: ClientOptions<Mode> = {}): RestcommClient<Mode> {
  const accountSid = options.accountSid ?? env('RESTCOMM_ACCOUNT_SID');
  const authToken = options.authToken ?? env('RESTCOMM_AUTH_TOKEN');
  if (!accountSid) throw new TypeError('accountSid is required: pass it to createClient or set RESTCOMM_ACCOUNT_SID');
  if (!authToken) throw new TypeError('authToken is required: pass it to createClient or set RESTCOMM_AUTH_TOKEN');
  const baseUrl = options.baseUrl ?? (options.domain ? undefined : env('RESTCOMM_BASE_URL'));
  const domain = baseUrl ? undefined : (options.domain ?? env('RESTCOMM_DOMAIN'));
  const apiBase = resolveBaseUrl({ baseUrl, domain });
  const timeoutMs = options.timeout ?? 30_000;
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new TypeError(`timeout must be a non-negative number of ms, got ${timeoutMs}`);
  const retry = retryPolicy(options.retry);
  const baseFetch = options.fetch ?? globalThis.fetch;
  const resultMode = options.errors === 'result';
  const raw = createRestcommClient({ accountSid, authToken, ...(domain ? { domain } : { baseUrl: apiBase }), fetch: baseFetch });

  // The hot path calls fetch directly: the same request the raw client would send, without building a Request object
  // and running openapi-fetch's middleware chain per call.
  const querySerializer = createQuerySerializer();
  const authorization = basicAuthorization(accountSid, authToken);

  async function call(id: OperationId, args: unknown[]): Promise<{ data: unknown; response: Response }> {
    const op: RuntimeOperation = operations[id];
    const where = `${op.sdk.namespace.join('.')}.${op.sdk.method}`;
    const pathValues: Record<string, string> = {};
    op.sdk.args.forEach((param, i) => {
      const value = args[i];
      if (typeof value !== 'string' || value === '') {
        throw new TypeError(`${where}: ${argName(param)} (${param}) must be a non-empty string, got ${value === '' ? 'an empty string' : typeof value}`);
      }
      pathValues[param] = value;
    });
    const rest = args.slice(op.sdk.args.length);
    const payload = op.sdk.payload ? rest[0] : undefined;
    const callOptions = (op.sdk.payload ? rest[1] : rest[0]) as (CallOptions & { query?: unknown }) | undefined;
    if (callOptions !== undefined && (typeof callOptions !== 'object' || callOptions === null)) {
      throw new TypeError(`${where}: the last argument must be an options object, got ${typeof callOptions}`);
    }
    if (op.sdk.payload === 'body' && op.bodyRequired && payload === undefined) throw new TypeError(`${where}: a request body is required`);
    const ms = callOptions?.timeout ?? timeoutMs;
    if (!Number.isFinite(ms) || ms < 0) throw new TypeError(`${where}: timeout must be a non-negative number of ms, got ${ms}`);
    if (op.accountScoped) pathValues.AccountSid = callOptions?.accountSid ?? accountSid!;

    const query = (op.sdk.payload === 'query' ? payload : callOptions?.query) as Record<string, unknown> | undefined;
    // The query goes through openapi-fetch's serializer (form style, arrays exploded), as the raw client sends it.
    const search = query ? querySerializer(query) : '';
    const url = `${serverFor(op.server ?? null, apiBase, domain)}${expandPath(op.path, pathValues)}${search ? `?${search}` : ''}`;
    const headers: Record<string, string> = { Authorization: authorization };
    let body: string | FormData | undefined;
    if (op.sdk.payload === 'body' && payload !== undefined) {
      const encoded = encodeBody(op, payload);
      body = encoded.payload;
      if (encoded.mediaType) headers['Content-Type'] = encoded.mediaType;
    }
    if (callOptions?.headers) Object.assign(headers, callOptions.headers);

    const { response, within, done } = await send(url, { method: op.method, headers, body, redirect: 'follow' }, {
      fetch: baseFetch,
      retry,
      logger: options.logger,
      operationId: id,
      timeoutMs: ms,
      caller: callOptions?.signal,
    });
    try {
      if (!response.ok) {
        const failure = new RestcommError({
          method: op.method,
          path: new URL(response.url || url).pathname,
          operationId: id,
          status: response.status,
          statusText: response.statusText,
          body: parseErrorBody(await within(response.text()), response.headers.get('Content-Type')),
          headers: response.headers,
        });
        Object.defineProperty(failure, 'response', { value: response, enumerable: false });
        throw failure;
      }
      return { data: await within(readData(op, response)), response };
    } finally {
      done();
    }
  }

  async function method(id: OperationId, args: unknown[]): Promise<unknown> {
    if (!resultMode) return (await call(id, args)).data;
    try {
      return await call(id, args);
    } catch (error) {
      if (error instanceof TypeError) throw error; // programming errors are thrown in both modes
      const failure = error as RestcommResult<unknown>['error'];
      return { error: failure, response: (failure as { response?: Response } | undefined)?.response };
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
        return paginate(op, id, query, async (pageQuery) => {
          const payload = op.sdk.payload === 'query' ? [pageQuery, callOptions] : [callOptions];
          return (await call(id, [...positional, ...payload])).data;
        });
      };
    }
  }
  Object.defineProperty(tree, 'raw', { value: raw, enumerable: false });
  Object.defineProperty(tree, 'accountSid', { value: accountSid, enumerable: true });
  return tree as unknown as RestcommClient<Mode>;
}
