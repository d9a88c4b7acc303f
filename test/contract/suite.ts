// The contract suite, table-driven from the spec: every operation × every declared status × every named example of
// it, called through its SDK method with arguments taken from the spec's examples. One suite, any target: the Prism
// mock (which answers the status and example asked for with `Prefer`) or a stateful server that answers for itself.
import { describe, expect, it } from 'vitest';
import { createClient, RestcommHttpError, type RestcommClient } from '../../src/index.js';
import { operations, type OperationId } from '../../src/operations.js';
import { deref, exampleRequest, type Json, type JsonObject, type OperationRef } from '../../tools/spec.js';
import { bundle, specOperations } from '../support/spec.js';

export interface ContractCase {
  operationId: OperationId;
  status: number;
  /** The response media type asked for (Accept), or null for a response without a body. */
  mediaType: string | null;
  /** The named example asked for, with its value, or null when the response has no body. */
  example: { name: string; value: Json | undefined } | null;
}

/**
 * The cases of one operation. Redirects are left out (fetch follows them before the SDK sees the answer) and so are
 * status ranges such as `4XX` (nothing can ask for one); `excluded` lists them so that nothing is dropped silently.
 */
export function casesOf(op: OperationRef): { cases: ContractCase[]; excluded: string[] } {
  const cases: ContractCase[] = [];
  const excluded: string[] = [];
  const operationId = op.operationId as OperationId;
  for (const [code, raw] of Object.entries((op.operation.responses ?? {}) as JsonObject)) {
    if (!/^[1-5]\d\d$/.test(code) || code.startsWith('3')) {
      excluded.push(`${op.operationId} ${code}`);
      continue;
    }
    const status = Number(code);
    const content = (deref(bundle, raw)?.content ?? {}) as JsonObject;
    if (!Object.keys(content).length) cases.push({ operationId, status, mediaType: null, example: null });
    for (const [mediaType, media] of Object.entries(content)) {
      const named = Object.entries(((media as JsonObject).examples ?? {}) as JsonObject);
      if (!named.length) throw new Error(`${op.operationId} ${code} ${mediaType} has no named example (the lint rule requires one)`);
      for (const [name, example] of named) cases.push({ operationId, status, mediaType, example: { name, value: deref(bundle, example)?.value } });
    }
  }
  return { cases, excluded };
}

type Method = (...args: unknown[]) => Promise<{ data?: unknown; error?: unknown; response?: Response }>;
type Client = RestcommClient<'result'>;

function methodOf(client: Client, id: OperationId, name: string = operations[id].sdk.method): Method {
  let node = client as unknown as Record<string, unknown>;
  for (const part of operations[id].sdk.namespace) node = node[part] as Record<string, unknown>;
  expect(node[name], `the SDK has ${operations[id].sdk.namespace.join('.')}.${name} for ${id}`).toBeTypeOf('function');
  return node[name] as Method;
}

/** The SDK arguments for an operation, from the spec's examples: positional path values, the payload, the options. */
export function argumentsFor(id: OperationId, headers: Record<string, string> = {}): unknown[] {
  const op = operations[id];
  const example = exampleRequest(bundle, specOperations.find((o) => o.operationId === id)!);
  const options: Record<string, unknown> = { headers };
  if (typeof example.path.AccountSid === 'string') options.accountSid = example.path.AccountSid;
  if (op.sdk.payload === 'body' && Object.keys(example.query).length) options.query = example.query;
  const payload = op.sdk.payload === 'body' ? [example.body] : op.sdk.payload === 'query' ? [example.query] : [];
  return [...op.sdk.args.map((p) => example.path[p]), ...payload, options];
}

/** What the SDK hands the caller for a response: the data of a success, the body of a RestcommError. */
async function received(result: Awaited<ReturnType<Method>>): Promise<unknown> {
  if (result.error === undefined) return result.data instanceof Blob ? await result.data.text() : result.data;
  expect(result.error).toBeInstanceOf(RestcommHttpError);
  return (result.error as RestcommHttpError).body;
}

export interface Target {
  /** The REST API base URL of the target (a function: a global setup may provide it only once tests run). */
  baseUrl: () => string;
  /** The target answers `Prefer: code=…, example=…` (Prism). Without it, only each operation's default answer is checked. */
  prefer: boolean;
}

/**
 * A stand-in for the mock that answers one case the way Prism does in static mode (the named example verbatim, with
 * the status and media type asked for), and keeps the request the SDK made.
 */
