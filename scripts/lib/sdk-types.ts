// Emits generated/sdk.ts: the typed shape of the SDK's resource tree, one method per operation of the runtime table,
// and the named types its signatures use (one per schema of the spec, one per operation's input), each method with a
// doc comment an editor shows on hover: summary, HTTP line, declared error statuses, site link and an example.
// Types only, written as indexed accesses into openapi-types.ts: the file imports nothing from src/. What a call
// resolves to (the data, or a result in result mode) and the call options are type parameters that src/sdk/types.ts
// fills in (RestcommResources).
import type { OperationRow } from './operations-table.js';
import { deref, listOperations, type Json, type JsonObject } from '../../tools/spec.js';

interface Node {
  methods: string[];
  children: Map<string, Node>;
  /** The spec tags of the operations under this namespace, for its doc comment. */
  tags: Set<string>;
}

const argName = (param: string) => param[0]!.toLowerCase() + param.slice(1);
const pascal = (id: string) => id[0]!.toUpperCase() + id.slice(1);
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The site's anchor for an operation (Redoc's `#tag/<tag>/operation/<operationId>`), relative to the repository. */
export const siteLink = (op: OperationRow, id: string) => `docs/index.html#tag/${encodeURIComponent(op.tag).replace(/%20/g, '-')}/operation/${id}`;

/** Text that cannot end the doc comment it is put in. */
const safe = (text: string) => text.replace(/\*\//g, '*\\/');

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/\.(\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  return sentence.length > 200 ? `${sentence.slice(0, 200)}…` : sentence;
}

export interface OperationDocs {
  /** Non-2xx statuses the spec declares, with their meaning. */
  errors: [string, string][];
  /** The name of the success body's schema, when it is a named one. */
  resultName?: string;
  /** The name of a list's item schema, when it is a named one. */
  itemName?: string;
}

function refName(value: Json | undefined): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value) || typeof value.$ref !== 'string') return undefined;
  const m = /^#\/components\/schemas\/([^/]+)$/.exec(value.$ref);
  return m && identifier.test(m[1]!) ? m[1] : undefined;
}

/** What the doc comments and named result types need from the spec, per operationId. */
export function operationDocs(doc: JsonObject): Record<string, OperationDocs> {
  const out: Record<string, OperationDocs> = {};
  for (const { operationId, operation } of listOperations(doc)) {
    const responses = (operation.responses ?? {}) as JsonObject;
    const errors = Object.entries(responses)
      .filter(([status]) => !/^2/.test(status))
      .map(([status, response]): [string, string] => [status, firstSentence(String(deref(doc, response)?.description ?? ''))]);
    const success = Object.keys(responses).filter((s) => /^2\d\d$/.test(s)).sort()[0];
    const content = (deref(doc, success ? responses[success] : undefined)?.content ?? {}) as JsonObject;
    const schema = (content['application/json'] as JsonObject | undefined)?.schema;
    const entry: OperationDocs = { errors };
    const resultName = refName(schema);
    if (resultName) entry.resultName = resultName;
    const resolved = deref(doc, schema);
    if (resolved?.type === 'array') {
      const itemName = refName(resolved.items);
      if (itemName) entry.itemName = itemName;
    }
    out[operationId] = entry;
  }
  return out;
}

/** The input type's name: `createCall` → `CreateCallParams`. */
export const inputTypeName = (id: string) => `${pascal(id)}Params`;

function jsdoc(id: string, op: OperationRow, docs: OperationDocs | undefined, example: string | undefined, extra = ''): string {
  const lines = [safe(op.summary || id), '', `\`${op.method} ${op.path}\` (${id})`];
  if (op.inferred) lines.push('', '**Inferred:** this operation is not confirmed by the public documentation; see the reference for why it is specified.');
  if (extra) lines.push('', extra);
  if (docs?.errors.length) {
    lines.push('', 'Error statuses the spec declares (thrown as `RestcommHttpError`, or returned in result mode):');
    for (const [status, meaning] of docs.errors) lines.push(`- ${status}: ${safe(meaning)}`);
  }
  lines.push('', `@see ${siteLink(op, id)}`);
  if (example) lines.push('@example', '```ts', ...safe(example).split('\n'), '```');
  return `/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */`;
}

/** The JSON body of an operation's success response (the spec declares one 2xx status per operation). */
const jsonData = (id: string, op: OperationRow) => `Op['${id}']['responses'][${op.successStatus}]['content']['application/json']`;
const queryOf = (id: string) => `NonNullable<Op['${id}']['parameters']['query']>`;

function dataType(id: string, op: OperationRow, docs: OperationDocs | undefined): string {
  switch (op.responseKind) {
    case 'binary':
      return 'Blob';
    case 'empty':
      return 'void';
    case 'text':
      return 'string';
    default:
      return docs?.resultName ?? jsonData(id, op);
  }
}

