// The one Ajv set-up for the bundled spec (JSON Schema 2020-12, as OpenAPI 3.1 uses), shipped with the sandbox and
// reused by the repo's tooling (tools/schemas.ts), so the two cannot disagree on formats or reference resolution.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json, JsonObject } from './spec.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/** The id the bundle is registered under: schemas compiled on their own reach its components through it. */
const BUNDLE_ID = 'openapi';

/** An Ajv instance with `bundle` registered; `coerce` converts text to the declared types (form and query values). */
export function bundleAjv(bundle: JsonObject, options: { coerce?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, ...(options.coerce ? { coerceTypes: 'array' as const } : {}) });
  addFormats(ajv);
  // OpenAPI's own formats carry no constraint a validator could check.
  for (const name of ['password', 'binary', 'byte', 'int32', 'int64', 'float', 'double']) ajv.addFormat(name, true);
  ajv.addSchema(bundle as object, BUNDLE_ID);
  return ajv;
}

/** Points a schema's internal `#/…` references at the registered bundle so it compiles on its own. */
export function anchorRefs(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(anchorRefs);
  if (schema && typeof schema === 'object') {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(schema)) out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${BUNDLE_ID}${v}` : anchorRefs(v);
    return out;
  }
  return schema;
}
