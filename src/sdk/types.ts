// Type helpers that turn one generated operation type into the SDK's argument and result types.
import type { RestcommError } from './errors.js';

/** `throw` (the default) makes methods throw on failure; `result` makes them return `{ data, error, response }`. */
export type Mode = 'throw' | 'result';

type SuccessStatus = 200 | 201 | 202 | 203 | 204 | 206;

export type Query<O> = O extends { parameters: { query?: infer Q } } ? Exclude<Q, undefined> : never;
export type Path<O> = O extends { parameters: { path: infer P } } ? P : never;
export type Body<O> = O extends { requestBody?: infer RB } ? (Exclude<RB, undefined> extends { content: infer C } ? C[keyof C] : never) : never;
type ContentOf<X> = X extends { content: infer C } ? (C extends { 'application/json': infer J } ? J : C[keyof C]) : void;
/** The body of an operation's success response. */
export type Data<O> = O extends { responses: infer R } ? ContentOf<R[Extract<keyof R, SuccessStatus>]> : never;

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
