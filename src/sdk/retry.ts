// When and how long to wait before retrying a request.

/** Opt-in retries of GET, PUT and DELETE on 429, 503 and network errors (POST is never retried). */
export interface RetryOptions {
  /** How many times to retry after the first attempt (default 3). */
  maxRetries?: number | undefined;
  /** The first backoff ceiling in ms; it doubles per attempt (default 250). */
  baseDelayMs?: number | undefined;
  /** The largest backoff in ms (default 8000). */
  maxDelayMs?: number | undefined;
  /** The longest `Retry-After` honoured, in ms; a longer one ends the retries (default 60000). */
  maxRetryAfterMs?: number | undefined;
}

export type RetryPolicy = Required<RetryOptions>;

/** The longest delay a timer can hold (2^31 - 1 ms); a longer one fires at once in every JavaScript runtime. */
export const MAX_TIMER_MS = 2_147_483_647;

export function retryPolicy(options: RetryOptions | boolean | undefined): RetryPolicy | null {
  if (!options) return null;
  const o = options === true ? {} : options;
  const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 250, maxDelayMs: 8000, maxRetryAfterMs: 60_000 };
  // Own keys that are set: an explicit `undefined` keeps the default (as exactOptionalPropertyTypes users write it).
  for (const key of Object.keys(policy) as (keyof RetryPolicy)[]) {
    const value = Object.hasOwn(o, key) ? o[key] : undefined;
    if (value !== undefined) policy[key] = value;
  }
  for (const [key, value] of Object.entries(policy)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TIMER_MS) {
      throw new TypeError(`retry.${key} must be a number from 0 to ${MAX_TIMER_MS}, got ${String(value)}`);
    }
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
