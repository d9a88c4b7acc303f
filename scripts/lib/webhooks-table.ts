// Builds the webhook parser's runtime table (webhook key -> method, operationId, media type, parameters) from the bundle.
import type { FieldSpec, WebhookEntry } from '../../src/webhooks/entry.js';
import { deref, flattenAllOf, httpMethods, type Json, type JsonObject } from '../../tools/spec.js';

/** A body schema and its `allOf` parts as one object schema, each property with its `$ref` followed. */
function flatten(doc: JsonObject, schema: Json | undefined, where: string) {
  const node = deref(doc, schema);
  if (!node) throw new Error(`${where}: the request body has no schema`);
  for (const key of ['oneOf', 'anyOf'] as const) {
    if (node[key] !== undefined) throw new Error(`${where}: ${key} is not supported in a webhook body schema`);
  }
  const flat = flattenAllOf(doc, node, where);
  const resolve = (props: Record<string, Json>, label: (name: string) => string) =>
    Object.fromEntries(Object.entries(props).map(([name, prop]) => {
      const resolved = deref(doc, prop);
      if (!resolved) throw new Error(`${label(name)}: not a schema`);
      return [name, resolved];
    }));
  return {
    required: flat.required,
    properties: resolve(flat.properties, (name) => `${where}.${name}`),
    patternProperties: resolve(flat.patternProperties, (pattern) => `${where}[${pattern}]`),
  };
}

const fieldTypes = ['string', 'integer', 'number', 'boolean', 'array'] as const;

function typeOf(schema: JsonObject, where: string): FieldSpec['type'] {
  let type = schema.type;
  if (Array.isArray(type)) {
    const nonNull = type.filter((t) => t !== 'null');
    if (nonNull.length !== 1) throw new Error(`${where}: a webhook parameter needs exactly one non-null type, found ${JSON.stringify(type)}`);
    type = nonNull[0];
  }
  if (type === undefined) {
    // Untyped const/enum: take the type of its values.
    const values = schema.const !== undefined ? [schema.const] : (schema.enum as Json[] | undefined);
    if (values?.length && values.every((v) => typeof v === 'string')) return 'string';
    if (values?.length && values.every((v) => typeof v === 'number')) return values.every((v) => Number.isInteger(v)) ? 'integer' : 'number';
    if (values?.length && values.every((v) => typeof v === 'boolean')) return 'boolean';
    throw new Error(`${where}: a webhook parameter needs a type`);
  }
  if (!fieldTypes.includes(type as FieldSpec['type'])) {
    throw new Error(`${where}: type ${JSON.stringify(type)} cannot travel as a form parameter`);
  }
  return type as FieldSpec['type'];
}

function fieldSpec(doc: JsonObject, schema: JsonObject, where: string): FieldSpec {
  const type = typeOf(schema, where);
  const valueSchema = type === 'array' ? deref(doc, schema.items) ?? {} : schema;
  const values = valueSchema.const !== undefined ? [valueSchema.const] : (valueSchema.enum as Json[] | undefined);
  const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = { type };
  if (values) {
    const kept = values.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number');
    if (kept.length !== values.length) throw new Error(`${where}: enum values must be strings or numbers`);
    spec.enum = kept;
  }
  if (typeof valueSchema.format === 'string') spec.format = valueSchema.format;
  if (typeof valueSchema.pattern === 'string') spec.pattern = valueSchema.pattern;
  return spec;
}

export function buildWebhooksTable(doc: JsonObject): Record<string, WebhookEntry> {
  const table: Record<string, WebhookEntry> = {};
  const operationIds = new Set<string>();
  for (const [key, item] of Object.entries((doc.webhooks ?? {}) as JsonObject)) {
    const pathItem = deref(doc, item);
    if (!pathItem) throw new Error(`webhooks.${key} is not a Path Item`);
    const methods = httpMethods.filter((m) => pathItem[m] !== undefined);
    if (methods.length !== 1) {
      throw new Error(`webhooks.${key} declares ${methods.length} operations; the table holds exactly one per webhook (${methods.join(', ') || 'none'})`);
    }
    const method = methods[0]!;
    const operation = pathItem[method] as JsonObject;
    const operationId = operation.operationId;
    if (typeof operationId !== 'string') throw new Error(`webhooks.${key} has no operationId`);
    if (operationIds.has(operationId)) throw new Error(`operationId ${operationId} is used twice among the webhooks`);
    operationIds.add(operationId);
    const content = (deref(doc, operation.requestBody)?.content ?? {}) as JsonObject;
    const mediaType = Object.keys(content)[0];
    if (!mediaType) throw new Error(`webhooks.${key} (${operationId}) has no request body`);
    const where = `webhooks.${key}`;
    const flat = flatten(doc, (content[mediaType] as JsonObject).schema, where);
    const fields: Record<string, FieldSpec> = {};
    for (const [name, schema] of Object.entries(flat.properties)) fields[name] = fieldSpec(doc, schema, `${where}.${name}`);
    for (const name of flat.required) {
      if (!Object.hasOwn(fields, name)) throw new Error(`${where}: required parameter ${name} is not declared`);
    }
    table[key] = {
      method: method.toUpperCase(),
      operationId,
      mediaType,
      required: flat.required,
      fields,
      patterns: Object.entries(flat.patternProperties).map(([pattern, schema]) => ({ pattern, field: fieldSpec(doc, schema, `${where}[${pattern}]`) })),
      repeated: Object.entries(fields).filter(([, f]) => f.type === 'array').map(([name]) => name),
    };
  }
  return table;
}
