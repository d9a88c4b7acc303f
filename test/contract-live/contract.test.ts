// The live contract check (scripts/contract.ts) against two local upstreams: a Prism mock of the spec, which keeps the
// contract, and a tampering server in front of that mock, which breaks it in known ways on known calls.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkContract,
  formatReport,
  normalizeUpstream,
  readCalls,
  redactor,
  startProxy,
  type ContractReport,
} from '../../scripts/lib/contract.js';
import { operations } from '../../generated/operations.js';
import { startPrism, type RunningMock } from '../support/prism.js';

const ACCOUNT_SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const AUTH_TOKEN = 'f00dfacecafe4b1d9e8c7a6b5d4c3e2f';
const API = '/restcomm/2012-04-24';
const root = path.resolve(import.meta.dirname, '..', '..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mock's JSON, reshaped freely below
type Json = any;
interface Answer {
  status?: number;
  contentType?: string;
  body: unknown;
}

// The breaks, by the path the check asks for (below the API base). Everything else passes through from the mock.
const tampering: [RegExp, (mocked: Json) => Answer][] = [
  // a missing required member
  [new RegExp(`^/Accounts/${ACCOUNT_SID}\\.json$`), (account) => ({ body: { ...account, friendly_name: undefined } })],
  // a wrong type
  [/\/Applications\.json$/, (apps) => ({ body: [{ ...apps[0], voice_caller_id_lookup: 'yes' }, ...apps.slice(1)] })],
  // a value outside an enum
  [/\/Calls\.json$/, (page) => ({ body: { ...page, calls: [{ ...page.calls[0], status: 'teleporting' }] } })],
  // an undeclared 2xx status (Prism: error)
  [/\/Clients\.json$/, (clients) => ({ status: 202, body: clients })],
  // a wrong content type
  [/\/Notifications\.json$/, () => ({ contentType: 'text/html', body: '<html><body>Notifications</body></html>' })],
  // a wrong type on an instance endpoint, reached with the SID of the first listed message
  [/\/SMS\/Messages\/SM\w+\.json$/, (sms) => ({ body: { ...sms, price: 0.0075 } })],
  // an upstream 500 (declared: Prism lets it through, the check reports it as an unexpected status)
  [/\/Conferences\.json$/, () => ({ status: 500, contentType: 'text/html', body: '<html><body>HTTP Status 500 - Internal Server Error</body></html>' })],
  // an undeclared 4xx status (Prism: a warning only, the answer passes through)
  [/\/Recordings\.json$/, () => ({ status: 418, contentType: 'text/plain', body: "I'm a teapot" })],
];

const acct = `/Accounts/${ACCOUNT_SID}`;
// What the check must report for those breaks, and nothing else.
const expected = [
  { operationId: 'fetchAccount', path: `${acct}.json`, kind: 'response', location: 'response.body', code: 'required', severity: 'error', message: /required property 'friendly_name'/ },
  { operationId: 'listApplications', path: `${acct}/Applications.json`, kind: 'response', location: 'response.body[0].voice_caller_id_lookup', code: 'type', severity: 'error', message: /^must be boolean$/ },
  { operationId: 'listClients', path: `${acct}/Clients.json`, kind: 'response', location: 'response', code: 'undeclared-status', severity: 'error', message: /Unable to match the returned status code/ },
  { operationId: 'listNotifications', path: `${acct}/Notifications.json`, kind: 'response', location: 'response', code: 'media-type', severity: 'error', message: /"text\/html" does not match .*application\/json/ },
  { operationId: 'listNotifications', path: `${acct}/Notifications.json`, kind: 'response', location: 'response.body', code: 'type', severity: 'error', message: /^must be object$/ },
  { operationId: 'listCalls', path: `${acct}/Calls.json`, kind: 'response', location: 'response.body.calls[0].status', code: 'enum', severity: 'error', message: /^must be equal to one of the allowed values: queued/ },
  { operationId: 'listConferences', path: `${acct}/Conferences.json`, kind: 'status', location: 'response.status', code: 'unexpected-status', severity: 'error', message: /^HTTP 500/ },
  { operationId: 'listRecordings', path: `${acct}/Recordings.json`, kind: 'status', location: 'response.status', code: 'unexpected-status', severity: 'error', message: /^HTTP 418/ },
  { operationId: 'listRecordings', path: `${acct}/Recordings.json`, kind: 'response', location: 'response', code: 'undeclared-status', severity: 'warning', message: /Unable to match the returned status code/ },
  { operationId: 'fetchSmsMessage', path: expect.stringMatching(new RegExp(`^${acct}/SMS/Messages/SM\\w{32}\\.json$`)), kind: 'response', location: 'response.body.price', code: 'type', severity: 'error', message: /^must be string$/ },
];

/** An upstream serving the REST API under /restcomm/2012-04-24: answers come from the mock, some tampered with. */
async function startTamperingServer(mockUrl: string) {
  const received: { method: string; url: string }[] = [];
  const server: Server = createServer((req, res) => {
    received.push({ method: req.method!, url: req.url! });
    void (async () => {
      const url = new URL(req.url!, 'http://upstream');
      if (!url.pathname.startsWith(`${API}/`)) return res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not under the API base');
      const apiPath = url.pathname.slice(API.length);
      const mocked = await fetch(`${mockUrl}${apiPath}${url.search}`, { headers: { Authorization: req.headers.authorization ?? '', Accept: 'application/json' } });
      const text = await mocked.text();
      const tamper = tampering.find(([route]) => route.test(apiPath))?.[1];
      if (!tamper || !mocked.ok) {
        return res.writeHead(mocked.status, { 'Content-Type': mocked.headers.get('Content-Type') ?? 'application/json' }).end(text);
      }
      const answer = tamper(JSON.parse(text));
      const contentType = answer.contentType ?? 'application/json';
      res.writeHead(answer.status ?? 200, { 'Content-Type': contentType });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    })().catch((err: unknown) => res.writeHead(599).end(String(err)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${API}`,
    received,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'contract.ts'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts work now, awaits it in the test: the Prism starts (several seconds each) overlap. */
function early<T>(work: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= work());
}

let mock: RunningMock;
let tamperer: Awaited<ReturnType<typeof startTamperingServer>>;
const credentials = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
const conforming = early(() => checkContract({ upstream: mock.url, ...credentials }));
const breaking = early(() => checkContract({ upstream: tamperer.baseUrl, ...credentials }));
const cli = early(() => runCli(['--upstream', tamperer.baseUrl], { RESTCOMM_ACCOUNT_SID: ACCOUNT_SID, RESTCOMM_AUTH_TOKEN: AUTH_TOKEN }));

beforeAll(async () => {
  mock = await startPrism();
  tamperer = await startTamperingServer(mock.url);
  for (const run of [conforming, breaking, cli]) run().catch(() => {}); // handled in the tests
}, 60_000);

afterAll(async () => {
  await Promise.allSettled([conforming(), breaking(), cli()]);
  await tamperer?.close();
  await mock?.stop();
});

describe('the call table', () => {
  it('holds only GET operations, and the first-item fetches are GETs too', () => {
    for (const row of readCalls) {
      expect(operations[row.op].method, row.op).toBe('GET');
      if (row.first) expect(operations[row.first[0]].method, row.first[0]).toBe('GET');
    }
  });
});

describe('an upstream that keeps the contract (Prism mock of the spec)', () => {
  it('reports no violation, and exercises every list and the first item of each', async () => {
    const report: ContractReport = await conforming();
    expect(report.calls.flatMap((c) => c.problems.map((p) => `${c.path}: ${p.location} ${p.message}`))).toEqual([]);
    expect(report.problems).toBe(0);
    const ops = report.calls.map((c) => c.operationId);
    expect(ops).toEqual(readCalls.flatMap((row) => (row.first ? [row.op, row.first[0]] : [row.op])));
    expect(report.calls.every((c) => c.status === 200 && c.upstreamStatus === 200 && c.httpMethod === 'GET')).toBe(true);
    expect(formatReport(report)).toMatch(/^23 calls, 0 violations: the server keeps the contract\n$/);
  }, 60_000);
});

describe('an upstream that breaks the contract', () => {
  it('reports each break with its call, path and rule, and nothing else', async () => {
    const report = await breaking();
    const found = report.calls.flatMap((c) =>
      c.problems.map((p) => ({ operationId: c.operationId, path: c.path, kind: p.kind, location: p.location, code: p.code, severity: p.severity, message: p.message })),
    );
    const byKey = (x: { operationId: string; location: string; code: string }) => `${x.operationId} ${x.location} ${x.code}`;
    expect([...found].sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(
      [...expected].sort((a, b) => byKey(a).localeCompare(byKey(b))).map((e) => ({ ...e, message: expect.stringMatching(e.message) })),
    );
    expect(report.problems).toBe(expected.length);
  }, 60_000);

  it('reaches the upstream under its base path, with GETs only, and tells the real upstream status', async () => {
    const report = await breaking();
    expect(tamperer.received.length).toBeGreaterThan(10);
    for (const r of tamperer.received) {
      expect(r.method).toBe('GET');
      expect(r.url.startsWith(`${API}/Accounts`), r.url).toBe(true);
    }
    const call = (op: string) => report.calls.find((c) => c.operationId === op)!;
    // Prism turns an off-contract answer into its own 500; its log keeps what the upstream said.
    expect(call('listCalls')).toMatchObject({ status: 500, upstreamStatus: 200 });
    expect(call('listClients')).toMatchObject({ status: 500, upstreamStatus: 202 });
    expect(call('listRecordings')).toMatchObject({ status: 418, upstreamStatus: 418 });
    // Broken lists give no SID, so their instance fetch is skipped; the others still run.
    const ops = report.calls.map((c) => c.operationId);
    expect(ops).not.toContain('fetchCall');
    expect(ops).toContain('fetchSmsMessage');
    expect(ops).toContain('fetchTranscription');
  }, 60_000);

  it('prints one block per violation and a summary, exits 1, and never prints the credentials', async () => {
    const { code, stdout, stderr } = await cli();
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('GET /Accounts/AC…/Calls.json → response.body.calls[0].status: must be equal to one of the allowed values: queued');
    expect(stdout).toContain('GET /Accounts/AC…/Conferences.json → unexpected status: HTTP 500');
    expect(stdout).toMatch(/rule enum · response · calls\.list \(listCalls\) · upstream answered 200/);
    expect(stdout.match(/^✖ GET /gm)).toHaveLength(expected.length);
    expect(stdout).toMatch(/^17 calls, 10 violations \(8 response violations, 2 unexpected statuses\): the server breaks the contract$/m);
    expect(stdout).not.toContain(ACCOUNT_SID);
    expect(stdout).not.toContain(AUTH_TOKEN);
  }, 60_000);
});

describe('starting the proxy', () => {
  it('fails with Prism’s own output when Prism cannot start', async () => {
    await expect(startProxy({ upstream: 'http://127.0.0.1:9/restcomm/2012-04-24', spec: path.join(root, 'generated', 'missing.json') })).rejects.toThrow(
      /Prism proxy exited with 1 before it was ready:[\s\S]*missing\.json/,
    );
  }, 30_000);

  it('refuses an upstream that would send the credentials in clear over the network', () => {
    expect(() => normalizeUpstream('http://restcomm.example.com/restcomm/2012-04-24')).toThrow(/must use https/);
    expect(normalizeUpstream('https://cloud.restcomm.com/restcomm/2012-04-24/')).toBe('https://cloud.restcomm.com/restcomm/2012-04-24');
    expect(redactor(ACCOUNT_SID, AUTH_TOKEN)(`/Accounts/${ACCOUNT_SID}.json ${AUTH_TOKEN}`)).toBe('/Accounts/AC….json [redacted]');
    const basic = btoa(`${ACCOUNT_SID}:${AUTH_TOKEN}`);
    expect(redactor(ACCOUNT_SID, AUTH_TOKEN)(`echo: Basic ${basic} and ${ACCOUNT_SID}:${AUTH_TOKEN}`)).toBe('echo: Basic [redacted] and [redacted]');
  });
});
