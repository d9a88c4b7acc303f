// Walks the bundled (single-file) spec: references, operations, parameters, and requests built from its examples.
// The one spec walker: every script and test reads the spec through it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The reference walker ships with the sandbox (src/sandbox/spec.ts); tools and scripts use that one.
import { deref, type Json, type JsonObject } from '../src/sandbox/spec.js';

/** The bundled spec every tool and test reads: generated/openapi.json (`npm run generate` writes it). */
export const bundleJson = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'generated', 'openapi.json');

export { deref };
export type { Json, JsonObject };

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** An object schema with its `allOf` parts merged in: properties and pattern properties as written, `required` joined. */
export interface FlatSchema {
  properties: Record<string, Json>;
  patternProperties: Record<string, Json>;
  required: string[];
}

/** Merges a schema and its `allOf` parts (recursively, references followed) into one flat object schema. */
export function flattenAllOf(doc: JsonObject, schema: Json | undefined, where = 'schema', depth = 0): FlatSchema {
  if (depth > 16) throw new Error(`${where}: allOf nesting too deep`);
  const node = deref(doc, schema) ?? {};
  const flat: FlatSchema = { properties: {}, patternProperties: {}, required: [] };
  const merge = (part: FlatSchema) => {
    Object.assign(flat.properties, part.properties);
    Object.assign(flat.patternProperties, part.patternProperties);
    for (const name of part.required) if (!flat.required.includes(name)) flat.required.push(name);
  };
  for (const part of (node.allOf as Json[] | undefined) ?? []) merge(flattenAllOf(doc, part, where, depth + 1));
  merge({
    properties: (node.properties ?? {}) as Record<string, Json>,
    patternProperties: (node.patternProperties ?? {}) as Record<string, Json>,
    required: ((node.required as Json[] | undefined) ?? []).map(String),
  });
  return flat;
}

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  pathItem: JsonObject;
  operation: JsonObject;
}

/** Every operation in the bundle, in document order. */
export function listOperations(doc: JsonObject): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = (doc.paths ?? {}) as JsonObject;
  for (const [path, item] of Object.entries(paths)) {
    const pathItem = deref(doc, item);
    if (!pathItem) continue;
    for (const method of httpMethods) {
      const operation = pathItem[method] as JsonObject | undefined;
      if (!operation) continue;
      const operationId = operation.operationId;
      if (typeof operationId !== 'string') throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      out.push({ operationId, method, path, pathItem, operation });
    }
  }
  return out;
}

function parameterExample(bundle: JsonObject, param: JsonObject): Json | undefined {
  if (param.example !== undefined) return param.example;
  const named = param.examples as JsonObject | undefined;
  if (named) return deref(bundle, Object.values(named)[0])?.value;
  const schema = deref(bundle, param.schema);
  return (schema?.examples as Json[] | undefined)?.[0] ?? schema?.example ?? (schema?.enum as Json[] | undefined)?.[0];
}

export interface ExampleRequest {
  path: Record<string, Json>;
  query: Record<string, Json>;
  body: Json | undefined;
}

/** A request built from the spec's own examples: path and query parameters (required ones, or `withOptional` of the
 * documented optional ones too) and the first request-body example. */
export function exampleRequest(bundle: JsonObject, op: OperationRef, withOptional = 0): ExampleRequest {
  const params = [...((op.pathItem.parameters as Json[]) ?? []), ...((op.operation.parameters as Json[]) ?? [])].map((p) => deref(bundle, p)!);
  const path: Record<string, Json> = {};
  const query: Record<string, Json> = {};
  for (const p of params) {
    if (p.in === 'path') path[String(p.name)] = parameterExample(bundle, p)!;
    if (p.in === 'query' && p.required === true) query[String(p.name)] = parameterExample(bundle, p)!;
  }
  // Optional query parameters with an explicit example make samples show real filters.
  for (const p of params.filter((p) => p.in === 'query' && p.required !== true && p.example !== undefined).slice(0, withOptional)) {
    query[String(p.name)] = p.example!;
  }
  const content = (deref(bundle, op.operation.requestBody)?.content ?? {}) as JsonObject;
  const media = Object.values(content)[0] as JsonObject | undefined;
  const firstExample = media?.examples ? deref(bundle, Object.values(media.examples as JsonObject)[0]) : undefined;
  return { path, query, body: firstExample?.value ?? media?.example };
}
