// Builds a request for any operation from the spec's own examples (path and required query parameters, first body example).
import { deref, type Json, type JsonObject, type OperationRef } from './spec.js';

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
  return exampleRequests(bundle, op, withOptional)[0]!.request;
}

export interface NamedExampleRequest {
  /** The example's key in `examples` (undefined for a single `example` or no body). */
  key?: string;
  /** The example's summary, as the site's example picker shows it. */
  summary?: string;
  request: ExampleRequest;
}

/** One request per named request-body example (the same path and query parameters for each), in document order; a
 * single request when the body has one unnamed example or there is no body. */
export function exampleRequests(bundle: JsonObject, op: OperationRef, withOptional = 0): NamedExampleRequest[] {
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
  const named = Object.entries((media?.examples ?? {}) as JsonObject);
  if (named.length === 0) return [{ request: { path, query, body: media?.example } }];
  return named.map(([key, ref]) => {
    const example = deref(bundle, ref);
    return { key, summary: typeof example?.summary === 'string' ? example.summary : undefined, request: { path, query, body: example?.value } };
  });
}
