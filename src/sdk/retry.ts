// When and how long to wait before retrying a request.

export interface RetryOptions {
  /** How many times to retry after the first attempt (default 3). */
  maxRetries?: number;
  /** The first backoff ceiling in ms; it doubles per attempt (default 250). */
  baseDelayMs?: number;
  /** The largest backoff in ms (default 8000). */
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured, in ms; a longer one ends the retries (default 60000). */
  maxRetryAfterMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export function retryPolicy(options: RetryOptions | boolean | undefined): RetryPolicy | null {
  if (!options) return null;
  const o = options === true ? {} : options;
  const policy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 8000, maxRetryAfterMs: 60_000, ...o };
  for (const [key, value] of Object.entries(policy)) {
    if (!Number.isFinite(value) || value < 0) throw new TypeError(`retry.${key} must be a non-negative number, got ${value}`);
  }
  return policy;
}

/** Methods that are safe to send twice. POST (create, update, send) never is. */
export const idempotentMethods = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Statuses worth retrying: rate limited, temporarily unavailable. */
export const retryableStatuses = new Set([429, 503]);

/** Exponential backoff with full jitter: a random wait between 0 and min(max, base · 2^attempt). */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  return Math.round(random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
}

/** `Retry-After` as milliseconds (delta-seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
