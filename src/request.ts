// The one request builder: (operation, path values, query, body, headers) → method, URL, headers, body. The resource
// client and the raw openapi-fetch client both send what this returns, so every check on what leaves the SDK (path
// segments, query keys, form fields, header values) lives here once.
import { serverFor } from './base-url.js';
import { encodeForm, encodeQuery } from './form.js';
import type { RuntimeOperation } from './operation-entry.js';

export const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
export const MULTIPART_MEDIA_TYPE = 'multipart/form-data';

/** What one client adds to every request. */
export interface RequestContext {
  /** The REST API base, e.g. `https://cloud.restcomm.com/restcomm/2012-04-24`. */
  readonly apiBase: string;
  /** The host the cloud services' own servers are filled in with; undefined with an explicit base URL. */
  readonly domain: string | undefined;
  /** Headers sent with every request (lower-case names): authorization, user-agent. */
  readonly headers: Readonly<Record<string, string>>;
}

/** The caller's side of one request. */
export interface RequestParts {
  /** A value for every `{Name}` of the path template. */
  readonly path?: Readonly<Record<string, unknown>> | undefined;
  readonly query?: unknown;
  readonly body?: unknown;
  /** Extra headers (a `null` value removes a default one). */
  readonly headers?: unknown;
  /** Another base URL for this one request (the raw client's `baseUrl` option). */
  readonly baseUrl?: string | undefined;
}

/** Exactly what goes to `fetch`. */
export interface BuiltRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | FormData | undefined;
}

const templates = new Map<string, string[]>();
const patterns = new Map<string, RegExp>();

function cut(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/**
 * One path segment's worth of a parameter: checked against the spec's pattern when it declares one (SIDs, enums),
 * then percent-encoded so that it cannot add a segment. `.` and `..` are refused outright: the URL parser treats them
 * (and their percent-encoded forms) as moves up the path, so no encoding keeps them in place.
 */
function pathValue(where: string, name: string, value: unknown, pattern: string | undefined): string {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`${where}: path parameter ${name} must be a non-empty string, got ${value === '' ? 'an empty string' : value === null ? 'null' : typeof value}`);
  }
  if (pattern !== undefined) {
    let regex = patterns.get(pattern);
    if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, 'u')));
    if (!regex.test(value)) throw new TypeError(`${where}: path parameter ${name} ${cut(value)} does not match the spec's pattern ${pattern}`);
  }
  if (/^\.+$/.test(value)) throw new TypeError(`${where}: path parameter ${name} must not be made of dots only (${cut(value)} would move up the path)`);
  try {
    return encodeURIComponent(value);
  } catch {
    throw new TypeError(`${where}: path parameter ${name} is not well-formed Unicode (a lone surrogate)`);
  }
}

function expandPath(where: string, op: RuntimeOperation, values: Readonly<Record<string, unknown>> | undefined): string {
  let parts = templates.get(op.path);
  if (!parts) templates.set(op.path, (parts = op.path.split(/\{([^{}]+)\}/)));
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = values && Object.hasOwn(values, name) ? values[name] : undefined;
    out += pathValue(where, name, value, op.pathPatterns?.[name]) + parts[i + 1]!;
  }
  return out;
}

const headerName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const headerValue = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Caller headers, checked here so that a bad one is an argument mistake, never a "network error" that gets retried. */
function mergeHeaders(where: string, into: Record<string, string>, extra: unknown): void {
  if (extra === undefined || extra === null) return;
  if (typeof extra !== 'object') throw new TypeError(`${where}: headers must be an object, got ${typeof extra}`);
  const entries: [string, unknown][] = extra instanceof Headers ? [...extra.entries()] : Array.isArray(extra) ? (extra as [string, unknown][]) : Object.entries(extra);
  for (const [name, value] of entries) {
    if (typeof name !== 'string' || !headerName.test(name)) throw new TypeError(`${where}: ${cut(String(name))} is not a valid header name`);
    const key = name.toLowerCase();
    if (value === undefined) continue;
    if (value === null) {
      delete into[key];
      continue;
    }
    const text = typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;
    if (typeof text !== 'string' || !headerValue.test(text)) throw new TypeError(`${where}: header ${name} has a value that cannot be sent (control characters, or not text)`);
    into[key] = text.trim();
  }
}

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
export function encodeBody(op: Pick<RuntimeOperation, 'requestMediaType' | 'commaFields'>, body: unknown): { mediaType: string | null; payload: string | FormData } {
  const mediaType = op.requestMediaType ?? 'application/json';
  if (mediaType === MULTIPART_MEDIA_TYPE) return { mediaType: null, payload: toFormData(body) };
  if (mediaType !== FORM_MEDIA_TYPE) return { mediaType, payload: JSON.stringify(body) };
  return { mediaType, payload: encodeForm(body, op.commaFields) };
}

/** Turns one call into the request to send; throws a TypeError naming the problem before anything is sent. */
export function buildRequest(context: RequestContext, op: RuntimeOperation, parts: RequestParts, where: string): BuiltRequest {
  const path = expandPath(where, op, parts.path);
  let search = '';
  if (parts.query !== undefined && parts.query !== null) {
    try {
      search = encodeQuery(parts.query, op.queryFormats);
    } catch (err) {
      throw err instanceof TypeError ? new TypeError(`${where}: ${err.message}`) : err;
    }
  }
  const base = parts.baseUrl ?? serverFor(op.server ?? null, context.apiBase, context.domain);
  const headers: Record<string, string> = { ...context.headers };
  let body: string | FormData | undefined;
  if (parts.body !== undefined) {
    try {
      const encoded = encodeBody(op, parts.body);
      body = encoded.payload;
      if (encoded.mediaType) headers['content-type'] = encoded.mediaType;
    } catch (err) {
      throw err instanceof TypeError ? new TypeError(`${where}: ${err.message}`) : err;
    }
  }
  mergeHeaders(where, headers, parts.headers);
  return { method: op.method, url: `${base}${path}${search ? `?${search}` : ''}`, headers, body };
}
