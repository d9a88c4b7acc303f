// Builds the operations table (operationId -> method, path, tag, request encoding, list shape, SDK name) from the
// bundle. The generator writes it out in two parts that share nothing: what the SDK reads at run time
// (generated/runtime.ts) and the facts only tools and readers need (generated/operations.ts).
import type { OperationFacts, RuntimeOperation } from '../../src/operation-entry.js';
import { deref, listOperations, type Json, type JsonObject } from '../../tools/spec.js';
import { assertUniqueSdkNames, sdkName } from './sdk-names.js';


function params(doc: JsonObject, pathItem: JsonObject, operation: JsonObject, where: string): string[] {
  const all = [...((pathItem.parameters as Json[]) ?? []), ...((operation.parameters as Json[]) ?? [])];
  return all
    .map((p) => deref(doc, p))
    .filter((p): p is JsonObject => !!p && p.in === where)
    .map((p) => String(p.name));
}

function paramSchemas(doc: JsonObject, pathItem: JsonObject, operation: JsonObject, where: string): [string, JsonObject | undefined][] {
  const all = [...((pathItem.parameters as Json[]) ?? []), ...((operation.parameters as Json[]) ?? [])];
  return all
    .map((p) => deref(doc, p))
    .filter((p): p is JsonObject => !!p && p.in === where)
    .map((p) => [String(p.name), deref(doc, p.schema)]);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern a value of this schema must match, when the schema pins one down: its `pattern`, its string `enum`,
 * `format: email`, or an `anyOf`/`oneOf` whose every branch does. Null when any value of the type is allowed.
 */
export function valuePattern(doc: JsonObject, schema: JsonObject | undefined): string | null {
  if (!schema) return null;
  if (typeof schema.pattern === 'string') return schema.pattern;
  const values = schema.const !== undefined ? [schema.const] : schema.enum;
  if (Array.isArray(values) && values.length && values.every((v) => typeof v === 'string')) return `^(?:${(values as string[]).map(escapeRegex).join('|')})$`;
  if (schema.format === 'email') return '^[^@\\s/]+@[^@\\s/]+$';
  const branches = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (Array.isArray(branches) && branches.length) {
    const parts = branches.map((b) => valuePattern(doc, deref(doc, b)));
    if (parts.some((p) => p === null)) return null;
    return parts.map((p) => `(?:${p})`).join('|');
  }
  return null;
}

function requiredParams(doc: JsonObject, pathItem: JsonObject, operation: JsonObject, where: string): string[] {
  const all = [...((pathItem.parameters as Json[]) ?? []), ...((operation.parameters as Json[]) ?? [])];
  return all
    .map((p) => deref(doc, p))
    .filter((p): p is JsonObject => !!p && p.in === where && p.required === true)
    .map((p) => String(p.name));
}

function isPageEnvelope(doc: JsonObject, schema: JsonObject): string | null {
  const parts = (schema.allOf as Json[] | undefined)?.map((s) => ({ raw: s, resolved: deref(doc, s) })) ?? [];
  const hasEnvelope = parts.some((p) => p.raw && typeof p.raw === 'object' && !Array.isArray(p.raw) && String(p.raw.$ref ?? '').endsWith('/PageEnvelope'));
  if (!hasEnvelope) return null;
  for (const { resolved } of parts) {
    const props = resolved?.properties as JsonObject | undefined;
    if (!props) continue;
    for (const [key, prop] of Object.entries(props)) {
      if (deref(doc, prop)?.type === 'array') return key;
    }
  }
  throw new Error('A paged response has no array member for its items');
}

/** One row of the table as the generator sees it: everything the two generated files hold, and how arrays travel. */
export type OperationRow = OperationFacts & Pick<RuntimeOperation, 'method' | 'path' | 'responseKind' | 'sdk'> & {
  requestMediaType: string | null;
  bodyRequired: boolean;
  server: string | null;
  list: NonNullable<RuntimeOperation['list']> | null;
  /** Array form fields and how they travel: repeated keys, or one comma-joined field (`explode: false`). */
  formArrays: Record<string, 'repeat' | 'comma'>;
  pathPatterns: Record<string, string>;
  queryFormats: Record<string, string>;
};

export function buildOperationsTable(doc: JsonObject): Record<string, OperationRow> {
  const table: Record<string, OperationRow> = {};
  const rootSecured = Array.isArray(doc.security) && doc.security.length > 0;
  for (const { operationId, method, path, pathItem, operation } of listOperations(doc)) {
    if (table[operationId]) throw new Error(`operationId ${operationId} is used twice`);
    const requestBody = deref(doc, operation.requestBody);
    const content = (requestBody?.content ?? {}) as JsonObject;
    const requestMediaType = Object.keys(content)[0] ?? null;
    const bodySchema = requestMediaType ? deref(doc, (content[requestMediaType] as JsonObject).schema) : undefined;
    // Form arrays go out as repeated keys unless the spec's encoding says `explode: false` (one comma-joined field).
    const encoding = (requestMediaType ? ((content[requestMediaType] as JsonObject).encoding ?? {}) : {}) as JsonObject;
    const formArrays: Record<string, 'repeat' | 'comma'> = {};
    for (const [field, schema] of Object.entries((bodySchema?.properties ?? {}) as JsonObject)) {
      if (deref(doc, schema)?.type !== 'array') continue;
      formArrays[field] = (encoding[field] as JsonObject | undefined)?.explode === false ? 'comma' : 'repeat';
    }
    const responses = (operation.responses ?? {}) as JsonObject;
    const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s)).sort()[0];
    if (!success) throw new Error(`${operationId} declares no 2xx response`);
    const successResponse = deref(doc, responses[success]);
    const json = ((successResponse?.content ?? {}) as JsonObject)['application/json'] as JsonObject | undefined;
    const schema = json ? deref(doc, json.schema) : undefined;
    let list: OperationRow['list'] = null;
    if (schema?.type === 'array') list = { kind: 'array' };
    else if (schema) {
      const itemsKey = isPageEnvelope(doc, schema);
      if (itemsKey) list = { kind: 'page', itemsKey };
    }
    const security = operation.security as Json[] | undefined;
    const successTypes = Object.keys((successResponse?.content ?? {}) as JsonObject);
    const responseKind = successTypes.length === 0 ? 'empty' : successTypes.some((t) => t.includes('json')) ? 'json' : successTypes.every((t) => t.startsWith('text/')) ? 'text' : 'binary';
    const servers = (operation.servers ?? pathItem.servers) as JsonObject[] | undefined;
    const pathParams = params(doc, pathItem, operation, 'path');
    const queryParams = params(doc, pathItem, operation, 'query');
    const pathPatterns: Record<string, string> = {};
    for (const [param, schema] of paramSchemas(doc, pathItem, operation, 'path')) {
      const pattern = valuePattern(doc, schema);
      if (pattern !== null) pathPatterns[param] = pattern;
    }
    const queryFormats: Record<string, string> = {};
    for (const [param, schema] of paramSchemas(doc, pathItem, operation, 'query')) {
      if (schema?.format === 'date' || schema?.format === 'date-time') queryFormats[param] = schema.format;
    }
    const name = sdkName(operationId, path, operation);
    table[operationId] = {
      method: method.toUpperCase(),
      path,
      tag: String((operation.tags as Json[] | undefined)?.[0] ?? ''),
      summary: String(operation.summary ?? ''),
      secured: security ? security.length > 0 : rootSecured,
      pathParams,
      queryParams,
      pathPatterns,
      queryFormats,
      queryRequired: requiredParams(doc, pathItem, operation, 'query').length > 0,
      requestMediaType,
      bodyRequired: requestBody?.required === true,
      formArrays,
      successStatus: Number(success),
      list,
      inferred: operation['x-inferred'] === true,
      responseKind,
      server: servers?.[0] ? String(servers[0].url) : null,
      sdk: {
        namespace: name.namespace,
        method: name.method,
        // The account SID comes from the client (or the call's options), never positionally.
        args: pathParams.filter((p) => p !== 'AccountSid'),
        payload: requestMediaType ? 'body' : queryParams.length ? 'query' : null,
      },
    };
  }
  assertUniqueSdkNames(
    Object.fromEntries(Object.entries(table).map(([id, op]) => [id, { ...op.sdk, paginated: op.sdk.method === 'list' && op.list !== null }])),
  );
  return table;
}
