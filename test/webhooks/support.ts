// The spec's webhooks as test data: the operations and examples of the bundle, the parser's table, a strict validator.
import { webhooks } from '../../generated/webhooks.js';
import type { WebhookEntry } from '../../src/webhooks/entry.js';
import { schemaValidator } from '../../tools/schemas.js';
import { deref, httpMethods, type Json, type JsonObject } from '../../tools/spec.js';
import { bundle } from '../support/spec.js';

export { bundle };
/** The parser's table, looked up by any key (the tests walk the spec's keys). */
export const table: Readonly<Record<string, WebhookEntry>> = webhooks;

export interface WebhookOperation {
  key: string;
  method: string;
  operation: JsonObject;
  pathItem: JsonObject;
}

export const webhookOperations: WebhookOperation[] = Object.entries(bundle.webhooks as JsonObject).flatMap(([key, item]) => {
  const pathItem = deref(bundle, item)!;
  return httpMethods.filter((m) => pathItem[m]).map((method) => ({ key, method, operation: pathItem[method] as JsonObject, pathItem }));
});

export interface NamedExample {
  name: string;
  summary: Json | undefined;
  value: Json;
}

export function examplesOf(media: JsonObject | undefined): NamedExample[] {
  return Object.entries((media?.examples ?? {}) as JsonObject).map(([name, ex]) => {
    const example = deref(bundle, ex)!;
    return { name, summary: example.summary, value: example.value! };
  });
}

export function requestMedia(op: WebhookOperation): { type: string; media: JsonObject } {
  const content = (deref(bundle, op.operation.requestBody)?.content ?? {}) as JsonObject;
  const type = Object.keys(content)[0]!;
  return { type, media: content[type] as JsonObject };
}

const validate = schemaValidator(bundle);

/** Validates against a schema of the bundle with every undeclared member forbidden (across allOf and patternProperties). */
export const validateStrictly = (schema: Json, value: unknown): string => validate(schema, value, { strict: true }).errors;

/** Writes a payload object as the form Restcomm would send (arrays as repeated keys). */
export function toForm(value: Record<string, unknown>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) form.append(name, String(item));
  }
  return form;
}
