// Attribute values of the verbs and nouns as the server reads them: a value it cannot use writes the
// Notification rcml.yaml records for that attribute (`server_notification_codes_seen`), and the server's default applies.
import type { XmlElement } from '../../../rcml/xml.js';
import { deliver, isFinal, voiceParams } from '../../call-lifecycle.js';
import type { WebhookKind } from '../../../webhooks/index.js';
import type { VerbContext } from '../verb.js';

/**
 * GET or POST in any case; anything else writes `code` (when rcml.yaml names one for the attribute) and means POST
 * (rcml.yaml document.http_method_attributes).
 */
export function methodAttr(el: XmlElement, ctx: VerbContext, name: string, code?: number): 'GET' | 'POST' {
  const raw = ctx.attr(el, name);
  if (raw === undefined || raw === '') return 'POST';
  const upper = raw.toUpperCase();
  if (upper === 'GET' || upper === 'POST') return upper;
  if (code !== undefined) ctx.notify(code, 'warning', `${raw} is not a valid ${name} value.`);
  return 'POST';
}

/**
 * A whole number as Java's `Integer.parseInt` reads it (optional sign, decimal digits, 32 bits); anything else writes
 * `code` (when given) and gives `fallback`. Absent gives `fallback` without a Notification.
 */
export function intAttr(el: XmlElement, ctx: VerbContext, name: string, fallback: number, code?: number): number {
  const raw = ctx.attr(el, name);
  if (raw === undefined) return fallback;
  const value = /^[+-]?\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) return value;
  if (code !== undefined) ctx.notify(code, 'warning', `${raw} is not a valid ${name} value.`);
  return fallback;
}

/** Java's `Boolean.parseBoolean`: `true` in any case is true, every other value false; absent gives `fallback`. */
export function flagAttr(el: XmlElement, ctx: VerbContext, name: string, fallback: boolean): boolean {
  const raw = ctx.attr(el, name);
  return raw === undefined ? fallback : raw.toLowerCase() === 'true';
}

/**
 * `raw` (an attribute's value or a verb's text) resolved against the document being run; a value that is no URI writes
 * `code` (11100, invalid URI, unless rcml.yaml names another for the place) and gives `undefined`.
 */
export function resolveUrl(ctx: VerbContext, raw: string, code = 11100, level: 'error' | 'warning' = 'warning'): string | undefined {
  try {
    return ctx.resolve(raw);
  } catch {
    ctx.notify(code, level, `${raw} is an invalid URI.`);
    return undefined;
  }
}

/** A callback URL attribute (see `resolveUrl`); an empty value means none, as does one that is no URI. */
export function urlAttr(el: XmlElement, ctx: VerbContext, name: string): string | undefined {
  const raw = ctx.attr(el, name);
  return raw === undefined || raw === '' ? undefined : resolveUrl(ctx, raw);
}

/**
 * A request whose answer the server ignores (partial speech results, the transcription callback, an action sent after
 * the caller hung up): the call's voice parameters plus `extra`, checked against `kind` like every webhook.
 */
export async function sendCallback(ctx: VerbContext, request: { kind: WebhookKind; url: string; method: 'GET' | 'POST'; extra: [string, string][] }): Promise<void> {
  const call = ctx.engine.store.get('calls', ctx.sid);
  if (!call) return;
  await deliver(ctx.engine, call, { kind: request.kind, url: request.url, method: request.method, params: [...voiceParams(call), ...request.extra] });
}

/** The document was stopped by a live redirect (the call goes on with other RCML), not by a hang-up. */
export function redirected(ctx: VerbContext): boolean {
  const call = ctx.engine.store.get('calls', ctx.sid);
  return ctx.signal.aborted && call !== undefined && !isFinal(call.status);
}

/** The result of a verb stopped by a live redirect. */
export const INTERRUPTED = { outcome: 'interrupted', reason: 'the call was sent to other RCML' } as const;

/** Records `verb` as stopped by a live redirect; the interpreter then leaves the document. */
export function interrupted(ctx: VerbContext, verb: string): { hangup: true } {
  ctx.record({ type: 'verb', verb, ...INTERRUPTED });
  return { hangup: true };
}
