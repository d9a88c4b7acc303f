// Attribute values as the server reads them for Dial, its nouns and the cloud verbs (the same readings as media's
// verbs/attributes.ts, with the Notification optional: rcml.yaml records no code for the nouns' methods): a bad value writes the
// Notification rcml.yaml records for it (when it records one) and the server's default is used instead.
import type { XmlElement } from '../../../rcml/xml.js';
import type { VerbContext } from '../verb.js';

/**
 * `GET` or `POST`, matched without regard to case (rcml.yaml document.http_method_attributes); anything else is
 * `POST`, with Notification `code` when rcml.yaml names one for the attribute.
 */
export function methodAttr(el: XmlElement, ctx: VerbContext, name: string, code?: number): 'GET' | 'POST' {
  const raw = ctx.attr(el, name);
  if (raw === undefined || raw === '') return 'POST';
  const upper = raw.toUpperCase();
  if (upper === 'GET' || upper === 'POST') return upper;
  if (code !== undefined) ctx.notify(code, 'warning', `${raw} is not a valid ${name} value; POST is used.`);
  return 'POST';
}

/** A whole number as Java's `Integer.parseInt` reads it; anything else is Notification `code` and `fallback`. */
export function intAttr(el: XmlElement, ctx: VerbContext, name: string, fallback: number, code?: number): number {
  const raw = ctx.attr(el, name);
  if (raw === undefined) return fallback;
  const value = /^[+-]?\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (Number.isInteger(value) && value >= -2147483648 && value <= 2147483647) return value;
  if (code !== undefined) ctx.notify(code, 'warning', `${raw} is not a valid ${name} value; ${fallback} is used.`);
  return fallback;
}

/** Java's `Boolean.parseBoolean`: `true` in any case is true, any other value false; absent is `fallback`. */
export function flagAttr(el: XmlElement, ctx: VerbContext, name: string, fallback: boolean): boolean {
  const raw = ctx.attr(el, name);
  return raw === undefined ? fallback : raw.toLowerCase() === 'true';
}

/**
 * A URL attribute resolved against the document; a value that is not a URL writes Notification 11100 (invalid URI)
 * and counts as absent.
 */
export function urlAttr(el: XmlElement, ctx: VerbContext, name: string): string | undefined {
  const raw = ctx.attr(el, name);
  if (raw === undefined || raw === '') return undefined;
  try {
    return ctx.resolve(raw);
  } catch {
    ctx.notify(11100, 'warning', `${raw} is an invalid URI.`);
    return undefined;
  }
}
