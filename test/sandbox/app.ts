// A small local application for the sandbox tests: a node:http server that records every request it gets and answers
// with whatever the test scripted for the path.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  contentType: string | undefined;
  params: URLSearchParams;
}

export type Reply = { status?: number; type?: string; body?: string; delayMs?: number; headers?: Record<string, string> };

export interface LocalApp {
  url: string;
  received: ReceivedRequest[];
  /** Requests to one path. */
  to(path: string): ReceivedRequest[];
  reply(path: string, reply: Reply): void;
  close(): Promise<void>;
}

export async function startApp(): Promise<LocalApp> {
  const received: ReceivedRequest[] = [];
  const replies = new Map<string, Reply>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://app');
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', path: url.pathname, contentType: req.headers['content-type'], params: new URLSearchParams(req.method === 'GET' ? url.search : body) });
      const reply = replies.get(url.pathname) ?? { status: 200 };
      const send = () => {
        res.writeHead(reply.status ?? 200, { ...reply.headers, ...(reply.type ? { 'Content-Type': reply.type } : {}) });
        res.end(reply.body ?? '');
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    received,
    to: (path) => received.filter((r) => r.path === path),
    reply: (path, reply) => void replies.set(path, reply),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
