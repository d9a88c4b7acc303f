// What handlers return, and the errors they throw; the server turns an error into the answer the spec declares.
import type { SandboxOperation } from './operations.js';
import type { Answer } from './contract.js';
import { declaredTypes } from './contract.js';
import type { Row } from './store.js';
import { view } from './store.js';

export function json(body: unknown, status = 200): Answer {
  return { status, type: 'application/json', body };
}

export function jsonRow(row: Row, status = 200): Answer {
  return json(view(row), status);
}

export function empty(status: number): Answer {
  return { status };
}

/** A refusal with a reason: answered as text, as `{ message }` JSON or with no body, whichever the spec declares. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The error as the operation declares it for that status (the server sends bare statuses for most errors). */
export function errorAnswer(entry: SandboxOperation | undefined, error: HttpError): Answer {
  const types = entry ? declaredTypes(entry, error.status) : [];
  const headers = error.headers;
  if (types.includes('text/plain')) return { status: error.status, type: 'text/plain', body: error.message, headers };
  if (types.includes('application/json')) return { status: error.status, type: 'application/json', body: { message: error.message }, headers };
  return { status: error.status, headers: { ...headers, 'X-Sandbox-Reason': error.message.replace(/[^\x20-\x7e]/g, '?').slice(0, 300) } };
}
