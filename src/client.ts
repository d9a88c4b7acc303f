import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from '../generated/openapi-types.js';
import { operations, routes } from '../generated/operations.js';
import { basicAuthorization } from './auth.js';
import { resolveBaseUrl } from './base-url.js';
import { encodeForm } from './form.js';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';

export interface RestcommClientOptions {
  /** The Account SID (`AC…`) or account email address used as the Basic-auth user. */
  accountSid: string;
  /** The auth token (or the account password). */
  authToken: string;
  /** Full API base, e.g. `https://cloud.restcomm.com/restcomm/2012-04-24`. Use either this or `domain`. */
  baseUrl?: string;
  /** Host name of the Restcomm server; the base becomes `https://{domain}/restcomm/2012-04-24`. */
  domain?: string;
  /** A fetch implementation (defaults to the global one). */
  fetch?: ClientOptions['fetch'];
}

export type RestcommRawClient = Client<paths>;

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH' | 'HEAD' | 'OPTIONS' | 'TRACE';
const methods: Method[] = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE'];

/** The request media type the spec declares for an operation, looked up by method and path template. */
export function requestMediaType(method: string, path: string): string | null {
  const id = routes[`${method} ${path}`];
  return id ? operations[id].requestMediaType : null;
}

function serializeBody(body: unknown, headers?: Headers | Record<string, string | number | boolean | null | undefined>): string {
  const type = headers instanceof Headers ? headers.get('Content-Type') : (headers?.['Content-Type'] ?? null);
  return type === FORM_MEDIA_TYPE ? encodeForm(body) : JSON.stringify(body);
}

/**
 * A typed openapi-fetch client for the Restcomm API: paths, parameters, bodies and responses are checked against the
 * generated types. It adds Basic auth and encodes bodies the way the spec declares them, setting the form
 * Content-Type only when a request actually has a body.
 */
export function createRestcommClient(options: RestcommClientOptions): RestcommRawClient {
  const authorization = basicAuthorization(options.accountSid, options.authToken);
  const raw = createFetchClient<paths>({
    baseUrl: resolveBaseUrl(options),
    bodySerializer: serializeBody,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  raw.use({
    onRequest({ request }) {
      request.headers.set('Authorization', authorization);
      return request;
    },
  });
  const client = { ...raw } as Record<string, unknown>;
  for (const method of methods) {
    const call = raw[method] as (path: string, init?: Record<string, unknown>) => Promise<unknown>;
    client[method] = (path: string, init?: Record<string, unknown>) => {
      if (init?.body === undefined) return call(path, init);
      const mediaType = requestMediaType(method, path) ?? 'application/json';
      const headers = new Headers(init.headers as HeadersInit | undefined);
      if (!headers.has('Content-Type')) headers.set('Content-Type', mediaType);
      return call(path, { ...init, headers });
    };
  }
  return client as unknown as RestcommRawClient;
}
