// Reading an answer's body under the size limit, with every way it can fail turned into one of the SDK's errors:
// the connection dropping mid-body, a body over the limit, bytes that are not UTF-8, text that is not JSON.
import { RestcommInvalidResponseError, RestcommNetworkError, RestcommResponseTooLargeError, type RequestInfo } from './errors.js';
import type { Redactor } from '../redact.js';

/** 32 MiB: any JSON page or error body many times over, and a long call recording. */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface ReadContext {
  /** Where the call went; a function, since only failures need it (working out the path costs a URL parse). */
  readonly info: () => RequestInfo;
  readonly limit: number;
  readonly redact: Redactor;
}

/** Why a fetch failed, as text: its message and its cause's (undici says "fetch failed" and puts the reason below). */
export function failureReason(err: unknown, redact: Redactor): string {
  if (!(err instanceof Error)) return redact(String(err));
  const cause = err.cause instanceof Error ? err.cause.message : undefined;
  return redact(cause && cause !== err.message ? `${err.message}: ${cause}` : err.message);
}

/**
 * A network failure as the SDK's error. The original error stays as `cause` unless its text held a secret (a custom
 * fetch or proxy may put headers into messages): then the cause is a redacted copy.
 */
export function networkError(info: RequestInfo & { status?: number; response?: Response }, err: unknown, redact: Redactor): RestcommNetworkError {
  const reason = failureReason(err, redact);
  const plain = err instanceof Error ? `${err.message} ${err.stack ?? ''} ${err.cause instanceof Error ? `${err.cause.message} ${err.cause.stack ?? ''}` : String(err.cause ?? '')}` : String(err);
  const cause = redact(plain) === plain ? err : Object.assign(new Error(reason), { name: err instanceof Error ? err.name : 'Error' });
  return new RestcommNetworkError(info, cause, reason);
}

/** The body's chunks, refusing to hold more than the limit (a declared Content-Length over it is refused unread). */
async function chunks(response: Response, ctx: ReadContext): Promise<Uint8Array[]> {
  const where = () => ({ ...ctx.info(), status: response.status, response });
  const length = response.headers.get('Content-Length');
  const declared = length === null ? -1 : Number(length);
  if (declared > ctx.limit) {
    await response.body?.cancel().catch(() => {});
    throw new RestcommResponseTooLargeError(where(), ctx.limit);
  }
  const out: Uint8Array[] = [];
  if (!response.body) return out;
  // A declared length within the limit is read in one go (fetch fails a body longer than its Content-Length); only
  // an undeclared length (chunked) is counted chunk by chunk.
  if (declared >= 0) {
    try {
      out.push(new Uint8Array(await response.arrayBuffer()));
    } catch (err) {
      throw networkError(where(), err, ctx.redact);
    }
    if (out[0]!.byteLength > ctx.limit) throw new RestcommResponseTooLargeError(where(), ctx.limit);
    return out;
  }
  const reader = response.body.getReader();
  let total = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (err) {
      throw networkError(where(), err, ctx.redact);
    }
    if (step.done) return out;
    total += step.value.byteLength;
    if (total > ctx.limit) {
      await reader.cancel().catch(() => {});
      throw new RestcommResponseTooLargeError(where(), ctx.limit);
    }
    out.push(step.value);
  }
}

/** The body as text. `strict`: bytes that are not UTF-8 are an invalid answer (else they become U+FFFD). */
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

export async function readText(response: Response, ctx: ReadContext, strict: boolean): Promise<string> {
  const parts = await chunks(response, ctx);
  // One part (the common case: a declared length) decodes in one call; several are decoded as a stream.
  const decoder = strict && parts.length === 1 ? strictDecoder : new TextDecoder('utf-8', { fatal: strict });
  try {
    let text = '';
    for (const part of parts) text += decoder.decode(part, { stream: true });
    return text + decoder.decode();
  } catch {
    throw new RestcommInvalidResponseError({ ...ctx.info(), status: response.status, response }, 'a body that is not valid UTF-8');
  }
}

/** A JSON body (undefined when empty); invalid JSON is an invalid answer, quoted briefly and redacted. */
export async function readJson(response: Response, ctx: ReadContext): Promise<unknown> {
  const text = await readText(response, ctx, true);
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const excerpt = ctx.redact(text.slice(0, 200));
    throw new RestcommInvalidResponseError({ ...ctx.info(), status: response.status, response }, `a body that is not valid JSON: ${JSON.stringify(excerpt)}${text.length > 200 ? '…' : ''}`);
  }
}

/** A binary body as a Blob of the answer's media type. */
export async function readBlob(response: Response, ctx: ReadContext): Promise<Blob> {
  const parts = await chunks(response, ctx);
  return new Blob(parts as BlobPart[], { type: response.headers.get('Content-Type') ?? '' });
}

/** Error bodies: a text/plain body stays text ("21452" is a message, not a number); others parse as JSON when they can. */
export async function readErrorBody(response: Response, ctx: ReadContext): Promise<unknown> {
  const text = ctx.redact(await readText(response, ctx, false));
  if (text === '') return undefined;
  if (response.headers.get('Content-Type')?.startsWith('text/')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Response headers with every value redacted (a server may echo the Authorization header back). */
export function redactedHeaders(headers: Headers, redact: Redactor): Headers {
  const out = new Headers();
  headers.forEach((value, name) => out.append(name, redact(value)));
  return out;
}
