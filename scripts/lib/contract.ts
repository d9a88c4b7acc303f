// Live contract check: replays read-only SDK calls through `prism proxy --errors` in front of a real Restcomm server and
// collects every exchange that breaks the spec.
//
// What Prism 5 does (observed, @stoplight/prism-cli 5.14):
// - it serves the spec's paths at its root and forwards each request to `posix.join(upstream.pathname, path)`, so the
//   upstream's base path is kept: `/Accounts/AC….json` reaches `<upstream>/Accounts/AC….json`;
// - a response that breaks the spec is replaced by HTTP 500, `application/problem+json`, type
//   `https://stoplight.io/prism/errors#VIOLATIONS`, with a `validation` array of { location, severity, code?, message };
//   every finding (warnings and request findings included) is also in the `sl-violations` header as JSON;
// - an undeclared status is an error when it is 2xx and only a warning otherwise (the answer then passes through);
// - a request that breaks the spec is not forwarded: 422 UNPROCESSABLE_ENTITY (or 401 UNAUTHORIZED) with `validation`;
// - an upstream 501 is silently replaced by a mocked answer; only Prism's log says so (and gives the real status).
import { freePort } from './ports.js';
import { isLoopbackHost } from '../../src/base-url.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { createClient, type RestcommClient, type RestcommResult } from '../../src/index.js';
import { RestcommHttpError } from '../../src/sdk/errors.js';
import { createRedactor } from '../../src/redact.js';
import { operations, type OperationId } from '../../generated/operations.js';
import { bin, bundleJson } from './paths.js';

type Client = RestcommClient<'result'>;
type Outcome = RestcommResult<unknown>;
/** An SDK result, or a thrown error folded into the same shape. */
type Answer = { data?: unknown; error?: unknown; response?: Response | undefined };

/** One read-only call; `first` fetches the first item of the list by its `sid`, so instance endpoints see real SIDs. */
export interface ReadCall {
  op: OperationId;
  call: (c: Client) => Promise<Outcome>;
  first?: [OperationId, (c: Client, sid: string) => Promise<Outcome>];
}

// prettier-ignore
/** The calls the check replays, in order. GETs only (enforced again by the fetch the client is given). */
export const readCalls: ReadCall[] = [
  { op: 'fetchAccount',             call: (c) => c.accounts.fetch() },
  { op: 'listAccounts',             call: (c) => c.accounts.list(),                                  first: ['fetchAccount',             (c, sid) => c.accounts.fetch({ accountSid: sid })] },
  { op: 'listApplications',         call: (c) => c.applications.list(),                              first: ['fetchApplication',         (c, sid) => c.applications.fetch(sid)] },
  { op: 'listClients',              call: (c) => c.clients.list(),                                   first: ['fetchClient',              (c, sid) => c.clients.fetch(sid)] },
  { op: 'listIncomingPhoneNumbers', call: (c) => c.incomingPhoneNumbers.list(),                      first: ['fetchIncomingPhoneNumber', (c, sid) => c.incomingPhoneNumbers.fetch(sid)] },
  { op: 'listNotifications',        call: (c) => c.notifications.list(),                             first: ['fetchNotification',        (c, sid) => c.notifications.fetch(sid)] },
  { op: 'listCalls',                call: (c) => c.calls.list(),                                     first: ['fetchCall',                (c, sid) => c.calls.fetch(sid)] },
  { op: 'listConferences',          call: (c) => c.conferences.list(),                               first: ['fetchConference',          (c, sid) => c.conferences.fetch(sid)] },
  { op: 'listRecordings',           call: (c) => c.recordings.list(),                                first: ['fetchRecording',           (c, sid) => c.recordings.fetch(sid)] },
  { op: 'listTranscriptions',       call: (c) => c.transcriptions.list(),                            first: ['fetchTranscription',       (c, sid) => c.transcriptions.fetch(sid)] },
  { op: 'listSmsMessages',          call: (c) => c.sms.messages.list(),                              first: ['fetchSmsMessage',          (c, sid) => c.sms.messages.fetch(sid)] },
  { op: 'listUsageRecords',         call: (c) => c.usage.records.list('Daily') },
  { op: 'listAvailableCountries',   call: (c) => c.incomingPhoneNumbers.availableCountries.list() },
];

