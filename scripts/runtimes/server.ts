// The loopback server the runtime smoke program talks to (npm run test:runtimes). It checks what the SDK sends (Basic
// credentials, the form body and its Content-Type) and answers with pages, a 404, a slow answer and 503-then-200.
// It sends CORS headers, so the browser page (served here on another origin) can call it as a real web app would.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMOKE } from '../../test/runtimes/fixtures.js';

const API = '/restcomm/2012-04-24';
const MAX_BODY = 64 * 1024;

export interface SmokeServer {
  /** The REST API base on 127.0.0.1. */
  apiBase: string;
  /** The same server under another origin (localhost), for the browser page's cross-origin calls. */
  crossOriginApiBase: string;
  /** Where a file given to `serve` is found (on 127.0.0.1). */
  pageUrl(name: string): string;
  serve(name: string, contentType: string, body: string): void;
  /** Requests the server could not match to the smoke program: each one names what was wrong. */
  problems: string[];
  close(): Promise<void>;
}

export async function startSmokeServer(): Promise<SmokeServer> {
  const files = new Map<string, { contentType: string; body: string }>();
  const problems: string[] = [];
  const seenRetries = new Set<string>();
  const pending = new Set<NodeJS.Timeout>();
  const expectedAuth = `Basic ${Buffer.from(`${SMOKE.accountSid}:${SMOKE.authToken}`).toString('base64')}`;
  const callsBase = `${API}/Accounts/${SMOKE.accountSid}`;

  function cors(req: IncomingMessage, res: ServerResponse): void {
    if (!req.headers.origin) return;
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
    res.setHeader('Vary', 'Origin');
  }
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void =>
    void res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  const refuse = (res: ServerResponse, status: number, problem: string) => {
    problems.push(problem);
    res.writeHead(status, { 'Content-Type': 'text/plain' }).end(problem);
  };

  function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    cors(req, res);
    if (method === 'GET' && url.pathname.startsWith('/page/')) {
      const file = files.get(url.pathname.slice('/page/'.length));
      if (!file) return refuse(res, 404, `no page file ${url.pathname}`);
      return void res.writeHead(200, { 'Content-Type': file.contentType, 'Cache-Control': 'no-store' }).end(file.body);
    }
    if (method === 'OPTIONS') return void res.writeHead(204, { 'Access-Control-Max-Age': '600' }).end();
    if (!url.pathname.startsWith(`${callsBase}/`)) return refuse(res, 400, `unexpected ${method} ${url.pathname}`);
    if (req.headers.authorization !== expectedAuth) return refuse(res, 401, `${method} ${url.pathname}: wrong or missing Basic credentials`);
    const route = `${method} ${url.pathname.slice(callsBase.length)}`;

    if (route === 'POST /Calls.json') {
      if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return refuse(res, 400, `create call: Content-Type ${req.headers['content-type']}`);
      const got = [...new URLSearchParams(body)].sort().join('&');
      const want = [...new URLSearchParams(SMOKE.callForm)].sort().join('&');
      if (got !== want) return refuse(res, 400, `create call: form body ${body}, expected ${SMOKE.callForm}`);
      return json(res, 201, { sid: SMOKE.createdCallSid, account_sid: SMOKE.accountSid, from: SMOKE.call.From, to: SMOKE.call.To, status: 'queued', direction: 'outbound-api' });
    }
    if (route === 'GET /SMS/Messages.json') {
      const page = Number(url.searchParams.get('Page') ?? 0);
      const size = Number(url.searchParams.get('PageSize'));
      if (!Number.isInteger(page) || page < 0 || size !== SMOKE.pageSize) return refuse(res, 400, `list SMS: Page=${url.searchParams.get('Page')} PageSize=${url.searchParams.get('PageSize')}`);
      const last = Math.ceil(SMOKE.smsSids.length / size) - 1;
      const messages = SMOKE.smsSids.slice(page * size, (page + 1) * size).map((sid) => ({ sid, account_sid: SMOKE.accountSid, status: 'delivered' }));
      return json(res, 200, {
        page,
        num_pages: last + 1,
        page_size: size,
        total: SMOKE.smsSids.length,
        start: page * size,
        end: page * size + messages.length - 1,
        uri: `${callsBase}/SMS/Messages.json?Page=${page}&PageSize=${size}`,
        next_page_uri: page < last ? `${callsBase}/SMS/Messages.json?Page=${page + 1}&PageSize=${size}` : 'null',
        messages,
      });
    }
    const call = /^GET \/Calls\/([^/]+)\.json$/.exec(route)?.[1];
    if (call === SMOKE.missingCallSid) return void res.writeHead(404).end();
    if (call === SMOKE.slowCallSid) {
      const timer = setTimeout(() => (pending.delete(timer), json(res, 200, { sid: call })), SMOKE.slowAnswerMs);
      pending.add(timer);
      return;
    }
    if (call?.startsWith(SMOKE.retryCallPrefix)) {
      if (seenRetries.has(call)) return json(res, 200, { sid: call, account_sid: SMOKE.accountSid, status: 'in-progress' });
      seenRetries.add(call);
      return json(res, 503, { message: 'Service Unavailable' }, { 'Retry-After': '0' });
    }
    return refuse(res, 400, `unexpected ${route}`);
  }

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) req.destroy();
    });
    req.on('end', () => answer(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    apiBase: `http://127.0.0.1:${port}${API}`,
    crossOriginApiBase: `http://localhost:${port}${API}`,
    pageUrl: (name) => `http://127.0.0.1:${port}/page/${name}`,
    serve: (name, contentType, body) => void files.set(name, { contentType, body }),
    problems,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of pending) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