// `O` is the per-call options and `E` each()'s own options (type parameters of ResourceTree).
function signature(id: string, op: OperationRow): { params: string; each?: string } {
  const positional = op.sdk.args.map((p) => `${argName(p)}: Op['${id}']['parameters']['path']['${p}']`);
  let payload: string[] = [];
  if (op.sdk.payload === 'body') payload = [`body${op.bodyRequired ? '' : '?'}: ${inputTypeName(id)}`];
  if (op.sdk.payload === 'query') payload = [`query${op.queryRequired ? '' : '?'}: ${inputTypeName(id)}`];
  // A body operation that also reads query parameters takes them as options.query.
  const withQuery = op.sdk.payload === 'body' && op.queryParams.length > 0;
  const options = withQuery ? `options${op.queryRequired ? '' : '?'}: O & { query${op.queryRequired ? '' : '?'}: ${queryOf(id)} }` : 'options?: O';
  const params = [...positional, ...payload, options].join(', ');
  if (op.sdk.method !== 'list' || !op.list) return { params };
  const eachQuery = op.sdk.payload === 'query' ? `query${op.queryRequired ? '' : '?'}: ${inputTypeName(id)} & E` : 'query?: E';
  return { params, each: [...positional, eachQuery, 'options?: O'].join(', ') };
}

export function sdkTypesSource(doc: JsonObject, table: Record<string, OperationRow>, examples: Record<string, string>, header: string): string {
  const docs = operationDocs(doc);
  const schemaNames = Object.keys(((doc.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject).filter((n) => identifier.test(n));
  const named: string[] = schemaNames.map((name) => `/** The \`${name}\` schema of the spec. */\nexport type ${name} = components['schemas']['${name}'];`);
  const taken = new Set(schemaNames);
  const root: Node = { methods: [], children: new Map(), tags: new Set() };
  const data: string[] = [];
  for (const [id, op] of Object.entries(table)) {
    if (op.sdk.payload) {
      const name = inputTypeName(id);
      if (taken.has(name)) throw new Error(`The input type ${name} of ${id} has the name of a schema`);
      taken.add(name);
      const what = op.sdk.payload === 'body' ? `NonNullable<Op['${id}']['requestBody']>['content']['${op.requestMediaType}']` : queryOf(id);
      named.push(`/** The ${op.sdk.payload === 'body' ? 'request body' : 'query'} of \`${op.sdk.namespace.join('.')}.${op.sdk.method}\` (${id}). */\nexport type ${name} = ${what};`);
    }
    let node = root;
    for (const part of op.sdk.namespace) {
      if (!node.children.has(part)) node.children.set(part, { methods: [], children: new Map(), tags: new Set() });
      node = node.children.get(part)!;
      node.tags.add(op.tag);
    }
    const { params, each } = signature(id, op);
    data.push(`  /** What \`${[...op.sdk.namespace, op.sdk.method].join('.')}\` hands back on success. */\n  ${id}: ${dataType(id, op, docs[id])};`);
    node.methods.push(`${jsdoc(id, op, docs[id], examples[id])}\n${op.sdk.method}(${params}): Promise<R['${id}']>;`);
    if (each && op.list) {
      const fallback = op.list.kind === 'page' ? `${jsonData(id, op)}['${op.list.itemsKey}'][number]` : `${jsonData(id, op)}[number]`;
      const item = op.list.kind === 'array' ? (docs[id]?.itemName ?? fallback) : fallback;
      node.methods.push(`${jsdoc(id, op, docs[id], undefined, `Iterates over every item, page after page (\`limit\` stops early); memory holds one page at a time.`)}\neach(${each}): AsyncIterableIterator<${item}>;`);
    }
  }
  const render = (node: Node, depth: number): string => {
    const pad = '  '.repeat(depth);
    const members = [
      ...node.methods.map((m) => m.split('\n').map((l) => pad + l).join('\n')),
      ...[...node.children.entries()].map(
        ([name, child]) => `${pad}/** ${[...child.tags].join(', ')}: the operations under \`${name}\`. */\n${pad}${name}: {\n${render(child, depth + 1)}\n${pad}};`,
      ),
    ];
    return members.join('\n');
  };
  return (
    header +
    `import type { components, operations as Op } from './openapi-types.js';\n\n` +
    `/** What a successful call of each operation hands back, by operationId. */\n` +
    `export interface OperationData {\n${data.join('\n')}\n}\n\n` +
    `/**\n * The SDK's resources: one namespace per resource, one method per operation of the spec. \`R\` maps each operationId\n` +
    ` * to what its method resolves to, \`O\` is the per-call options and \`E\` each()'s own options: see RestcommResources.\n */\n` +
    `export interface ResourceTree<R extends { [K in keyof OperationData]: unknown }, O, E> {\n${render(root, 1)}\n}\n\n` +
    `${named.join('\n\n')}\n`
  );
}