function exampleResponder(c: ContractCase): { fetch: typeof globalThis.fetch; request: () => Request } {
  let seen: Request | undefined;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    seen = new Request(input, init);
    const value = c.example?.value;
    const body = c.example === null || c.status === 204 ? null : typeof value === 'string' ? value : JSON.stringify(value);
    return new Response(body, { status: c.status, headers: c.mediaType ? { 'content-type': c.mediaType } : {} });
  };
  return { fetch, request: () => seen! };
}

export function contractSuite(name: string, target: Target): void {
  const all = specOperations.map(casesOf);
  const cases = all.flatMap((c) => c.cases).filter((c) => target.prefer || (c.status === operations[c.operationId].successStatus));
  const client = (fetch?: typeof globalThis.fetch) =>
    createClient({ accountSid: 'AC9f46b62376f96e83cc19ed9502987c78', authToken: 'token', baseUrl: target.baseUrl(), errors: 'result', ...(fetch ? { fetch } : {}) });
  // Prism gets one case of each operation: its documented success (or its first case). The SDK sends the same request
  // for every case of an operation, so Prism's request check is the same for all of them, and its static answers are
  // the named examples verbatim; the other cases are answered in process the same way, which keeps the suite's run
  // time to one Prism round trip per operation instead of one per example (Prism takes ~11 ms of CPU a request).
  const prismCases = new Set(
    specOperations.map((o) => {
      const own = cases.filter((c) => c.operationId === o.operationId);
      return own.find((c) => c.status === operations[c.operationId].successStatus) ?? own[0];
    }),
  );

  describe(`contract: ${name}`, () => {
    it('covers every operation of the spec, and leaves out only redirects and `default` answers', () => {
      const covered = new Set(cases.map((c) => c.operationId));
      expect(specOperations.filter((o) => !covered.has(o.operationId as OperationId)).map((o) => o.operationId)).toEqual([]);
      expect(all.flatMap((c) => c.excluded)).toEqual(['fetchRecordingMediaWav 307', 'fetchRecordingMediaMp4 307', 'createNumberMaskingApplication default']);
    });

    describe.concurrent.each(cases.map((c) => [`${c.operationId} ${c.status} ${c.example?.name ?? '(no body)'}${c.mediaType && c.mediaType !== 'application/json' ? ` ${c.mediaType}` : ''}`, c] as const))('%s', (_, c) => {
      it('reaches the operation and hands back the documented answer', async ({ expect }) => {
        const op = operations[c.operationId];
        const headers: Record<string, string> = {};
        if (target.prefer) headers.Prefer = [`code=${c.status}`, ...(c.example ? [`example=${c.example.name}`] : [])].join(', ');
        if (c.mediaType) headers.Accept = c.mediaType;
        const local = target.prefer && !prismCases.has(c) ? exampleResponder(c) : undefined;
        const result = await methodOf(client(local?.fetch), c.operationId)(...argumentsFor(c.operationId, headers));
        const response = result.response!;
        expect(response, String(result.error)).toBeDefined();
        expect(response.headers.get('sl-violations'), 'Prism found the request off-contract').toBeNull();
        expect(response.status).toBe(c.status);
        expect(new URL(local ? local.request().url : response.url).pathname).toMatch(new RegExp(`^${op.path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`));
        if (result.error) expect(result.error).toMatchObject({ status: c.status, operationId: c.operationId, method: op.method });
        if (!target.prefer) return; // a live target's answers are its own: the live contract check validates them
        const value = await received(result);
        if (c.example === null || c.status === 204) expect(value).toBeUndefined();
        else if (op.responseKind === 'binary' && !result.error) expect(value).toBe(String(c.example.value));
        else expect(value).toEqual(c.example.value);
      });
    });

    const lists = (Object.keys(operations) as OperationId[]).filter((id) => operations[id].sdk.method === 'list' && operations[id].list);
    it.concurrent.each(lists)('%s: each() yields the items of the documented page, up to limit', async (id) => {
      const op = operations[id];
      const args = argumentsFor(id);
      const query = op.sdk.payload === 'query' ? { ...(args[op.sdk.args.length] as object), limit: 2 } : { limit: 2 };
      const items: unknown[] = [];
      const each = methodOf(client(), id, 'each') as unknown as (...a: unknown[]) => AsyncIterable<unknown>;
      for await (const item of each(...args.slice(0, op.sdk.args.length), query, args.at(-1))) items.push(item);
      const page = (await methodOf(client(), id)(...args)).data as Record<string, unknown[]> | unknown[];
      const all = Array.isArray(page) ? page : page[(op.list as { itemsKey: string }).itemsKey]!;
      expect(all.length, 'the example list is not empty').toBeGreaterThan(0);
      expect(items).toEqual(all.slice(0, 2));
    });
  });
}
