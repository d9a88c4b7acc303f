import createFetchClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths } from '../generated/openapi-types.js';
import { runtimeOperations } from '../generated/runtime.js';
import { basicAuthorization } from './auth.js';
import { DEFAULT_DOMAIN, resolveBaseUrl, serverFor } from './base-url.js';
import { encodeForm } from './form.js';
import type { RuntimeOperation } from './operation-entry.js';

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

let routeIndex: Map<string, RuntimeOperation> | undefined;

/** The operation the spec declares for a method and path template, if any. */
export function findOperation(method: string, path: string): RuntimeOperation | undefined {
  routeIndex ??= new Map(Object.values(runtimeOperations).map((op) => [`${op.method} ${op.path}`, op as RuntimeOperation]));
  return routeIndex.get(`${method} ${path}`);
}

export const MULTIPART_MEDIA_TYPE = 'multipart/form-data';

/** Builds multipart form data from a plain object of strings and Blobs (arrays repeat the part). */
function toFormData(body: unknown): FormData {
  if (body instanceof FormData) return body;
  if (body === null || typeof body !== 'object') throw new TypeError(`A multipart body must be FormData or an object of parts, got ${body === null ? 'null' : typeof body}`);
  const data = new FormData();
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    for (const part of Array.isArray(value) ? value : [value]) {
      if (part === undefined) continue;
      if (part instanceof Blob) data.append(name, part, part instanceof File ? part.name : name);
      else if (typeof part === 'string' || typeof part === 'number' || typeof part === 'boolean') data.append(name, String(part));
      else throw new TypeError(`Multipart part "${name}" must be a string, number, boolean or Blob, got ${part === null ? 'null' : typeof part}`);
    }
  }
  return data;
}

/**
 * Encodes a body as its operation declares: form fields (arrays per their encoding), multipart parts, or JSON.
 * Multipart has no media type here: fetch sets it with the boundary.
 */
export function encodeBody(op: RuntimeOperation | undefined, body: unknown): { mediaType: string | null; payload: string | FormData } {
  const mediaType = op?.requestMediaType ?? 'application/json';
  if (mediaType === MULTIPART_MEDIA_TYPE) return { mediaType: null, payload: toFormData(body) };
  if (mediaType !== FORM_MEDIA_TYPE) return { mediaType, payload: JSON.stringify(body) };
  return { mediaType, payload: encodeForm(body, op?.commaFields) };
}

/**
 * A typed openapi-fetch client for the Restcomm API: paths, parameters, bodies and responses are checked against the
 * generated types. It adds Basic auth and encodes bodies the way the spec declares them, setting the form
 * Content-Type only when a request actually has a body.
 */
export function createRestcommClient(options: RestcommClientOptions): RestcommRawClient {
  const authorization = basicAuthorization(options.accountSid, options.authToken);
  const apiBase = resolveBaseUrl(options);
  const raw = createFetchClient<paths>({
    baseUrl: apiBase,
    // A default header rather than a middleware: openapi-fetch skips its middleware machinery when none is registered.
    headers: { Authorization: authorization },
    // Bodies are encoded per operation before they reach openapi-fetch (see below); strings pass through.
    bodySerializer: (body: unknown) => (typeof body === 'string' || body instanceof FormData ? body : JSON.stringify(body)) as string,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const client = { ...raw } as Record<string, unknown>;
  for (const method of methods) {
    const call = raw[method] as (path: string, init?: Record<string, unknown>) => Promise<unknown>;
    client[method] = (path: string, init?: Record<string, unknown>) => {
      const op = findOperation(method, path);
      // Cloud services outside the REST API base go to their own server unless the call names one.
      if (op?.server && init?.baseUrl === undefined) init = { ...init, baseUrl: serverFor(op.server, apiBase, options.baseUrl ? undefined : (options.domain ?? DEFAULT_DOMAIN)) };
      if (init?.body === undefined) return call(path, init);
      const { mediaType, payload } = encodeBody(op, init.body);
      const headers = new Headers(init.headers as HeadersInit | undefined);
      if (mediaType && !headers.has('Content-Type')) headers.set('Content-Type', mediaType);
      return call(path, { ...init, headers, body: payload });
    };
  }
  return client as unknown as RestcommRawClient;
}
