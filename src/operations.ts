// The operations of the spec, for tools and readers: the two generated tables joined. The generated files are plain
// data; the types below are what checks them (a table that does not fit fails the type-check here).
import { operationFacts } from '../generated/operations.js';
import { runtimeOperations, type RuntimeOperationId } from '../generated/runtime.js';
import type { OperationEntry, OperationFacts, RuntimeOperation } from './operation-entry.js';

export type OperationId = RuntimeOperationId;

const runtimeChecked: { readonly [K in OperationId]: RuntimeOperation } = runtimeOperations;
const factsChecked: { readonly [K in OperationId]: OperationFacts } = operationFacts;

/** Every operation: method, path, SDK name, request encoding, list shape, and its documentation facts. */
export const operations = Object.fromEntries(
  (Object.keys(runtimeChecked) as OperationId[]).map((id) => [id, { ...runtimeChecked[id], ...factsChecked[id] } satisfies OperationEntry]),
) as { readonly [K in OperationId]: OperationEntry };

/** `METHOD path` → operationId, for looking an operation up from a request. */
export const routes: Readonly<Record<string, OperationId>> = Object.fromEntries(
  (Object.keys(runtimeOperations) as OperationId[]).map((id) => [`${runtimeOperations[id].method} ${runtimeOperations[id].path}`, id]),
);
