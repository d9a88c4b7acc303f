// Live contract check: replays read-only SDK calls against a real server and validates each answer, in process, against
// the bundled spec: the status must be declared and a success, the media type declared, the body valid for its schema.
import { readFileSync } from 'node:fs';
import { createClient, RestcommHttpError } from '../../src/index.js';
import { createRedactor } from '../../src/redact.js';
import { operations, type OperationId } from '../../src/operations.js';
import { bundleJson } from '../../tools/spec.js';
import { schemaValidator } from '../../tools/schemas.js';
import { deref, listOperations, type Json, type JsonObject } from '../../tools/spec.js';

const bundle = JSON.parse(readFileSync(bundleJson, 'utf8')) as JsonObject;
const validate = schemaValidator(bundle);
const byId = new Map(listOperations(bundle).map((o) => [o.operationId, o]));

/** One read-only call: a list of the REST API (GET, no path argument, no required query), then its first item. */
export interface Replay {
  list: OperationId;
  /** The instance fetch of the same resource, called with the `sid` of the first listed item. */
  first?: OperationId;
}

/** The replays, derived from the spec: every list on the REST API base that needs no argument, and its fetch. */
const ids = Object.keys(operations) as OperationId[];
const replayable = (id: OperationId) => {
  const op = operations[id];
  return op.method === 'GET' && !op.server && op.sdk.args.length === 0 && !op.queryRequired && (op.list !== undefined || id === 'fetchAccount');
};
const fetchOf = (list: OperationId) =>
  ids.find((id) => {
    const op = operations[id];
    return op.method === 'GET' && op.sdk.method === 'fetch' && op.sdk.args.length === 1 && op.sdk.namespace.join('.') === operations[list].sdk.namespace.join('.');
  });
export const replays: Replay[] = ids.filter(replayable).map((list) => {
  const first = operations[list].list ? fetchOf(list) : undefined;
  return first ? { list, first } : { list };
});

export interface Finding {
  /** `status` (undeclared or not a success), `media-type`, a JSON Schema keyword (`required`, `type`, `enum`, …), or `failure`. */
  code: string;
  /** Where: `response.status`, `response.body.calls[0].status`, `request`. */
  location: string;
  message: string;
}

export interface CallRecord {
  operationId: OperationId;
  path: string;
  status?: number;
  findings: Finding[];
}

