/**
 * The contract in front of the sandbox: every request, every answer and every webhook the sandbox sends is checked
 * against the bundled spec with Ajv (JSON Schema 2020-12). Validators are compiled on first use and cached.
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { anchorRefs, bundleAjv } from './schema-ajv.js';
import type { SandboxOperation } from './operations.js';
import { bundledSpec, deref, operationObject, type Json, type JsonObject } from './spec.js';

/** The sandbox itself broke the spec: an answer or a webhook it produced does not match. Names the violation. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    /** `GET /Accounts/{AccountSid}/Calls.json → 200` or `webhook callStatusCallback`. */
    readonly where: string,
    /** One line per violation: `body.calls[0].status: must be equal to one of the allowed values`. */
    readonly violations: readonly string[],
  ) {
    super(`Sandbox contract violation in ${where}: ${violations.join('; ')}`);
  }
}

/** A request that breaks the spec: the sandbox answers it with the operation's declared 400 (or 415). */
export interface RequestProblem {
  status: 400 | 415;
  message: string;
}

const makeAjv = (coerce: boolean): Ajv2020 => bundleAjv(bundledSpec(), { coerce });

// Answers are checked as they are; requests arrive as text, so their validator coerces to the declared types.
let strict: Ajv2020 | undefined;
let coercing: Ajv2020 | undefined;

const compiled = new Map<string, ValidateFunction>();
function validator(key: string, coerce: boolean, schema: () => Json): ValidateFunction {
  const cacheKey = `${coerce ? 'c' : 's'}:${key}`;
  let fn = compiled.get(cacheKey);
  if (!fn) {
    const ajv = coerce ? (coercing ??= makeAjv(true)) : (strict ??= makeAjv(false));
    fn = ajv.compile(anchorRefs(schema()) as object);
    compiled.set(cacheKey, fn);
  }
  return fn;
}

function describe(errors: ErrorObject[] | null | undefined, root: string): string[] {
  return (errors ?? []).map((e) => {
    const at = root + e.instancePath.replace(/\/(\d+)(?=\/|$)/g, '[$1]').replace(/\//g, '.');
    const extra = e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : '';
    return `${at}: ${e.message ?? e.keyword}${extra}`;
  });
}

function parametersOf(entry: SandboxOperation, place: 'path' | 'query'): JsonObject[] {
  const doc = bundledSpec();
  const { item, op } = operationObject(doc, entry.path, entry.method);
  const list = [...((item.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])];
  return list.map((p) => deref(doc, p)!).filter((p) => p.in === place);
}

function parametersSchema(entry: SandboxOperation, place: 'path' | 'query'): Json {
  const params = parametersOf(entry, place);
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name as string, (p.schema ?? {}) as Json])),
    required: params.filter((p) => p.required).map((p) => p.name as string),
  };
}

const arrayParams = new Map<SandboxOperation, Set<string>>();
/** Query parameter names the operation declares as arrays (their repeated keys are all kept). */
function arrayQueryParams(entry: SandboxOperation): Set<string> {
  let names = arrayParams.get(entry);
  if (!names) {
    const doc = bundledSpec();
    names = new Set(parametersOf(entry, 'query').filter((p) => deref(doc, p.schema)?.type === 'array').map((p) => p.name as string));
    arrayParams.set(entry, names);
  }
  return names;
}

function requestBodySchema(entry: SandboxOperation): Json | undefined {
  const doc = bundledSpec();
  const { op } = operationObject(doc, entry.path, entry.method);
  const body = deref(doc, op.requestBody);
  const media = (body?.content as JsonObject | undefined)?.[entry.requestMediaType ?? ''] as JsonObject | undefined;
  return media?.schema;
}

