// Code samples for every operation, generated from the spec (never hand-written, so they cannot drift): a curl command
// and the SDK call, both built from the operation's own examples. The SDK snippets are also written to
// generated/code-samples.ts, where the type-check proves they compile against the SDK.
import type { OperationRow } from './operations-table.js';
import { exampleRequests, listOperations, type Json, type JsonObject } from '../../tools/spec.js';

export interface CodeSample {
  /** The named request example the sample follows (its key), when the operation has several. */
  exampleKey?: string;
  curl: string;
  /** The SDK call's body lines (without the import and client lines shared by every sample). */
  sdkBody: string;
  typescript: string;
}

const DOMAIN = 'cloud.restcomm.com';
const API_BASE = `https://${DOMAIN}/restcomm/2012-04-24`;
const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A JSON value as a TypeScript literal, keys unquoted where they can be. */
export function tsLiteral(value: Json | undefined, indent = ''): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value).replace(/^"(.*)"$/s, (_, s: string) => `'${s.replace(/\\"/g, '"').replace(/'/g, "\\'")}'`);
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => tsLiteral(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + tsLiteral(v, inner)).join(',\n')},\n${indent}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${inner}${identifier.test(k) ? k : `'${k}'`}: ${tsLiteral(v, inner)}`).join(',\n')},\n${indent}}`;
}

// Double quotes with $ escaped, except our own environment variables, which the shell should expand.
const shellQuote = (s: string) => `"${s.replace(/(["\\$`])/g, '\\$1').replace(/\\\$(RESTCOMM_[A-Z_]+)/g, '$$$1')}"`;

function curlSample(op: OperationRow, path: Record<string, Json>, query: Record<string, Json>, body: Json | undefined, secured: boolean): string {
  const base = op.server ? op.server.replace('{domain}', DOMAIN) : API_BASE;
  let url = base + op.path;
  for (const [name, value] of Object.entries(path)) {
    url = url.replace(`{${name}}`, name === 'AccountSid' ? '$RESTCOMM_ACCOUNT_SID' : encodeURIComponent(String(value)));
  }
  const get = op.method === 'GET';
  const hasQuery = Object.keys(query).length > 0;
  const field = (k: string, v: Json) => `--data-urlencode ${shellQuote(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)}`;
  // GET queries are sent with -G and --data-urlencode; the rare query on another method goes in the URL.
  if (hasQuery && !get) url += `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;
  const lines = [`curl ${get ? (hasQuery ? '-G ' : '') : `-X ${op.method} `}${shellQuote(url)}`];
  if (secured) lines.push('-u "$RESTCOMM_ACCOUNT_SID:$RESTCOMM_AUTH_TOKEN"');
  if (hasQuery && get) for (const [k, v] of Object.entries(query)) for (const item of Array.isArray(v) ? v : [v]) lines.push(field(k, item));
  if (body !== undefined && op.requestMediaType === 'application/x-www-form-urlencoded') {
    for (const [k, v] of Object.entries(body as JsonObject)) {
      if (Array.isArray(v) && op.formArrays[k] === 'comma') lines.push(field(k, v.join(',')));
      else for (const item of Array.isArray(v) ? v : [v]) lines.push(field(k, item));
    }
  } else if (body !== undefined && op.requestMediaType === 'multipart/form-data') {
    for (const [k, v] of Object.entries(body as JsonObject)) lines.push(`-F ${shellQuote(`${k}=${typeof v === 'string' && k === 'file' ? '@greeting.wav' : String(v)}`)}`);
  } else if (body !== undefined) {
    lines.push(`-H "Content-Type: application/json"`);
    lines.push(`-d '${JSON.stringify(body).replace(/'/g, "'\\''")}'`);
  }
  if (op.responseKind === 'binary') lines.push(`-o ${op.path.endsWith('.mp4') ? 'recording.mp4' : op.path.endsWith('.wav') ? 'recording.wav' : 'media.bin'}`);
  return lines.join(' \\\n  ');
}

