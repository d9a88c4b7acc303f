// Code samples for every operation, generated from the spec (never hand-written, so they cannot drift): a curl command
// and the SDK call, both built from the operation's own examples. The SDK snippets are also written to
// generated/code-samples.ts, where the type-check proves they compile against the SDK.
import type { OperationRow } from './operations-table.js';
import { exampleRequest, listOperations, type Json, type JsonObject } from '../../tools/spec.js';

export interface CodeSample {
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

export function buildCodeSamples(doc: JsonObject, table: Record<string, OperationRow>): Record<string, CodeSample> {
  const out: Record<string, CodeSample> = {};
  for (const ref of listOperations(doc)) {
    const op = table[ref.operationId]!;
    const { path, query, body } = exampleRequest(doc, ref, 3);
    const sdkBody = sdkSample(op, path, query, body);
    out[ref.operationId] = {
      curl: curlSample(op, path, query, body, op.secured),
      sdkBody,
      typescript: `import { createClient } from 'restcomm-cpaas';\n\n// Reads RESTCOMM_ACCOUNT_SID, RESTCOMM_AUTH_TOKEN and RESTCOMM_DOMAIN.\nconst client = createClient();\n\n${sdkBody}\n`,
    };
  }
  return out;
}

/** generated/code-samples.ts: every SDK sample inside a function, so `npm run typecheck` proves each one compiles. */
export function codeSamplesSource(samples: Record<string, CodeSample>, header: string): string {
  const fns = Object.entries(samples).map(
    ([id, s]) => `/** ${id} */\nexport async function ${id}(client: RestcommResources): Promise<void> {\n${s.sdkBody.split('\n').map((l) => `  ${l}`).join('\n')}\n}`,
  );
  return `${header}/* eslint-disable */\nimport type { RestcommResources } from './sdk.js';\n\n${fns.join('\n\n')}\n`;
}
