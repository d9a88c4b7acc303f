export { createRestcommClient, findOperation, encodeBody, FORM_MEDIA_TYPE } from './client.js';
export type { RestcommClientOptions, RestcommRawClient } from './client.js';
export { encodeForm } from './form.js';
export type { FormScalar, FormValue } from './form.js';
export { resolveBaseUrl, API_PATH, DEFAULT_DOMAIN } from './base-url.js';
export { operations, routes } from '../generated/operations.js';
export type { OperationId } from '../generated/operations.js';
export type { OperationEntry } from './operation-entry.js';
export type { paths, components, operations as OperationTypes } from '../generated/openapi-types.js';
