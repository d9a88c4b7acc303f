// How the SDK sends one call: the caller's abort signal and the call's timeout, opt-in retries, logging, typed
// network errors. It never logs headers or puts them (or the credentials in them) into errors.
import { RestcommTimeoutError, type RequestInfo } from './errors.js';
import { networkError } from './read.js';
import type { Redactor } from '../redact.js';
import { backoffDelay, idempotentMethods, retryableStatuses, retryAfterMs, sleep, type RetryPolicy } from './retry.js';

/** Where the SDK writes one line per request, answer and retry (never headers or credentials). */
export interface Logger {
  /** Each request sent and each answer received, with its status and time. */
  debug?(message: string): void;
  /** Each retry, and a Retry-After over the limit. */
  warn?(message: string): void;
}

export interface SendOptions {
  fetch: typeof globalThis.fetch;
  retry: RetryPolicy | null;
  logger: Logger | undefined;
  operationId: string | undefined;
  /** Milliseconds the whole call may take, retries and body included (0 = no limit). */
  timeoutMs: number;
  /** The caller's own signal, whose abort is rethrown as is. */
  caller: AbortSignal | undefined;
  random?: () => number;
  /** Removes the credentials from any text that goes into an error. */
  redact: Redactor;
}

/** A call in flight: its answer, `within()` to keep reading the body under the call's timeout, and `done()`. */
export interface Sent {
  response: Response;
  within<T>(work: Promise<T>): Promise<T>;
  done(): void;
}

const TIMED_OUT = Symbol('timed out');

/**
 * Sends `fetch(url, init)` directly (no Request object on the common path). The timeout works two ways:
 * - with the caller's AbortSignal, one controller for the call, aborted by the caller or by the timer;
 * - without one, a race against a timer. Handing any signal to Node 20's fetch costs 7-10% per request (undici's abort
 *   plumbing), so the common case passes none: the call still fails on time with RestcommTimeoutError, and the
 *   abandoned answer's body is cancelled when it arrives, so nothing is kept beyond the server's reply.
 */
export async function send(url: string, init: RequestInit, options: SendOptions): Promise<Sent> {
  // Called unbound: Workers' fetch (and some polyfills) throw "Illegal invocation" when called as a method of another object.
  const { fetch, retry, logger, caller, timeoutMs } = options;
  const method = init.method ?? 'GET';
  const info = (): RequestInfo => ({ method, path: new URL(url).pathname, operationId: options.operationId });
  if (caller?.aborted) throw caller.reason;
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;
  let onAbort: (() => void) | undefined;
  // Settles (never resolves) when the call's time is up: the other side of every race below.
  let expire: (() => void) | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (expire = () => resolve(TIMED_OUT)));
  if (timeoutMs > 0) timer = setTimeout(() => ((timedOut = true), controller?.abort(), expire!()), timeoutMs);
  if (caller) {
    controller = new AbortController();
    onAbort = () => controller!.abort(caller.reason);
    caller.addEventListener('abort', onAbort, { once: true });
  }
  const done = () => {
    if (timer) clearTimeout(timer);
    if (onAbort) caller!.removeEventListener('abort', onAbort);
  };
  const within = async <T>(work: Promise<T>, release?: (late: T) => void): Promise<T> => {
    if (!timer) return work;
    const first = await Promise.race([work, deadline]);
    if (first !== TIMED_OUT) return first as T;
    work.then(release, () => {}); // the answer may still come: let it go
    throw new RestcommTimeoutError(info(), timeoutMs);
  };
  const requestInit = controller ? { ...init, signal: controller.signal } : init;
  const canRetry = retry !== null && idempotentMethods.has(method);
  try {
    for (let attempt = 0; ; attempt++) {
      const lastAttempt = !canRetry || attempt >= retry!.maxRetries;
      const started = logger ? performance.now() : 0;
      if (logger?.debug) logger.debug(`→ ${method} ${info().path}${attempt ? ` (retry ${attempt})` : ''}`);
      let response: Response;
      try {
        response = await within(fetch(url, requestInit), (late) => void late.body?.cancel().catch(() => {}));
      } catch (err) {
        if (caller?.aborted) throw caller.reason ?? err; // the caller's own abort is not ours to wrap
        if (err instanceof RestcommTimeoutError) throw err;
        if (timedOut) throw new RestcommTimeoutError(info(), timeoutMs);
        const failure = networkError(info(), err, options.redact);
        if (lastAttempt) throw failure;
        const delay = backoffDelay(retry!, attempt, options.random);
        logger?.warn?.(`${failure.message}; retrying in ${delay} ms (retry ${attempt + 1} of ${retry!.maxRetries})`);
        await within(sleep(delay, controller?.signal));
        continue;
      }
      if (logger?.debug) logger.debug(`← ${response.status} ${method} ${info().path} (${Math.round(performance.now() - started)} ms)`);
      if (lastAttempt || !retryableStatuses.has(response.status)) {
        return { response, done, within: (work) => within(work, () => void response.body?.cancel().catch(() => {})) };
      }
      const label = `${method} ${info().path}`;
      const after = retryAfterMs(response.headers.get('Retry-After'));
      if (after !== undefined && after > retry!.maxRetryAfterMs) {
        logger?.warn?.(`${label} answered ${response.status} with Retry-After ${after} ms, over the ${retry!.maxRetryAfterMs} ms limit; not retrying`);
        return { response, done, within: (work) => within(work) };
      }
      const delay = after ?? backoffDelay(retry!, attempt, options.random);
      await response.body?.cancel();
      logger?.warn?.(`${label} answered ${response.status}; retrying in ${delay} ms (retry ${attempt + 1} of ${retry!.maxRetries})`);
      await within(sleep(delay, controller?.signal));
    }
  } catch (err) {
    done();
    throw err;
  }
}
