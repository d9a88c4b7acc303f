// The fetch the SDK hands to openapi-fetch: per-attempt timeout, caller's abort signal, opt-in retries, logging, typed
// network errors. It sees the Request (with its Authorization header) but never logs headers or puts them in errors.
import { RestcommNetworkError, RestcommTimeoutError, type RequestInfo } from './errors.js';
import { backoffDelay, idempotentMethods, retryableStatuses, retryAfterMs, sleep, type RetryPolicy } from './retry.js';

export interface Logger {
  debug?(message: string): void;
  warn?(message: string): void;
}

export interface TransportOptions {
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  retry: RetryPolicy | null;
  logger: Logger | undefined;
  operationId: string | undefined;
  random?: () => number;
}

export function createTransport(options: TransportOptions): typeof globalThis.fetch {
  const { retry, logger } = options;
  return async (input, init) => {
    const original = input instanceof Request ? input : new Request(input, init);
    const info: RequestInfo = { method: original.method, path: new URL(original.url).pathname, operationId: options.operationId };
    const label = `${info.method} ${info.path}`;
    const caller = original.signal;
    const canRetry = retry !== null && idempotentMethods.has(info.method);
    for (let attempt = 0; ; attempt++) {
      const lastAttempt = !canRetry || attempt >= retry!.maxRetries;
      const timeout = options.timeoutMs > 0 ? AbortSignal.timeout(options.timeoutMs) : undefined;
      const signal = timeout ? AbortSignal.any([caller, timeout]) : caller;
      const started = performance.now();
      logger?.debug?.(`→ ${label}${attempt ? ` (retry ${attempt})` : ''}`);
      let response: Response;
      try {
        response = await options.fetch(lastAttempt ? original : original.clone(), { signal });
      } catch (err) {
        if (caller.aborted) throw caller.reason ?? err; // the caller's own abort is not ours to wrap
        const failure = timeout?.aborted ? new RestcommTimeoutError(info, options.timeoutMs) : new RestcommNetworkError(info, err);
        if (lastAttempt) throw failure;
        const delay = backoffDelay(retry!, attempt, options.random);
        logger?.warn?.(`${failure.message}; retrying in ${delay} ms (retry ${attempt + 1} of ${retry!.maxRetries})`);
        await sleep(delay, caller);
        continue;
      }
      const ms = Math.round(performance.now() - started);
      logger?.debug?.(`← ${response.status} ${label} (${ms} ms)`);
      if (lastAttempt || !retryableStatuses.has(response.status)) return response;
      const after = retryAfterMs(response.headers.get('Retry-After'));
      if (after !== undefined && after > retry!.maxRetryAfterMs) {
        logger?.warn?.(`${label} answered ${response.status} with Retry-After ${after} ms, over the ${retry!.maxRetryAfterMs} ms limit; not retrying`);
        return response;
      }
      const delay = after ?? backoffDelay(retry!, attempt, options.random);
      await response.body?.cancel();
      logger?.warn?.(`${label} answered ${response.status}; retrying in ${delay} ms (retry ${attempt + 1} of ${retry!.maxRetries})`);
      await sleep(delay, caller);
    }
  };
}