/**
 * `request`/`response`: Prism found the exchange off-contract; `status`: the upstream answered outside 2xx (or 501,
 * which Prism hides behind a mock); `failure`: no usable answer (Prism could not forward, network error, timeout).
 */
export type ProblemKind = 'request' | 'response' | 'status' | 'failure';

export interface Problem {
  kind: ProblemKind;
  /** Where, as a dotted path: `response.body.calls[0].status`, `request.query.Page`, `response`. */
  location: string;
  /** The rule: Prism's (AJV) keyword (`required`, `type`, `enum`, …), or `undeclared-status`, `media-type`, `unexpected-status`, `prism`, `network`. */
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CallRecord {
  operationId: OperationId;
  /** The SDK method, e.g. `calls.list`. */
  method: string;
  httpMethod: string;
  /** The request path below the API base (no query). */
  path: string;
  /** The status Prism answered with. */
  status?: number;
  /** The status the upstream answered with, from Prism's log (Prism turns off-contract answers into 500s). */
  upstreamStatus?: number;
  problems: Problem[];
}

export interface ContractReport {
  upstream: string;
  calls: CallRecord[];
  problems: number;
}

// ---------------------------------------------------------------------------------------------------------- the proxy

export interface RunningProxy {
  url: string;
  /** Everything Prism printed so far. */
  output(): string;
  /** The status Prism logged for the next forward of `path` not yet asked about; waits up to `waitMs` for the line. */
  upstreamStatus(path: string, waitMs?: number): Promise<number | undefined>;
  stop(): Promise<void>;
}

/** Checks the upstream URL and returns it without a trailing slash. Plain http only on loopback: credentials travel. */
export function normalizeUpstream(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`--upstream "${raw}" is not an absolute URL (e.g. https://cloud.restcomm.com/restcomm/2012-04-24)`);
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`--upstream "${raw}" must use https (plain http only for localhost): the credentials travel in every request`);
  }
  if (url.search || url.hash || url.username || url.password) throw new Error(`--upstream "${raw}" must not carry a query, fragment or credentials`);
  return url.toString().replace(/\/+$/, '');
}

