// Small helpers for walking the bundled (single-file) spec.
// One reference walker for the scripts and the sandbox (which ships it).
import { deref, type Json, type JsonObject } from '../../src/sandbox/spec.js';

export { deref };
export type { Json, JsonObject };

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

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
