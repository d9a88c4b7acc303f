// The live contract check (npm run contract) against two upstreams: the Prism mock of the spec, which keeps the
// contract, and a tampering server in front of that mock, which breaks it in known ways on known calls. A tooling test
// (it tests scripts/), so it starts its own mock: Prism runs in `npm test` only for the contract project.
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContract, formatReport, redactor, replays, type CallRecord } from '../../scripts/lib/contract.js';
import { startPrism, type RunningPrism } from '../../tools/prism.js';

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
  { operationId: 'fetchAccount', path: `${acct}.json`, location: 'response.body', code: 'required', message: /required property 'friendly_name'/ },
  { operationId: 'listApplications', path: `${acct}/Applications.json`, location: 'response.body[0].voice_caller_id_lookup', code: 'type', message: /^must be boolean$/ },
  { operationId: 'listClients', path: `${acct}/Clients.json`, location: 'response.status', code: 'status', message: /HTTP 202 is not declared/ },
  { operationId: 'listNotifications', path: `${acct}/Notifications.json`, location: 'response.headers.content-type', code: 'media-type', message: /"text\/html" is not one of application\/json/ },
  { operationId: 'listCalls', path: `${acct}/Calls.json`, location: 'response.body.calls[0].status', code: 'enum', message: /^must be equal to one of the allowed values$/ },
  { operationId: 'listConferences', path: `${acct}/Conferences.json`, location: 'response.status', code: 'status', message: /^HTTP 500: <html>/ },
  { operationId: 'listRecordings', path: `${acct}/Recordings.json`, location: 'response.status', code: 'status', message: /HTTP 418 is not declared/ },
  { operationId: 'fetchSmsMessage', path: expect.stringMatching(new RegExp(`^${acct}/SMS/Messages/SM\\w{32}\\.json$`)), location: 'response.body.price', code: 'type', message: /^must be string$/ },
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

let mock: RunningPrism;
let tamperer: Awaited<ReturnType<typeof startTamperingServer>>;
const credentials = { accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN };
beforeAll(async () => {
  mock = await startPrism();
  tamperer = await startTamperingServer(mock.url);
});
afterAll(async () => {
  await tamperer?.close();
  await mock?.stop();
});

const findingsOf = (records: CallRecord[]) =>
  records.flatMap((r) => r.findings.map((f) => ({ operationId: r.operationId, path: r.path, location: f.location, code: f.code, message: f.message })));

describe('the replays', () => {
  it('are GET lists of the REST API, each with its instance fetch where there is one', () => {
    expect(replays.map((r) => r.list)).toContain('listCalls');
    expect(replays.find((r) => r.list === 'listSmsMessages')?.first).toBe('fetchSmsMessage');
  });
});

describe('an upstream that keeps the contract (the Prism mock)', () => {
  it('reports nothing, and exercises every list and the first item of each', async () => {
    const records = await checkContract({ baseUrl: mock.url, ...credentials });
    expect(findingsOf(records)).toEqual([]);
    expect(records.map((r) => r.operationId)).toEqual(replays.flatMap((r) => (r.first ? [r.list, r.first] : [r.list])));
    expect(formatReport(records).endsWith(`\n${records.length} calls, 0 violations: the server keeps the contract\n`)).toBe(true);
  });
});

describe('an upstream that breaks the contract', () => {
  it('reports each break with its call, path and rule, and nothing else', async () => {
    const records = await checkContract({ baseUrl: tamperer.baseUrl, ...credentials });
    const key = (x: { operationId: string; location: string; code: string }) => `${x.operationId} ${x.location} ${x.code}`;
    expect(findingsOf(records).sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...expected].sort((a, b) => key(a).localeCompare(key(b))).map((e) => ({ ...e, message: expect.stringMatching(e.message) })),
    );
    // Broken lists give no SID, so their instance fetch is skipped; the others still run.
    expect(records.map((r) => r.operationId)).not.toContain('fetchCall');
    expect(records.map((r) => r.operationId)).toContain('fetchTranscription');
    for (const r of tamperer.received) expect(r.method).toBe('GET');
  });

  it('reports the calls it could not make before the deadline, and makes none after it', async () => {
    const records = await checkContract({ baseUrl: tamperer.baseUrl, ...credentials, deadlineMs: 1 });
    expect(records.length).toBe(replays.length);
    expect(records.every((r) => r.findings.some((f) => f.code === 'failure'))).toBe(true);
  });

  it('prints one block per finding and a summary, exits 1, and never prints the credentials', async () => {
    const { code, stdout, stderr } = await runCli(['--upstream', tamperer.baseUrl], { RESTCOMM_ACCOUNT_SID: ACCOUNT_SID, RESTCOMM_AUTH_TOKEN: AUTH_TOKEN });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toContain('✖ GET /Accounts/AC…/Calls.json → response.body.calls[0].status: must be equal to one of the allowed values\n    rule enum · listCalls');
    expect(stdout.match(/^✖ GET .* → /gm)).toHaveLength(expected.length);
    const calls = stdout.match(/^[✓✖] (\d{3}|---) GET /gm)?.length;
    expect(stdout).toMatch(new RegExp(`^${calls} calls, 8 violations: the server breaks the contract$`, 'm'));
    expect(stdout).not.toContain(ACCOUNT_SID);
    expect(stdout).not.toContain(AUTH_TOKEN);
  });

  it('refuses plain http off loopback, where the credentials would travel in clear', async () => {
    await expect(checkContract({ baseUrl: 'http://restcomm.example.com/restcomm/2012-04-24', ...credentials })).rejects.toThrow(/must use https/);
    expect(redactor(ACCOUNT_SID, AUTH_TOKEN)(`/Accounts/${ACCOUNT_SID}.json ${AUTH_TOKEN}`)).toBe('/Accounts/AC….json [redacted]');
  });
});