function sdkSample(op: OperationRow, path: Record<string, Json>, query: Record<string, Json>, body: Json | undefined): string {
  const args = op.sdk.args.map((p) => tsLiteral(path[p] ?? ''));
  const hasQuery = Object.keys(query).length > 0;
  if (op.sdk.payload === 'body' && op.requestMediaType === 'multipart/form-data' && body && typeof body === 'object' && !Array.isArray(body)) {
    // File parts are Blobs (or Files); the example's text stands for the file's bytes.
    const parts = Object.entries(body).map(([k, v]) => `  ${k}: ${typeof v === 'string' ? `new Blob([${tsLiteral(v)}])` : tsLiteral(v, '  ')},`);
    args.push(`{\n${parts.join('\n')}\n}`);
  } else if (op.sdk.payload === 'body') args.push(body === undefined ? '{}' : tsLiteral(body));
  if (op.sdk.payload === 'query' && hasQuery) args.push(tsLiteral(query));
  if (op.sdk.payload === 'body' && hasQuery) args.push(`{ query: ${tsLiteral(query)} }`);
  const call = `client.${[...op.sdk.namespace, op.sdk.method].join('.')}(${args.join(', ')})`;
  const result = op.responseKind === 'empty' ? `await ${call};` : `const result = await ${call};`;
  const use =
    op.responseKind === 'binary'
      ? `console.log(result.type, result.size); // a Blob`
      : op.responseKind === 'empty'
        ? ''
        : 'console.log(result);';
  return [result, use].filter(Boolean).join('\n');
}

/** The samples of every operation: one per named request example when there are several (so the reader finds the
 * sample for the example the picker shows), else one. */
export function buildCodeSamples(doc: JsonObject, table: Record<string, OperationRow>): Record<string, CodeSample[]> {
  const out: Record<string, CodeSample[]> = {};
  for (const ref of listOperations(doc)) {
    const op = table[ref.operationId]!;
    const examples = exampleRequests(doc, ref, 3);
    out[ref.operationId] = examples.map(({ key, request: { path, query, body } }) => {
      const sdkBody = sdkSample(op, path, query, body);
      return {
        ...(examples.length > 1 && key ? { exampleKey: key } : {}),
        curl: curlSample(op, path, query, body, op.secured),
        sdkBody,
        typescript: `import { createClient } from 'restcomm-cpaas';\n\n// Reads RESTCOMM_ACCOUNT_SID, RESTCOMM_AUTH_TOKEN and RESTCOMM_DOMAIN.\nconst client = createClient();\n\n${sdkBody}\n`,
      };
    });
  }
  return out;
}

/** A guide's TypeScript blocks (```ts), for the type-check: each block's imports, and its other lines as a body. */
export interface GuideSample {
  name: string;
  imports: string[];
  body: string;
}

export function guideSamples(guides: { title: string; markdown: string }[]): GuideSample[] {
  return guides.flatMap((guide) =>
    [...guide.markdown.matchAll(/^```ts\n([\s\S]*?)^```/gm)].map((m, i) => {
      const lines = m[1]!.trimEnd().split('\n');
      const imports = lines.filter((l) => /^import\s/.test(l));
      const body = lines.filter((l) => !/^import\s/.test(l)).join('\n').trim();
      return { name: `guide_${guide.title.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '')}_${i + 1}`, imports, body };
    }),
  );
}

/** generated/code-samples.ts: every SDK sample inside a function, so `npm run typecheck` proves each one compiles; the
 * guides' TypeScript blocks too, their imports hoisted to the top. */
export function codeSamplesSource(samples: Record<string, CodeSample[]>, header: string, guides: GuideSample[] = []): string {
  const fns = Object.entries(samples).flatMap(([id, list]) =>
    list.map((s) => {
      const name = s.exampleKey ? `${id}_${s.exampleKey.replace(/[^A-Za-z0-9_$]/g, '_')}` : id;
      const doc = s.exampleKey ? `${id}, example ${s.exampleKey}` : id;
      return `/** ${doc} */\nexport async function ${name}(client: RestcommResources): Promise<void> {\n${indent(s.sdkBody)}\n}`;
    }),
  );
  const imports = [...new Set(guides.flatMap((g) => g.imports))];
  for (const g of guides) fns.push(`/** ${g.name.replace(/_/g, ' ')}: a TypeScript block of the guide */\nexport async function ${g.name}(): Promise<void> {\n${indent(g.body)}\n}`);
  return `${header}/* eslint-disable */\nimport type { RestcommResources } from 'restcomm-cpaas';\n${imports.map((l) => `${l}\n`).join('')}\n${fns.join('\n\n')}\n`;
}

const indent = (code: string) => code.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