const ansi = /\u001b\[[0-9;]*m/g;
const forwardedLine = /[Uu]pstream call to (\S+) has returned (\d{3})/;

/** Starts `prism proxy <spec> <upstream> --errors` on a free loopback port and resolves once it answers HTTP. */
export async function startProxy(options: { upstream: string; spec?: string; timeoutMs?: number }): Promise<RunningProxy> {
  const upstream = normalizeUpstream(options.upstream);
  const spec = options.spec ?? bundleJson;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(bin('prism'), ['proxy', spec, upstream, '--errors', '--port', String(port), '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  let output = '';
  let partial = '';
  const forwarded: { path: string; status: number }[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    const text = d.toString().replace(ansi, '');
    output += text;
    const lines = (partial + text).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const m = forwardedLine.exec(line);
      if (m) forwarded.push({ path: m[1]!, status: Number(m[2]) });
    }
  });
  child.stderr?.on('data', (d: Buffer) => (output += d.toString().replace(ansi, '')));
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  let failedToSpawn: Error | undefined;
  void spawnError.then((e) => (failedToSpawn = e));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && !failedToSpawn) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failedToSpawn) throw new Error(`Could not start Prism (${bin('prism')}): ${failedToSpawn.message}. Run npm ci.`);
    if (child.exitCode !== null) throw new Error(`Prism proxy exited with ${child.exitCode} before it was ready:\n${output.trim()}`);
    try {
      // With --errors, an unknown route is answered by Prism itself (404) and never forwarded.
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`Prism proxy did not answer on ${url} within ${timeoutMs} ms:\n${output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  let consumed = 0;
  return {
    url,
    output: () => output,
    async upstreamStatus(path, waitMs = 1000) {
      const until = Date.now() + waitMs;
      for (;;) {
        const index = forwarded.findIndex((f, i) => i >= consumed && f.path === path);
        if (index >= 0) {
          consumed = index + 1;
          return forwarded[index]!.status;
        }
        if (Date.now() >= until) return undefined;
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    stop,
  };
}

// ------------------------------------------------------------------------------------------------- reading the answers

const prismErrors = 'https://stoplight.io/prism/errors#';

interface PrismFinding {
  location?: unknown;
  severity?: unknown;
  code?: unknown;
  message?: unknown;
}

/** `['response','body','calls','0','status']` → `response.body.calls[0].status`. */
export function formatLocation(parts: readonly unknown[]): string {
  return parts.reduce<string>((out, part) => {
    const p = String(part);
    if (/^\d+$/.test(p)) return `${out}[${p}]`;
    return out ? `${out}.${p}` : p;
  }, '');
}

/** Prism's messages repeat the location ("Response body property calls.0.status must …"); keep the rule's own words. */
function shortMessage(message: string): string {
  return message
    .replace(/^(?:Request|Response) body(?: property \S+)? (?=must|should|is|does)/, '')
    .replace(/^(?:Request|Response) (?:query|path|header|cookie) parameter \S+ (?=must|should|is|does)/i, '');
}

function toProblem(finding: PrismFinding, side: 'request' | 'response'): Problem {
  let parts = Array.isArray(finding.location) ? (finding.location as unknown[]) : [];
  if (parts[0] !== 'request' && parts[0] !== 'response') parts = [side, ...parts];
  const kind = parts[0] as 'request' | 'response';
  const message = typeof finding.message === 'string' ? finding.message : JSON.stringify(finding);
  let code = finding.code === undefined || finding.code === null ? '' : String(finding.code);
  if (!code && message.startsWith('Unable to match the returned status code')) code = 'undeclared-status';
  if (!code && message.startsWith('The received media type')) code = 'media-type';
  return {
    kind,
    location: formatLocation(parts),
    code: code || 'violation',
    message: shortMessage(message),
    severity: String(finding.severity).toLowerCase() === 'warning' ? 'warning' : 'error',
  };
}

function findingsFromHeader(headers: Headers | undefined): PrismFinding[] {
  const raw = headers?.get('sl-violations');
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? (parsed as PrismFinding[]) : [];
  } catch {
    return []; // "Too many violations! …" is cut off; the body's list is then used
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.kind}|${p.location}|${p.code}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function oneLine(value: unknown, max = 200): string {
  const text = (typeof value === 'string' ? value : JSON.stringify(value) ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Turns one SDK result (through the proxy) into problems. `forwarded` says whether the upstream was reached. */
export function classify(result: Answer): { problems: Problem[]; forwarded: boolean } {
  const error = result.error;
  if (!error) {
    return { problems: dedupe(findingsFromHeader(result.response?.headers).map((f) => toProblem(f, 'response'))), forwarded: true };
  }
  if (!(error instanceof RestcommHttpError)) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { problems: [{ kind: 'failure', location: 'request', code: 'network', message, severity: 'error' }], forwarded: false };
  }
  const body = error.body as { type?: unknown; title?: unknown; detail?: unknown; validation?: unknown } | undefined;
  const type = body && typeof body === 'object' && typeof body.type === 'string' ? body.type : '';
  const headerFindings = findingsFromHeader(error.headers);
  // Prism's own answers: its typed errors, or a plain error (type = the error's name, e.g. `FetchError` when the
  // upstream cannot be reached), both as application/problem+json.
  const problemJson = /^application\/problem\+json\b/i.test(error.headers.get('Content-Type') ?? '');
  if (problemJson && (type.startsWith(prismErrors) || /^[A-Za-z]*Error$/.test(type))) {
    const kind = type.startsWith(prismErrors) ? type.slice(prismErrors.length) : type;
    const bodyFindings = Array.isArray(body!.validation) ? (body!.validation as PrismFinding[]) : [];
    if (kind === 'VIOLATIONS') {
      return { problems: dedupe([...headerFindings, ...bodyFindings].map((f) => toProblem(f, 'response'))), forwarded: true };
    }
    if (kind === 'UNPROCESSABLE_ENTITY' || kind === 'UNAUTHORIZED') {
      const findings = bodyFindings.length ? bodyFindings : [{ location: ['request'], code: kind.toLowerCase(), message: String(body!.title ?? kind), severity: 'Error' }];
      return { problems: dedupe([...headerFindings, ...findings].map((f) => toProblem(f, 'request'))), forwarded: false };
    }
    const detail = [body!.title, body!.detail].filter((s) => typeof s === 'string' && s).join(': ');
    return { problems: [{ kind: 'failure', location: 'proxy', code: 'prism', message: `Prism answered ${error.status} ${kind}${detail ? ` (${oneLine(detail)})` : ''}`, severity: 'error' }], forwarded: false };
  }
  // The upstream's own non-2xx answer, passed through (declared or not: an undeclared one also carries a warning).
  const said = error.serverMessage ?? oneLine(error.body);
  return {
    problems: [
      { kind: 'status', location: 'response.status', code: 'unexpected-status', message: `HTTP ${error.status}${said ? `: ${oneLine(said)}` : ''}`, severity: 'error' },
      ...dedupe(headerFindings.map((f) => toProblem(f, 'response'))),
    ],
    forwarded: true,
  };
}

/** The items of a list answer, using the list shape the operations table records. */
function itemsOf(op: OperationId, data: unknown): unknown[] {
  const list = operations[op].list as { kind: string; itemsKey?: string } | null;
  if (!list) return [];
  const items = list.kind === 'page' && list.itemsKey ? (data as Record<string, unknown> | undefined)?.[list.itemsKey] : data;
  return Array.isArray(items) ? items : [];
}

// ----------------------------------------------------------------------------------------------------------- the run

export interface CheckOptions {
  upstream: string;
  accountSid: string;
  authToken: string;
  spec?: string;
  /** Per call, ms (default 30000). */
  timeoutMs?: number;
  startTimeoutMs?: number;
  calls?: ReadCall[];
  /** Called after each call, e.g. to print progress. */
  onCall?: (record: CallRecord) => void;
}

/** Replays `calls` through a running proxy at `proxyUrl`. */
export async function replay(proxy: Pick<RunningProxy, 'url' | 'upstreamStatus'>, options: Omit<CheckOptions, 'upstream' | 'spec' | 'startTimeoutMs'>): Promise<CallRecord[]> {
  const sent: { method: string; url: string }[] = [];
  // Only GETs leave this client, whatever the table says.
  const readOnlyFetch: typeof fetch = (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = input instanceof Request ? input.url : String(input);
    if (method !== 'GET') return Promise.reject(new Error(`The contract check only sends GET requests, refused ${method} ${new URL(url).pathname}`));
    sent.push({ method, url });
    return fetch(input, init);
  };
  const client = createClient({
    baseUrl: proxy.url,
    accountSid: options.accountSid,
    authToken: options.authToken,
    errors: 'result',
    timeout: options.timeoutMs ?? 30_000,
    fetch: readOnlyFetch,
  });

  const records: CallRecord[] = [];
  const exchange = async (op: OperationId, run: () => Promise<Outcome>): Promise<Answer> => {
    const before = sent.length;
    let result: Answer;
    try {
      result = await run();
    } catch (error) {
      // Result mode still throws TypeErrors (and anything the fetch above refuses); report them, do not abort the run.
      result = { error };
    }
    const request = sent[before];
    const entry = operations[op];
    const path = request ? new URL(request.url).pathname : entry.path;
    const { problems, forwarded } = classify(result);
    const record: CallRecord = {
      operationId: op,
      method: `${entry.sdk.namespace.join('.')}.${entry.sdk.method}`,
      httpMethod: request?.method ?? entry.method,
      path,
      problems,
    };
    if (result.response) record.status = result.response.status;
    if (forwarded && request) {
      const upstreamStatus = await proxy.upstreamStatus(path);
      if (upstreamStatus !== undefined) record.upstreamStatus = upstreamStatus;
      if (upstreamStatus === 501) {
        problems.unshift({ kind: 'status', location: 'response.status', code: 'unexpected-status', message: 'HTTP 501 from the upstream; Prism answered with a mocked response instead', severity: 'error' });
      }
    }
    records.push(record);
    options.onCall?.(record);
    return result;
  };

  for (const row of options.calls ?? readCalls) {
    const result = await exchange(row.op, () => row.call(client));
    if (!row.first || result.error) continue;
    const first = itemsOf(row.op, result.data)[0] as { sid?: unknown } | undefined;
    if (typeof first?.sid === 'string' && first.sid) {
      const [fetchOp, fetchFirst] = row.first;
      const sid = first.sid;
      await exchange(fetchOp, () => fetchFirst(client, sid));
    }
  }
  return records;
}

/** Starts the proxy, replays the calls, stops the proxy. */
export async function checkContract(options: CheckOptions): Promise<ContractReport> {
  const proxy = await startProxy({ upstream: options.upstream, ...(options.spec ? { spec: options.spec } : {}), ...(options.startTimeoutMs ? { timeoutMs: options.startTimeoutMs } : {}) });
  try {
    const calls = await replay(proxy, options);
    return { upstream: normalizeUpstream(options.upstream), calls, problems: calls.reduce((n, c) => n + c.problems.length, 0) };
  } finally {
    await proxy.stop();
  }
}

// ------------------------------------------------------------------------------------------------------- the report

/**
 * Removes the credentials wherever they appear, with the SDK's own redaction (the token, the Basic value in base64
 * and decoded); the account SID, not a secret but not the report's business either, becomes `AC…`.
 */
export function redactor(accountSid: string, authToken: string): (text: string) => string {
  const secrets = createRedactor(accountSid, authToken);
  const masks: [string, string][] = [];
  if (accountSid) {
    const mask = accountSid.startsWith('AC') ? 'AC…' : '…';
    masks.push([accountSid, mask]);
    if (encodeURIComponent(accountSid) !== accountSid) masks.push([encodeURIComponent(accountSid), mask]);
  }
  return (text) => masks.reduce((out, [secret, mask]) => out.split(secret).join(mask), secrets(text));
}

const kindLabel: Record<ProblemKind, [string, string]> = {
  response: ['response violation', 'response violations'],
  request: ['request violation', 'request violations'],
  status: ['unexpected status', 'unexpected statuses'],
  failure: ['failure', 'failures'],
};

/** One line per call, for progress. */
export function formatCall(record: CallRecord, redact: (s: string) => string = (s) => s): string {
  const mark = record.problems.length ? '✖' : '✓';
  const status = record.status === undefined ? '---' : String(record.status);
  const upstream = record.upstreamStatus !== undefined && record.upstreamStatus !== record.status ? ` (upstream ${record.upstreamStatus})` : '';
  const count = record.problems.length ? `  ${record.problems.length} problem${record.problems.length > 1 ? 's' : ''}` : '';
  return redact(`${mark} ${status} ${record.httpMethod} ${record.path}${upstream}  ${record.method}${count}`);
}

/** The readable report: one block per problem, then the summary line. */
export function formatReport(report: ContractReport, redact: (s: string) => string = (s) => s): string {
  const lines: string[] = [];
  for (const call of report.calls) {
    for (const p of call.problems) {
      const where = p.kind === 'status' || p.kind === 'failure' ? `${kindLabel[p.kind][0]}` : p.location;
      lines.push(`✖ ${call.httpMethod} ${call.path} → ${where}: ${p.message}`);
      const details = [`rule ${p.code}`, `${p.kind}${p.severity === 'warning' ? ' (warning)' : ''}`, `${call.method} (${call.operationId})`];
      if (call.upstreamStatus !== undefined) details.push(`upstream answered ${call.upstreamStatus}`);
      lines.push(`    ${details.join(' · ')}`, '');
    }
  }
  lines.push(summary(report));
  return redact(lines.join('\n')) + '\n';
}

export function summary(report: ContractReport): string {
  const counts = new Map<ProblemKind, number>();
  for (const call of report.calls) for (const p of call.problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const parts = (Object.keys(kindLabel) as ProblemKind[])
    .filter((k) => counts.get(k))
    .map((k) => `${counts.get(k)} ${kindLabel[k][counts.get(k) === 1 ? 0 : 1]}`);
  const head = `${report.calls.length} call${report.calls.length === 1 ? '' : 's'}, ${report.problems} violation${report.problems === 1 ? '' : 's'}`;
  return report.problems ? `${head} (${parts.join(', ')}): the server breaks the contract` : `${head}: the server keeps the contract`;
}
