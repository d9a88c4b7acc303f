// The bundled spec the sandbox is held to (generated/openapi.json), read once, and small helpers to walk it.
import { readFileSync } from 'node:fs';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

let cached: JsonObject | undefined;

/** `generated/openapi.json`: two levels up from this module both in `src/sandbox/` and in `dist/src/sandbox/`. */
export function bundledSpec(): JsonObject {
  cached ??= JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as JsonObject;
  return cached;
}

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

/** The operation object of `method path` in the bundle. */
export function operationObject(doc: JsonObject, path: string, method: string): { item: JsonObject; op: JsonObject } {
  const item = deref(doc, (doc.paths as JsonObject)[path]);
  const op = item?.[method.toLowerCase()] as JsonObject | undefined;
  if (!item || !op) throw new Error(`The bundled spec has no ${method} ${path}`);
  return { item, op };
}
