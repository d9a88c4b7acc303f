/**
 * Parsing the form parameters of the requests Restcomm sends to your server (webhooks) into typed payloads, driven
 * by a table generated from the spec (`generated/webhooks.ts`). `createWebhookParser` works on any such table;
 * `parseWebhook` (exported from `./index.js`) is the parser for the generated one.
 */
import type { webhooks as WebhookTypes } from '../../generated/openapi-types.js';
import type { FieldSpec, WebhookEntry } from './entry.js';

/** The request parameters: a `URLSearchParams`, a raw form or query string (`a=1&b=2`), or an already parsed object. */
export type WebhookInput = URLSearchParams | string | Readonly<Record<string, unknown>>;

/** A value after parsing: text, a converted number or boolean, or the values of a field declared as an array. */
export type WebhookValue = string | number | boolean | (string | number | boolean)[];

/**
 * Parameters outside the spec's named ones: families the spec matches by pattern (`SipHeader_X-…`), converted to their
 * type, and parameters it does not describe at all, kept as text.
 */
export type WebhookExtras = { readonly [name: string]: WebhookValue };

type OperationOf<P> = P extends { post: infer O } ? O : P extends { get: infer O } ? O : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? (NonNullable<B> extends { content: infer C } ? C[keyof C] : never) : never;

/** The payload of one webhook: the request body type openapi-typescript generated for its operation. */
export type WebhookPayload<K extends keyof WebhookTypes> = BodyOf<OperationOf<WebhookTypes[K]>>;

/** Every webhook's payload type, by webhook key. */
export type WebhookPayloads = { [K in keyof WebhookTypes]: WebhookPayload<K> };

/** A payload type without its index signature: only the names the spec declares. */
type Declared<P> = { [K in keyof P as string extends K ? never : number extends K ? never : K]: P[K] };

/**
 * What a parser returns for a kind: the parameters the spec names, typed, as members (so a misspelt name does not
 * compile), and every other parameter under `extras`. (A parser over an untyped table keeps its plain record type.)
 */
export type ParsedWebhook<P> = ([keyof Declared<P>] extends [never] ? P : Declared<P>) & { readonly extras: WebhookExtras };

/** One parameter that could not be used, with the reason. */
export interface WebhookProblem {
  readonly parameter: string;
  readonly value: string;
  readonly message: string;
}

/** A request that does not match its webhook's description, or an unknown webhook kind. */
export class WebhookError extends Error {
  override readonly name = 'WebhookError';
  /** The webhook kind that was asked for. */
  readonly kind: string;
  /** Required parameters that were absent (or sent without a value where a value is needed). */
  readonly missing: readonly string[];
  /** Parameters whose value could not be converted or is not allowed. */
  readonly problems: readonly WebhookProblem[];

  constructor(message: string, details: { kind: string; missing?: readonly string[]; problems?: readonly WebhookProblem[] }) {
    super(message);
    this.kind = details.kind;
    this.missing = details.missing ?? [];
    this.problems = details.problems ?? [];
  }
}

/** The parameters as (name, value) pairs in wire order, repeats included. */
function entriesOf(body: WebhookInput, kind: string): [string, string][] {
  if (body instanceof URLSearchParams) return [...body.entries()];
  if (typeof body === 'string') return [...new URLSearchParams(body).entries()]; // a leading '?' is dropped
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new TypeError(`parseWebhook(${JSON.stringify(kind)}): expected URLSearchParams, a form string or an object of parameters, got ${body === null ? 'null' : Array.isArray(body) ? 'an array' : typeof body}`);
  }
  const out: [string, string][] = [];
  const scalar = (name: string, value: unknown): string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
    throw new WebhookError(`Webhook ${kind}: parameter ${name} has a nested value (${describe(value)}); parse the body as a flat form`, {
      kind,
      problems: [{ parameter: name, value: describe(value), message: 'nested value' }],
    });
  };
  for (const [name, value] of Object.entries(body)) {
    if (value === undefined || value === null) continue;
    // A parsed payload's own `extras` object: its members are parameters again (so parsing is idempotent).
    if (name === 'extras' && typeof value === 'object' && !Array.isArray(value)) {
      for (const [extra, v] of Object.entries(value as Record<string, unknown>)) {
        if (Array.isArray(v)) for (const item of v) out.push([extra, scalar(extra, item)]);
        else if (v !== undefined && v !== null) out.push([extra, scalar(extra, v)]);
      }
      continue;
    }
    if (Array.isArray(value)) for (const item of value) out.push([name, scalar(name, item)]);
    else out.push([name, scalar(name, value)]);
  }
  return out;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const integerText = /^[+-]?[0-9]+$/;
const numberText = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

type Converted = { ok: true; value: string | number | boolean } | { ok: false; message: string };

const regexCache = new Map<string, RegExp>();
function regexFor(pattern: string): RegExp {
  let regex = regexCache.get(pattern);
  if (!regex) regexCache.set(pattern, (regex = new RegExp(pattern, 'u')));
  return regex;
}

const dateTime = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** The formats the spec declares on webhook parameters; unknown formats are not judged. */
function formatProblem(format: string | undefined, text: string): string | undefined {
  switch (format) {
    case 'date-time':
      return dateTime.test(text) && !Number.isNaN(Date.parse(text)) ? undefined : 'is not an RFC 3339 date-time';
    case 'uri':
      return URL.canParse(text) ? undefined : 'is not an absolute URI';
    case 'uri-reference':
      return /^[^\s\0-\x1f\x7f]*$/.test(text) && URL.canParse(text, 'http://base.invalid/') ? undefined : 'is not a URI reference';
    default:
      return undefined;
  }
}

