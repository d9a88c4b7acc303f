// Small helpers for walking the bundled (single-file) spec.
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

/** Follows internal `$ref`s (`#/components/...`) until a non-reference object is reached. */
export function deref(doc: JsonObject, value: Json | undefined): JsonObject | undefined {
  let current = value;
  for (let hops = 0; hops < 32; hops++) {
    if (!current || typeof current !== 'object' || Array.isArray(current)) return undefined;
    const ref = current.$ref;
    if (typeof ref !== 'string') return current;
    if (!ref.startsWith('#/')) throw new Error(`Only internal references are expected in the bundle, found ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<Json | undefined>((node, key) => (node && typeof node === 'object' && !Array.isArray(node) ? node[key] : undefined), doc);
    if (current === undefined) throw new Error(`Unresolvable reference ${ref}`);
  }
  throw new Error('Reference chain too long');
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
