// The SDK's calling conventions (modes, results, options), and the resource tree built from the generated one with
// them: generated/sdk.ts holds the signatures and leaves what a call resolves to and its options as type parameters.
import type { OperationData, ResourceTree } from '../../generated/sdk.js';
import type { RestcommError } from './errors.js';

/** `throw` (the default) makes methods throw on failure; `result` makes them return `{ data, error, response }`. */
export type Mode = 'throw' | 'result';

/** What a failed call reports in result mode (and throws otherwise): any subclass of RestcommError. */
export type RestcommFailure = RestcommError;

/** What a method returns in result mode: `data` on success, or `error` (a RestcommError) and the response if one came. */
export type RestcommResult<T> =
  | { data: T; error?: undefined; response: Response }
  | { data?: undefined; error: RestcommFailure; response?: Response };

export type Out<M extends Mode, T> = M extends 'result' ? RestcommResult<T> : T;

/** Per-call options, accepted as the last argument of every method. */
export interface CallOptions {
  /** Act on this (sub-)account instead of the client's own. */
  accountSid?: string | undefined;
  /** Milliseconds this call may take, retries included, before it fails with RestcommTimeoutError (0 = none). */
  timeout?: number | undefined;
  /** Aborts the call; the abort reason is thrown as is. */
  signal?: AbortSignal | undefined;
  /** Extra request headers. */
  headers?: Record<string, string> | undefined;
}

/** Options of `each()`, given with the query. */
export interface EachOptions {
  /** Stop after this many items. */
  limit?: number | undefined;
}

/** The SDK's resources: one namespace per resource, one method per operation of the spec (see generated/sdk.ts). */
export type RestcommResources<M extends Mode = 'throw'> = ResourceTree<{ [K in keyof OperationData]: Out<M, OperationData[K]> }, CallOptions, EachOptions>;
