// The bundled spec as test data: its operations and a validator for its schemas.
import { readFileSync } from 'node:fs';
import { schemaValidator } from '../../tools/schemas.js';
import { deref, listOperations, type JsonObject } from '../../tools/spec.js';
import { bundleJson } from '../../tools/spec.js';

export const bundle = JSON.parse(readFileSync(bundleJson, 'utf8')) as JsonObject;
export const specOperations = listOperations(bundle);
export const validateAgainst = schemaValidator(bundle);

/** The declared response of an operation for a status (or `default`), references followed. */
export function declaredResponse(operationId: string, status: number): JsonObject | undefined {
  const op = specOperations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`No operation ${operationId} in the spec`);
  const responses = (op.operation.responses ?? {}) as JsonObject;
  return deref(bundle, responses[String(status)] ?? responses.default);
}