/** A value as messages show it: quoted and cut short, so a hostile request cannot flood a log through an error. */
export function shownValue(text: string): string {
  return JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text) + (text.length > 100 ? ` (${text.length} characters)` : '');
}

/** Converts one text value to the field's type and checks its enum. */
function convert(field: FieldSpec, text: string): Converted {
  const itemType = field.type === 'array' ? 'string' : field.type;
  let value: string | number | boolean = text;
  if (itemType === 'integer') {
    const n = Number(text);
    if (!integerText.test(text) || !Number.isSafeInteger(n)) return { ok: false, message: 'is not an integer' };
    value = n;
  } else if (itemType === 'number') {
    const n = Number(text);
    if (!numberText.test(text) || !Number.isFinite(n)) return { ok: false, message: 'is not a number' };
    value = n;
  } else if (itemType === 'boolean') {
    const lower = text.toLowerCase();
    if (lower !== 'true' && lower !== 'false') return { ok: false, message: 'is not true or false' };
    value = lower === 'true';
  }
  if (field.enum && !field.enum.includes(value as string | number)) {
    return { ok: false, message: `is not one of the allowed values: ${field.enum.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  if (typeof value === 'string') {
    // The spec's patterns (SIDs) and formats: a forged callback cannot hand `..` or a URL to a later SDK call as a SID.
    if (field.pattern !== undefined && !regexFor(field.pattern).test(value)) return { ok: false, message: `does not match the pattern ${field.pattern}` };
    const problem = formatProblem(field.format, value);
    if (problem) return { ok: false, message: problem };
  }
  return { ok: true, value };
}

/** An empty value stands for "no value" (Restcomm sends a bare name for null) when the field cannot hold empty text. */
function emptyMeansAbsent(field: FieldSpec): boolean {
  if (field.type === 'integer' || field.type === 'number' || field.type === 'boolean') return true;
  return field.type === 'string' && field.enum !== undefined && !field.enum.includes('');
}

function setOwn(target: Record<string, unknown>, name: string, value: unknown) {
  // defineProperty, so that names such as `__proto__` become ordinary members instead of touching the prototype.
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Creates a parser for the webhooks of `table`. The parser converts the parameters of a request Restcomm sent for
 * `kind` into the payload described by the spec:
 * - values arrive as text; `integer`, `number` and `boolean` parameters are converted and enums are checked;
 * - required parameters that are absent are reported together in one `WebhookError`;
 * - parameters the spec names become members; families it matches by pattern and parameters it does not describe
 *   (kept as text, never dropped) go into `extras`;
 * - a repeated name keeps its first value, unless the spec declares the parameter an array (then all values are kept);
 * - an empty value for a parameter that cannot be empty text (a number, a boolean, an enum) counts as absent.
 */
export function createWebhookParser<
  T extends Readonly<Record<string, WebhookEntry>>,
  P extends { [K in keyof T]: unknown } = { [K in keyof T]: Record<string, WebhookValue> },
>(table: T): <K extends keyof T & string>(kind: K, body: WebhookInput) => ParsedWebhook<P[K]> {
  return function parseWebhook<K extends keyof T & string>(kind: K, body: WebhookInput): ParsedWebhook<P[K]> {
    if (typeof kind !== 'string' || !Object.hasOwn(table, kind)) {
      const known = Object.keys(table);
      throw new WebhookError(`Unknown webhook kind ${JSON.stringify(kind)}; known kinds: ${known.join(', ')}`, { kind: String(kind) });
    }
    const entry: WebhookEntry = table[kind]!;
    const patterns = entry.patterns.map((p) => ({ regex: new RegExp(p.pattern, 'u'), field: p.field }));
    const fieldFor = (name: string): FieldSpec | undefined =>
      Object.hasOwn(entry.fields, name) ? entry.fields[name] : patterns.find((p) => p.regex.test(name))?.field;

    const result: Record<string, unknown> = {};
    const extras: Record<string, unknown> = {};
    const seen = new Set<string>();
    const problems: WebhookProblem[] = [];
    for (const [name, text] of entriesOf(body, kind)) {
      const field = fieldFor(name);
      if (!field) {
        // Not described by the spec: kept verbatim among the extras (first value wins on repeats).
        if (!seen.has(name)) setOwn(extras, name, text);
        seen.add(name);
        continue;
      }
      const target = Object.hasOwn(entry.fields, name) ? result : extras;
      const isArray = field.type === 'array';
      if (seen.has(name) && !isArray) continue;
      seen.add(name);
      if (text === '' && emptyMeansAbsent(field)) continue;
      const converted = convert(field, text);
      if (!converted.ok) {
        problems.push({ parameter: name, value: text.length > 200 ? `${text.slice(0, 200)}…` : text, message: `${name}=${shownValue(text)} ${converted.message}` });
        continue;
      }
      if (isArray) {
        const list = Object.hasOwn(target, name) ? (target[name] as unknown[]) : [];
        list.push(converted.value);
        setOwn(target, name, list);
      } else setOwn(target, name, converted.value);
    }
    const missing = entry.required.filter((name) => !Object.hasOwn(result, name) && !problems.some((p) => p.parameter === name));
    if (missing.length || problems.length) {
      const parts: string[] = [];
      if (missing.length) parts.push(`missing required parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
      for (const p of problems) parts.push(p.message);
      throw new WebhookError(`Invalid ${kind} webhook (${entry.operationId}): ${parts.join('; ')}`, { kind, missing, problems });
    }
    setOwn(result, 'extras', extras);
    return result as ParsedWebhook<P[K]>;
  };
}
