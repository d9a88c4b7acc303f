// How the SDK sends one call: the caller's abort signal and the call's timeout, opt-in retries, logging, typed
// network errors. It never logs headers or puts them (or the credentials in them) into errors.
import { RestcommNetworkError, RestcommTimeoutError, type RequestInfo } from './errors.js';
import { backoffDelay, idempotentMethods, retryableStatuses, retryAfterMs, sleep, type RetryPolicy } from './retry.js';

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}

export interface SendOptions {
  fetch: typeof globalThis.fetch;
  retry: RetryPolicy | null;
  logger: Logger | undefined;
  operationId: string | undefined;
  /** Milliseconds the whole call may take, retries included (0 = no limit). */
  timeoutMs: number;
  /** The caller's own signal, whose abort is rethrown as is. */
  caller: AbortSignal | undefined;
  random?: () => number;
}

/** A call in flight: its answer, and `done()` to release its timer once the body has been read. */
export interface Sent {
  response: Response;
  done(): void;
}

/**
 * Sends `fetch(url, init)` directly (no Request object on the common path), with one AbortController for the call:
 * the timer and the caller's signal both abort it, and the flag tells which one did.
 */
export async function send(url: string, init: RequestInit, options: SendOptions): Promise<Sent> {
  const { retry, logger, caller, timeoutMs } = options;
  const method = init.method ?? 'GET';
  const info = (): RequestInfo => ({ method, path: new URL(url).pathname, operationId: options.operationId });
  if (caller?.aborted) throw caller.reason;
  const controller = new AbortController();
  let timedOut = false;
  const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs) : undefined;
  const onAbort = () => controller.abort(caller!.reason);
  caller?.addEventListener('abort', onAbort, { once: true });
  const done = () => {
    if (timer) clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  };
  const canRetry = retry !== null && idempotentMethods.has(method);
  try {
    for (let attempt = 0; ; attempt++) {
      const lastAttempt = !canRetry || attempt >= retry!.maxRetries;
      const started = logger ? performance.now() : 0;
      if (logger?.debug) logger.debug(`→ ${method} ${info().path}${attempt ? ` (retry ${attempt})` : ''}`);
      let response: Response;
      try {
        response = await options.fetch(url, { ...init, signal: controller.signal });
      } catch (err) {
        if (caller?.aborted) throw caller.reason ?? err; // the caller's own abort is not ours to wrap
        if (timedOut) throw new RestcommTimeoutError(info(), timeoutMs);
        const failure = new RestcommNetworkError(info(), err);
        if (lastAttempt) throw failure;
        const delay = backoffDelay(retry!, attempt, options.random);
        logger?.warn?.(`${failure.message}; retrying in ${delay} ms (retry ${attempt + 1} of ${retry!.maxRetries})`);
        await waitOrThrow(delay, controller.signal, () => (timedOut ? new RestcommTimeoutError(info(), timeoutMs) : caller?.reason));
        continue;
      }
      if (logger?.debug) logger.debug(`← ${response.status} ${method} ${info().path} (${Math.round(performance.now() - started)} ms)`);
      if (lastAttempt || !retryableStatuses.has(response.status)) return { response, done };
      const label = `${method} ${info().path}`;
      const after = retryAfterMs(response.headers.get('Retry-After'));
      if (after !== undefined && after > retry!.maxRetryAfterMs) {
        logger?.warn?.(`${label} answered ${response.status} with Retry-After ${after} ms, over the ${retry!.maxRetryAfterMs} ms limit; not retrying`);
        return { response, done };
      }
      const delay = after ?? backoffDelay(retry!, attempt, options.random);
      await response.body?.cancel();
      logger?.warn?.(`${label} answered ${response.status}; retrying in ${delay} ms (retry ${attempt + 1} of ${retry!.maxRetries})`);
      await waitOrThrow(delay, controller.signal, () => (timedOut ? new RestcommTimeoutError(info(), timeoutMs) : caller?.reason));
    }
  } catch (err) {
    done();
    throw err;
  }
}

async function waitOrThrow(ms: number, signal: AbortSignal, reason: () => unknown): Promise<void> {
  try {
    await sleep(ms, signal);
  } catch {
    throw reason();
  }
}
