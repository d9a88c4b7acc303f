// Schema checks for the spec tests, the webhook tests and the live contract check, on the sandbox's Ajv set-up
// (src/sandbox/schema-ajv.ts), so a schema's `#/components/...` references resolve the same way everywhere.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { anchorRefs, bundleAjv } from '../src/sandbox/schema-ajv.js';
import type { Json, JsonObject } from './spec.js';

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
  const ajv = bundleAjv(bundle);
  const compiled = new Map<string, ValidateFunction>();
  return (schema, value, options = {}) => {
    const key = JSON.stringify([schema, options.strict === true]);
    let validate = compiled.get(key);
    if (!validate) {
      const root = options.strict ? { allOf: [anchorRefs(schema)], unevaluatedProperties: false } : anchorRefs(schema);
      compiled.set(key, (validate = ajv.compile(root as object)));
    }
    const valid = validate(value) as boolean;
    const findings = (valid ? [] : (validate.errors ?? [])).map((e) => ({ path: e.instancePath, keyword: e.keyword, message: e.message ?? e.keyword }));
    return { valid, findings, errors: findings.map((f) => `${f.path || '(root)'} ${f.message}`).join('\n') };
  };
}