const dotted = (pointer: string) => pointer.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`)).join('');

/** Checks one answer against what the operation declares for its status. */
export function checkAnswer(id: OperationId, status: number, contentType: string | null, body: unknown): Finding[] {
  const responses = (byId.get(id)!.operation.responses ?? {}) as JsonObject;
  const declared = deref(bundle, responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default);
  if (!declared) return [{ code: 'status', location: 'response.status', message: `HTTP ${status} is not declared for ${id}` }];
  const findings: Finding[] = [];
  if (status >= 300) findings.push({ code: 'status', location: 'response.status', message: `HTTP ${status}: ${typeof body === 'string' ? body : JSON.stringify(body ?? '')}`.slice(0, 200) });
  const content = (declared.content ?? {}) as JsonObject;
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!Object.keys(content).length) return findings;
  const media = content[type] as JsonObject | undefined;
  if (!media) return [...findings, { code: 'media-type', location: 'response.headers.content-type', message: `"${type}" is not one of ${Object.keys(content).join(', ')}` }];
  if (!type.includes('json')) return findings;
  const check = validate(media.schema as Json, body);
  return [...findings, ...check.findings.map((f) => ({ code: f.keyword, location: `response.body${dotted(f.path)}`, message: f.message }))];
}

export interface CheckOptions {
  baseUrl: string;
  accountSid: string;
  authToken: string;
  /** The whole run must end by then (ms); calls not made by then are reported as failures. */
  deadlineMs?: number;
  onCall?: (record: CallRecord) => void;
}

/** Replays the calls and returns one record per call made. */
export async function checkContract(options: CheckOptions): Promise<CallRecord[]> {
  const deadline = AbortSignal.timeout(options.deadlineMs ?? 120_000);
  // Only GETs leave this client, whatever the table says, and none after the deadline.
  // The last raw answer is kept: an answer the SDK cannot even parse is a finding too, not a crash.
  let raw: { response: Response; text: Promise<string> } | undefined;
  const takeRaw = () => {
    const answer = raw;
    raw = undefined;
    return answer;
  };
  const readOnly: typeof fetch = async (input, init) => {
    const method = (init?.method ?? 'GET').toUpperCase();
    if (method !== 'GET') throw new Error(`the contract check only sends GET requests, refused ${method}`);
    const response = await fetch(input, { ...init, signal: deadline });
    raw = { response, text: response.clone().text() };
    return response;
  };
  const client = createClient({ baseUrl: options.baseUrl, accountSid: options.accountSid, authToken: options.authToken, errors: 'result', fetch: readOnly });
  const records: CallRecord[] = [];

  const call = async (id: OperationId, args: unknown[]): Promise<unknown> => {
    const op = operations[id];
    let node = client as unknown as Record<string, unknown>;
    for (const part of op.sdk.namespace) node = node[part] as Record<string, unknown>;
    const record: CallRecord = { operationId: id, path: op.path, findings: [] };
    let data: unknown;
    if (deadline.aborted) record.findings.push({ code: 'failure', location: 'request', message: 'not made: the deadline had passed' });
    else {
      const result = (await (node[op.sdk.method] as (...a: unknown[]) => Promise<{ data?: unknown; error?: unknown; response?: Response }>)(...args).catch((error: unknown) => ({ error }))) as {
        data?: unknown;
        error?: unknown;
        response?: Response;
      };
      const answer = takeRaw();
      const response = result.response ?? answer?.response;
      if (response) {
        record.status = response.status;
        record.path = new URL(response.url).pathname.replace(new URL(options.baseUrl).pathname.replace(/\/$/, ''), '');
        // What the SDK made of the answer; its raw text when the SDK could not read it.
        const body = result.error instanceof RestcommHttpError ? result.error.body : result.response ? result.data : await answer!.text;
        record.findings = checkAnswer(id, response.status, response.headers.get('Content-Type'), body);
        data = result.data;
      } else {
        const error = result.error as Error;
        record.findings.push({ code: 'failure', location: 'request', message: deadline.aborted ? 'the deadline passed during the call' : `${error?.name}: ${error?.message}` });
      }
    }
    records.push(record);
    options.onCall?.(record);
    return record.findings.length ? undefined : data;
  };

  for (const replay of replays) {
    const data = await call(replay.list, []);
    const list = operations[replay.list].list;
    const items = list?.kind === 'page' ? (data as Record<string, unknown> | undefined)?.[list.itemsKey] : data;
    const sid = Array.isArray(items) ? (items[0] as { sid?: unknown } | undefined)?.sid : undefined;
    if (replay.first && typeof sid === 'string' && sid) await call(replay.first, [sid]);
  }
  return records;
}

/**
 * The report's redaction: the SDK's own (the token, the Basic value in base64 and decoded, each as `[redacted]`), and
 * the account SID, not a secret but not the report's business either, as `AC…`.
 */
export function redactor(accountSid: string, authToken: string): (text: string) => string {
  const secrets = createRedactor(accountSid, authToken);
  const forms = accountSid ? [accountSid, encodeURIComponent(accountSid)] : [];
  return (text) => forms.reduce((out, form) => out.split(form).join('AC…'), secrets(text));
}

/** The report: one line per call, one block per finding, a summary line. */
export function formatReport(records: CallRecord[]): string {
  const lines = records.map((r) => `${r.findings.length ? '✖' : '✓'} ${r.status ?? '---'} GET ${r.path}  ${[...operations[r.operationId].sdk.namespace, operations[r.operationId].sdk.method].join('.')}`);
  const findings = records.flatMap((r) => r.findings.map((f) => `✖ GET ${r.path} → ${f.location}: ${f.message}\n    rule ${f.code} · ${r.operationId}`));
  const count = findings.length;
  const summary = `${records.length} calls, ${count} violation${count === 1 ? '' : 's'}: the server ${count ? 'breaks' : 'keeps'} the contract`;
  return [...lines, '', ...findings, ...(count ? [''] : []), summary, ''].join('\n');
}
