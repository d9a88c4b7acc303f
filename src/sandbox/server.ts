/**
 * The sandbox's HTTP front: reads a request (at most 10,000,000 bytes, as the server), routes it with the generated
 * operation table, authenticates it, checks it against the spec, runs the handler, and checks the answer against the
 * spec before writing it. An answer that breaks the spec is not sent: the client gets a 500 naming the violation, and
 * the violation is kept for `sandbox.violations` / `assertNoViolations()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { errorAnswer, HttpError } from './answers.js';
import { authenticate, authorize } from './auth.js';
import type { HandlerTable } from './context.js';
import { checkAnswer, checkRequest, ContractViolationError, declaresStatus, type Answer } from './contract.js';
import type { Engine } from './engine.js';
import { route } from './router.js';

const BASE = '/restcomm/2012-04-24';
const MAX_BODY = 10_000_000;

export interface ServerHooks {
  onViolation(error: ContractViolationError): void;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function write(res: ServerResponse, answer: Answer): void {
  const headers: Record<string, string> = { ...answer.headers };
  let payload: string | Uint8Array | undefined;
  if (answer.type !== undefined) {
    headers['Content-Type'] = answer.type === 'application/json' || answer.type.startsWith('text/') ? `${answer.type};charset=UTF-8` : answer.type;
    payload = answer.type === 'application/json' ? JSON.stringify(answer.body) : (answer.body as string | Uint8Array);
  }
  res.writeHead(answer.status, headers);
  res.end(payload);
}

export function handle(engine: Engine, handlers: HandlerTable, hooks: ServerHooks) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let answer: Answer;
    try {
      answer = await answerFor(engine, handlers, hooks, req);
    } catch (error) {
      answer = { status: 500, type: 'text/plain', body: `sandbox error: ${(error as Error).message}` };
    }
    write(res, answer);
  };
}

async function answerFor(engine: Engine, handlers: HandlerTable, hooks: ServerHooks, req: IncomingMessage): Promise<Answer> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  // The API lives under /restcomm/2012-04-24; the bare paths are served too, as Prism serves them.
  const pathname = url.pathname.startsWith(`${BASE}/`) ? url.pathname.slice(BASE.length) : url.pathname;
  const match = route(req.method ?? 'GET', pathname);
  if (match.kind === 'not-found') return { status: 404, headers: { 'X-Sandbox-Reason': 'no such route in the REST API' } };
  if (match.kind === 'method-not-allowed') return { status: 405, headers: { Allow: match.allowed.join(', ') } };
  const { entry, operationId } = match;

  const rawBody = await readBody(req);
  if (rawBody === undefined) return errorAnswer(entry, new HttpError(413, `Length larger than ${MAX_BODY}`));

  let answer: Answer;
  try {
    // Recording media are served without credentials (the server matches their paths before its security filter).
    const pathAccount = match.params.AccountSid === undefined ? undefined : engine.store.get('accounts', match.params.AccountSid);
    if (!entry.secured && !pathAccount) throw new HttpError(404, 'No such account');
    const caller = entry.secured ? authenticate(engine, req.headers.authorization) : pathAccount!;
    const accountSid = authorize(engine, caller, entry, match.params.AccountSid);
    const checked = checkRequest(entry, operationId, match.params, url.searchParams, req.headers['content-type'], rawBody);
    if (!checked.ok) {
      const error = new HttpError(checked.problem.status, checked.problem.message);
      // The request broke the contract; the spec says what the server answers only where it declares the status.
      return declaresStatus(entry, error.status) ? errorAnswer(entry, error) : { status: error.status, type: 'text/plain', body: error.message };
    }
    const handler = handlers[operationId];
    if (!handler) return { status: 501, type: 'text/plain', body: `The sandbox does not simulate ${operationId}` };
    answer = handler({ engine, operationId, entry, caller, accountSid, ...checked.request, requestPath: url.pathname });
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    answer = errorAnswer(entry, error);
  }
  try {
    checkAnswer(entry, operationId, answer);
  } catch (error) {
    if (!(error instanceof ContractViolationError)) throw error;
    hooks.onViolation(error);
    return { status: 500, type: 'text/plain', body: error.message, headers: { 'X-Sandbox-Violation': 'true' } };
  }
  return answer;
}

export function listen(handler: ReturnType<typeof handle>, host: string, port: number): Promise<Server> {
  const server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}
