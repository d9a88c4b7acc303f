// Every operation, called through its SDK method against the mock with arguments taken from the spec's examples:
// proves each generated method reaches its operation with a request Prism accepts, and returns the documented data.
import { describe, expect, inject, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { operations, type OperationId } from '../../generated/operations.js';
import type { OperationEntry } from '../../src/operation-entry.js';
import { exampleRequest } from '../../scripts/lib/examples.js';
import { bundle, declaredResponse, specOperations, validateAgainst } from '../support/spec.js';
import { deref, type Json, type JsonObject } from '../../scripts/lib/spec.js';

const ACCOUNT_SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const mockUrl = inject('mockUrl');
const client = createClient({ accountSid: ACCOUNT_SID, authToken: 'token', baseUrl: mockUrl, errors: 'result' });

function methodOf(op: OperationEntry, name: string): (...args: unknown[]) => unknown {
  let node = client as unknown as Record<string, unknown>;
  for (const part of op.sdk.namespace) node = node[part] as Record<string, unknown>;
  return node[name] as (...args: unknown[]) => unknown;
}

function argsFor(id: OperationId): unknown[] {
  const op = operations[id];
  const example = exampleRequest(bundle, specOperations.find((o) => o.operationId === id)!);
  const positional = op.sdk.args.map((p) => example.path[p]);
  const payload = op.sdk.payload === 'body' ? [example.body] : op.sdk.payload === 'query' ? [example.query] : [];
  const accountSid = example.path.AccountSid;
  const options: Record<string, unknown> = typeof accountSid === 'string' ? { accountSid } : {};
  if (op.sdk.payload === 'body' && Object.keys(example.query).length) options.query = example.query;
  return [...positional, ...payload, options];
}

function successSchema(id: OperationId, status: number): Json | undefined {
  const content = (declaredResponse(id, status)?.content ?? {}) as JsonObject;
  return (content['application/json'] as JsonObject | undefined)?.schema;
}

/** The array schema of a paged envelope's items member (the allOf part that declares it). */
function itemsSchema(schema: Json, itemsKey: string): Json {
  const parts = ((deref(bundle, schema)?.allOf ?? []) as Json[]).map((p) => deref(bundle, p));
  const holder = parts.find((p) => (p?.properties as JsonObject | undefined)?.[itemsKey]);
  expect(holder, `a part of the envelope declares ${itemsKey}`).toBeDefined();
  return (holder!.properties as JsonObject)[itemsKey]!;
}

describe('SDK methods against the mock', () => {
  it.each(Object.keys(operations) as OperationId[])('%s', async (id) => {
    const op = operations[id];
    const result = (await methodOf(op, op.sdk.method)(...argsFor(id))) as { data?: unknown; error?: Error; response?: Response };
    expect(result.error, result.error?.message).toBeUndefined();
    const response = result.response!;
    expect(response.status).toBe(op.successStatus);
    expect(response.headers.get('sl-violations'), 'Prism found the request invalid').toBeNull();
    expect(new URL(response.url).pathname).toMatch(new RegExp(`^${op.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`));
    if (op.responseKind === 'json') {
      const check = validateAgainst(successSchema(id, response.status)!, result.data);
      expect(check.errors).toBe('');
    } else if (op.responseKind === 'binary') {
      expect(result.data).toBeInstanceOf(Blob);
    } else if (op.responseKind === 'empty') {
      expect(result.data).toBeUndefined();
    }
  });

  const lists = (Object.keys(operations) as OperationId[]).filter((id) => operations[id].sdk.method === 'list' && operations[id].list);
  it.each(lists)('%s: each() yields items of the documented shape, up to limit', async (id) => {
    const op = operations[id];
    const args = argsFor(id);
    const query = op.sdk.payload === 'query' ? { ...(args[op.sdk.args.length] as object), limit: 2 } : { limit: 2 };
    const items: unknown[] = [];
    for await (const item of methodOf(op, 'each')(...args.slice(0, op.sdk.args.length), query, args.at(-1)) as AsyncIterable<unknown>) items.push(item);
    expect(items.length).toBeLessThanOrEqual(2);
    expect(items.length, 'the example list is not empty').toBeGreaterThan(0);
    const schema = successSchema(id, op.successStatus)!;
    expect(validateAgainst(op.list!.kind === 'page' ? itemsSchema(schema, op.list!.itemsKey) : schema, items).errors).toBe('');
  });
});
