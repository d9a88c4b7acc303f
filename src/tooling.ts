// restcomm-cpaas/tooling (Node only): the spec as data, for code generators, test harnesses and gateways. The bundled
// OpenAPI document, the operation table with every operation's method, path, encoding and SDK name, the webhook
// table, and the types openapi-typescript generated from the spec.
export { operations, routes } from './operations.js';
export type { OperationId } from './operations.js';
export { webhooks } from './webhooks/index.js';
export type { WebhookKind } from '../generated/webhooks.js';
export type { OperationEntry, OperationFacts, RuntimeOperation } from './operation-entry.js';
export type { WebhookEntry, FieldSpec } from './webhooks/entry.js';
export type { paths, components, operations as OperationTypes, webhooks as WebhookTypes } from '../generated/openapi-types.js';
export { findOperation } from './client.js';

/**
 * The file URL of the bundled OpenAPI 3.1 document (JSON, one file, every `$ref` internal) in the installed package:
 * `JSON.parse(await readFile(specUrl, 'utf8'))`.
 */
export const specUrl: URL = new URL('../generated/openapi.json', import.meta.url);
