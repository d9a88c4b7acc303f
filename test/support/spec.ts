// The bundled spec as test data: operations, their declared responses, and a JSON Schema validator over it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { deref, listOperations, type Json, type JsonObject } from '../../scripts/lib/spec.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundle = JSON.parse(readFileSync(path.join(root, 'generated', 'openapi.json'), 'utf8')) as JsonObject;
export const specOperations = listOperations(bundle);

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
for (const name of ['password', 'binary', 'byte', 'int32', 'int64', 'float', 'double']) ajv.addFormat(name, true);
ajv.addSchema(bundle as object, 'openapi');

/** Points a schema's internal `#/…` references at the registered bundle so it can be compiled on its own. */
function anchor(schema: Json): Json {
  if (Array.isArray(schema)) return schema.map(anchor);
  if (schema && typeof schema === 'object') {
    return Object.fromEntries(
      Object.entries(schema).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `openapi${v}` : anchor(v)]),
    );
  }
  return schema;
}

export interface SchemaCheck {
  valid: boolean;
  errors: string;
}

export function validateAgainst(schema: Json, value: unknown): SchemaCheck {
  const validate = ajv.compile(anchor(schema) as object);
  const valid = validate(value) as boolean;
  return { valid, errors: valid ? '' : ajv.errorsText(validate.errors, { separator: '\n' }) };
}

/** The declared response for an operation and status (falls back to `default`). */
export function declaredResponse(operationId: string, status: number): JsonObject | undefined {
  const op = specOperations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`No operation ${operationId} in the spec`);
  const responses = (op.operation.responses ?? {}) as JsonObject;
  return deref(bundle, responses[String(status)] ?? responses.default);
}

/** A regular expression that matches a concrete request path against an operation's path template. */
export function pathPattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}|\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}
