// The one Ajv set-up: JSON Schema 2020-12 (OpenAPI 3.1) over a bundle, so a schema's `#/components/...` references
// resolve. Used by the spec tests, the webhook tests and the live contract check.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Json, JsonObject } from './spec.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

export interface SchemaCheck {
  valid: boolean;
  /** One finding per line, each with its instance path: `/calls/0/status must be equal to one of the allowed values`. */
  errors: string;
  /** The same findings, one per entry, with where each is. */
  findings: { path: string; keyword: string; message: string }[];
}

export type Validate = (schema: Json, value: unknown, options?: { strict?: boolean }) => SchemaCheck;

/** A validator for the schemas of `bundle`. `strict` forbids members a schema does not declare (across allOf). */
export function schemaValidator(bundle: JsonObject): Validate {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // OpenAPI's own formats carry no constraint a validator could check.
  for (const name of ['password', 'binary', 'byte', 'int32', 'int64', 'float', 'double']) ajv.addFormat(name, true);
  ajv.addSchema(bundle as object, 'bundle');
  const anchor = (schema: Json): Json => {
    if (Array.isArray(schema)) return schema.map(anchor);
    if (!schema || typeof schema !== 'object') return schema;
    return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `bundle${v}` : anchor(v)]));
  };
  const compiled = new Map<string, ValidateFunction>();
  return (schema, value, options = {}) => {
    const key = JSON.stringify([schema, options.strict === true]);
    let validate = compiled.get(key);
    if (!validate) {
      const root = options.strict ? { allOf: [anchor(schema)], unevaluatedProperties: false } : anchor(schema);
      compiled.set(key, (validate = ajv.compile(root as object)));
    }
    const valid = validate(value) as boolean;
    const findings = (valid ? [] : (validate.errors ?? [])).map((e) => ({ path: e.instancePath, keyword: e.keyword, message: e.message ?? e.keyword }));
    return { valid, findings, errors: findings.map((f) => `${f.path || '(root)'} ${f.message}`).join('\n') };
  };
}
