// A loopback HTTP server whose answers a test scripts, recording every request it gets.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (req: Received, res: ServerResponse) => void;

export interface ScriptedServer {
  /** The REST API base on this server. */
  baseUrl: string;
  origin: string;
  received: Received[];
  /** Answers the next requests with these handlers in order; afterwards the last one repeats. */
  script(...handlers: Handler[]): void;
  close(): Promise<void>;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => res.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
}

export function text(status: number, body: string, reason?: string): Handler {
  return (_req, res) => {
    if (reason) res.statusMessage = reason;
    res.writeHead(status, { 'Content-Type': 'text/plain' }).end(body);
  };
}

export function empty(status: number, reason?: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    if (reason) res.statusMessage = reason;
    res.writeHead(status, headers).end();
  };
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let handlers: Handler[] = [json(200, {})];
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const r = { method: req.method!, url: req.url!, headers: req.headers, body };
      received.push(r);
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0]!;
      handler(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl: `${origin}/restcomm/2012-04-24`,
    origin,
    received,
    script: (...h) => {
      handlers = h;
      received.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