export interface ParsedRequest {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

/**
 * Checks one request against its operation and returns its parameters converted to the declared types (numbers,
 * booleans, arrays), or the problem to answer with.
 */
export function checkRequest(
  entry: SandboxOperation,
  operationId: string,
  pathParams: Record<string, string>,
  query: URLSearchParams,
  contentType: string | undefined,
  rawBody: string,
): { ok: true; request: ParsedRequest } | { ok: false; problem: RequestProblem } {
  const problems: string[] = [];
  const path: Record<string, unknown> = { ...pathParams };
  const pathCheck = validator(`${operationId}:path`, true, () => parametersSchema(entry, 'path'));
  if (!pathCheck(path)) problems.push(...describe(pathCheck.errors, 'path'));

  const arrays = arrayQueryParams(entry);
  const queryObject: Record<string, unknown> = {};
  for (const name of new Set(query.keys())) queryObject[name] = arrays.has(name) ? query.getAll(name) : query.get(name);
  const queryCheck = validator(`${operationId}:query`, true, () => parametersSchema(entry, 'query'));
  if (!queryCheck(queryObject)) problems.push(...describe(queryCheck.errors, 'query'));

  const body: Record<string, unknown> = {};
  if (entry.requestMediaType) {
    const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
    if (rawBody.length > 0 && type !== entry.requestMediaType) {
      return { ok: false, problem: { status: 415, message: `Content-Type must be ${entry.requestMediaType}, got ${type || 'none'}` } };
    }
    if (entry.requestMediaType === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(rawBody);
      for (const name of new Set(form.keys())) {
        const values = form.getAll(name);
        // The server splits comma-joined array fields (StatusCallbackEvent) on commas, without trimming. A repeated
        // key is kept as a list; a single value becomes a one-item list where the schema wants an array (Ajv coercion).
        body[name] = entry.commaFields.includes(name) ? values.flatMap((v) => v.split(',')) : values.length > 1 ? values : values[0];
      }
    } else if (rawBody.length > 0) {
      try {
        Object.assign(body, JSON.parse(rawBody) as object);
      } catch {
        return { ok: false, problem: { status: 400, message: 'The body is not valid JSON' } };
      }
    }
    const schema = requestBodySchema(entry);
    if (schema !== undefined) {
      const bodyCheck = validator(`${operationId}:body`, true, () => schema);
      if (entry.bodyRequired || rawBody.length > 0) if (!bodyCheck(body)) problems.push(...describe(bodyCheck.errors, 'body'));
    }
  }
  if (problems.length) return { ok: false, problem: { status: 400, message: problems.join('; ') } };
  return { ok: true, request: { path: path as Record<string, string>, query: queryObject, body } };
}

/** What a handler answered, before it is written. */
export interface Answer {
  status: number;
  /** The media type; absent for an empty body. */
  type?: string;
  /** JSON value, text or bytes. */
  body?: unknown;
  headers?: Record<string, string>;
}

const responses = new Map<string, JsonObject | undefined>();
function declaredResponse(entry: SandboxOperation, status: number): JsonObject | undefined {
  const key = `${entry.method} ${entry.path} ${status}`;
  if (!responses.has(key)) responses.set(key, findResponse(entry, status));
  return responses.get(key);
}

function findResponse(entry: SandboxOperation, status: number): JsonObject | undefined {
  const doc = bundledSpec();
  const { op } = operationObject(doc, entry.path, entry.method);
  const responses = op.responses as JsonObject;
  return deref(doc, responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default);
}

/** Does the operation declare this status (explicitly, as a range or as `default`)? */
export function declaresStatus(entry: SandboxOperation, status: number): boolean {
  return declaredResponse(entry, status) !== undefined;
}

/** The media types the operation declares for a status, in spec order. */
export function declaredTypes(entry: SandboxOperation, status: number): string[] {
  return Object.keys((declaredResponse(entry, status)?.content as JsonObject | undefined) ?? {});
}

/** Throws `ContractViolationError` unless the answer is one the spec declares for the operation. */
export function checkAnswer(entry: SandboxOperation, operationId: string, answer: Answer): void {
  const where = `${operationId} (${entry.method} ${entry.path}) → ${answer.status}`;
  const declared = declaredResponse(entry, answer.status);
  if (!declared) throw new ContractViolationError(where, [`status ${answer.status} is not declared`]);
  const content = (declared.content as JsonObject | undefined) ?? {};
  if (answer.type === undefined) {
    if (answer.body !== undefined) throw new ContractViolationError(where, ['a body without a media type']);
    return;
  }
  const media = content[answer.type] as JsonObject | undefined;
  if (!media) throw new ContractViolationError(where, [`media type ${answer.type} is not declared (declared: ${Object.keys(content).join(', ') || 'no body'})`]);
  if (answer.type !== 'application/json' && answer.type !== 'text/plain') return; // binary media: nothing to check
  const check = validator(`${operationId}:${answer.status}:${answer.type}`, false, () => media.schema ?? {});
  if (!check(answer.body)) throw new ContractViolationError(where, describe(check.errors, 'body'));
}

/** Throws `ContractViolationError` unless `params` (already typed by the webhook parser) match webhook `kind`. */
export function checkWebhook(kind: string, params: Record<string, unknown>): void {
  const check = validator(`webhook:${kind}`, false, () => {
    const doc = bundledSpec();
    const item = deref(doc, (doc.webhooks as JsonObject)[kind]);
    const op = (item?.post ?? item?.get) as JsonObject | undefined;
    const body = deref(doc, op?.requestBody);
    const media = (body?.content as JsonObject | undefined)?.['application/x-www-form-urlencoded'] as JsonObject | undefined;
    if (!media) throw new Error(`The bundled spec has no form body for webhook ${kind}`);
    return media.schema ?? {};
  });
  if (!check(params)) throw new ContractViolationError(`webhook ${kind}`, describe(check.errors, 'params'));
}
