// Emits generated/sdk.ts: the typed shape of the SDK's resource tree, one method per operation of the runtime table.
import type { OperationRow } from './operations-table.js';

interface Node {
  methods: string[];
  children: Map<string, Node>;
}

const argName = (param: string) => param[0]!.toLowerCase() + param.slice(1);

function jsdoc(id: string, op: OperationRow, extra = ''): string {
  const lines = [op.summary || id, '', `\`${op.method} ${op.path}\` (${id})`];
  if (op.inferred) lines.push('', '**Inferred:** this operation is not confirmed by the public documentation; see the reference for why it is specified.');
  if (extra) lines.push('', extra);
  return `/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */`;
}

function dataType(id: string, op: OperationRow): string {
  switch (op.responseKind) {
    case 'binary':
      return 'Blob';
    case 'empty':
      return 'void';
    case 'text':
      return 'string';
    default:
      return `Data<Op['${id}']>`;
  }
}

function signature(id: string, op: OperationRow): { params: string; each?: string } {
  const positional = op.sdk.args.map((p) => `${argName(p)}: Path<Op['${id}']>['${p}']`);
  let payload: string[] = [];
  if (op.sdk.payload === 'body') payload = [`body${op.bodyRequired ? '' : '?'}: Body<Op['${id}']>`];
  if (op.sdk.payload === 'query') payload = [`query${op.queryRequired ? '' : '?'}: Query<Op['${id}']>`];
  // A body operation that also reads query parameters takes them as options.query.
  const withQuery = op.sdk.payload === 'body' && op.queryParams.length > 0;
  const options = withQuery ? `options${op.queryRequired ? '' : '?'}: CallOptions & { query${op.queryRequired ? '' : '?'}: Query<Op['${id}']> }` : 'options?: CallOptions';
  const params = [...positional, ...payload, options].join(', ');
  if (op.sdk.method !== 'list' || !op.list) return { params };
  const eachQuery = op.sdk.payload === 'query' ? `query${op.queryRequired ? '' : '?'}: Query<Op['${id}']> & EachOptions` : 'query?: EachOptions';
  return { params, each: [...positional, eachQuery, 'options?: CallOptions'].join(', ') };
}

export function sdkTypesSource(table: Record<string, OperationRow>, header: string): string {
  const root: Node = { methods: [], children: new Map() };
  for (const [id, op] of Object.entries(table)) {
    let node = root;
    for (const part of op.sdk.namespace) {
      if (!node.children.has(part)) node.children.set(part, { methods: [], children: new Map() });
      node = node.children.get(part)!;
    }
    const { params, each } = signature(id, op);
    node.methods.push(`${jsdoc(id, op)}\n${op.sdk.method}(${params}): Promise<Out<M, ${dataType(id, op)}>>;`);
    if (each && op.list) {
      const item = op.list.kind === 'page' ? `Data<Op['${id}']>['${op.list.itemsKey}'][number]` : `Data<Op['${id}']>[number]`;
      node.methods.push(
        `${jsdoc(id, op, `Iterates over every item, page after page (\`limit\` stops early); memory holds one page at a time.`)}\neach(${each}): AsyncIterableIterator<${item}>;`,
      );
    }
  }
  const render = (node: Node, depth: number): string => {
    const pad = '  '.repeat(depth);
    const members = [
      ...node.methods.map((m) => m.split('\n').map((l) => pad + l).join('\n')),
      ...[...node.children.entries()].map(([name, child]) => `${pad}${name}: {\n${render(child, depth + 1)}\n${pad}};`),
    ];
    return members.join('\n');
  };
  return (
    header +
    `import type { operations as Op } from './openapi-types.js';\n` +
    `import type { Body, CallOptions, Data, EachOptions, Mode, Out, Path, Query } from '../src/sdk/types.js';\n\n` +
    `/** The SDK's resources: one namespace per resource, one method per operation of the spec. */\n` +
    `export interface RestcommResources<M extends Mode = 'throw'> {\n${render(root, 1)}\n}\n`
  );
}
