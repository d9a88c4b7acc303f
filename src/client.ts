import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from '../generated/openapi-types.js';
import { runtimeOperations } from '../generated/runtime.js';
import { basicAuthorization } from './auth.js';
import { resolveBaseUrl } from './base-url.js';
import type { RuntimeOperation } from './operation-entry.js';
import { buildRequest, type RequestContext } from './request.js';
import { userAgent } from './user-agent.js';

/** Options of `createRawClient`: credentials, where the API is, and the fetch to use. */
export interface RawClientOptions {
  /** The Account SID (`AC…`) or account email address used as the Basic-auth user. */
  accountSid: string;
  /** The auth token (or the account password). */
  authToken: string;
  /** Full API base, e.g. `https://cloud.restcomm.com/restcomm/2012-04-24`. Use either this or `domain`. */
  baseUrl?: string | undefined;
  /** Host name (and optional port) of the Restcomm server; the base becomes `https://{domain}/restcomm/2012-04-24`. */
  domain?: string | undefined;
  /** A fetch implementation (defaults to the global one). It is called unbound, as `fetch(request)`. */
  fetch?: ClientOptions['fetch'] | undefined;
  /** The `User-Agent` header (default `restcomm-cpaas/<version>` and the runtime). */
  userAgent?: string | undefined;
}

/** The typed openapi-fetch client of the whole API: `GET`, `POST`, … on the spec's path templates. */
export type RawClient = Client<paths>;

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE';
const methods: Method[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'];

let routeIndex: Map<string, RuntimeOperation> | undefined;
let pathIndex: Map<string, RuntimeOperation> | undefined;

/** The operation the spec declares for a method and path template, if any. */
export function findOperation(method: string, path: string): RuntimeOperation | undefined {
  routeIndex ??= new Map(Object.values(runtimeOperations).map((op) => [`${op.method} ${op.path}`, op as RuntimeOperation]));
  return routeIndex.get(`${method} ${path}`);
}

/** Any operation on a path template: a method the table does not list there (e.g. PUT) still gets its path checks. */
function operationOnPath(method: string, path: string): RuntimeOperation | undefined {
  pathIndex ??= new Map(Object.values(runtimeOperations).map((op) => [op.path, op as RuntimeOperation]));
  const op = pathIndex.get(path);
  return op && { ...op, method };
}

/** The per-client part of every request: base URLs and the default headers. */
export function requestContext(options: RawClientOptions): RequestContext {
  const apiBase = resolveBaseUrl(options);
  return {
    apiBase,
    domain: options.baseUrl !== undefined ? undefined : options.domain,
    headers: { authorization: basicAuthorization(options.accountSid, options.authToken), 'user-agent': options.userAgent ?? userAgent() },
  };
}

/**
 * A typed openapi-fetch client for the Restcomm API: paths, parameters, bodies and responses are checked against the
 * generated types. Each call is built by the same request builder as the resource client's (`request.ts`): Basic
 * auth, User-Agent, path values checked and encoded, the query and body encoded as the spec declares; openapi-fetch
 * then sends exactly that request through its middleware and reads the answer.
 */
export function createRawClient(options: RawClientOptions): RawClient {
  const context = requestContext(options);
  const raw = createFetchClient<paths>({
    baseUrl: context.apiBase,
    // The builder has encoded the body already; strings and FormData pass through.
    bodySerializer: (body: unknown) => body as string,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const client = { ...raw } as Record<string, unknown>;
  for (const method of methods) {
    const call = raw[method] as (path: string, init?: Record<string, unknown>) => Promise<unknown>;
    client[method] = (path: string, init: Record<string, unknown> = {}) => {
      const op = findOperation(method, path) ?? operationOnPath(method, path);
      if (!op) return Promise.reject(new TypeError(`${method} ${String(path)} is not a path of the Restcomm API spec`));
      const params = (init.params ?? {}) as { path?: Record<string, unknown>; query?: unknown; header?: Record<string, unknown> };
      let built;
      try {
        built = buildRequest(
          context,
          op,
          {
            path: params.path,
            query: params.query,
            body: init.body,
            headers: { ...params.header, ...(init.headers instanceof Headers ? Object.fromEntries(init.headers) : (init.headers as Record<string, unknown> | undefined)) },
            baseUrl: typeof init.baseUrl === 'string' ? init.baseUrl.replace(/\/+$/, '') : undefined,
          },
          `${method} ${path}`,
        );
      } catch (err) {
        return Promise.reject(err);
      }
      const [url, search = ''] = built.url.split(/\?(.*)/s);
      // openapi-fetch builds its Request from these: the URL, query, headers and body are the builder's, verbatim.
      return call(path, {
        ...init,
        baseUrl: undefined,
        params: { path: {} },
        pathSerializer: () => url,
        querySerializer: () => search,
        headers: built.headers,
        body: built.body,
      });
    };
  }
  return client as unknown as RawClient;
}
