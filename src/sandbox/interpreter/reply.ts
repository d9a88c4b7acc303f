/**
 * Reads an application's answer to an RCML request as the server reads it, and checks it the way a developer would
 * want it checked: the HTTP status, the content type, and the RCML itself with `validateRcml` in the context it will
 * run in. What the server tolerates is only reported (`problems`, shown in the transcript's `reply` event); what it
 * rejects comes back as a failure with the Notification code the server writes (rcml.yaml, webhooks.yaml
 * `failure_handling` and `rcml_response_content_types`).
 */
import { RCML_DOCUMENT_REFUSED, type RcmlProblem } from '../../rcml/rules.js';
import type { RcmlContext } from '../../rcml/schema.js';
import { validateRcml } from '../../rcml/validate.js';
import { parseXml, type XmlElement } from '../../rcml/xml.js';
import { escapeText } from '../../rcml/escape.js';
import type { WebhookOutcome } from '../webhook-sender.js';

/** Content types parsed as RCML in every context (webhooks.yaml `rcml_response_content_types.parsed_as_rcml`). */
export const RCML_TYPES = ['text/xml', 'application/xml', 'text/html'];
const WAV_TYPES = ['audio/wav', 'audio/wave', 'audio/x-wav'];

/** A failed RCML request: the Notification the server writes and how the call (or session) ends. */
export interface ReplyFailure {
  readonly ok: false;
  /** 21402 for a 404, 11205 when no answer came, 11206 for an answer the server cannot use, 12300 for an SMS answer of another type. */
  readonly code: number;
  readonly level: 'error' | 'warning';
  readonly text: string;
  /** The call's final status: `not-found` after a 404, `failed` otherwise. */
  readonly final: 'not-found' | 'failed';
  readonly problems: readonly RcmlProblem[];
}

/** A usable answer: the parsed document and what `validateRcml` found in it for its context. */
export interface ReplyDocument {
  readonly ok: true;
  readonly root: XmlElement;
  /** The RCML as run: the body, or the document the server wraps a text or audio answer in. */
  readonly source: string;
  readonly problems: readonly RcmlProblem[];
}

/** What `readReply` found: a document to run, or a failure. */
export type ReplyReading = ReplyDocument | ReplyFailure;

const mediaType = (contentType: string | undefined) => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/** Reads one answer to an RCML request for a document to run in `context`; `url` is the URL requested. */
export function readReply(outcome: WebhookOutcome, context: RcmlContext, url: string): ReplyReading {
  if (!outcome.ok) {
    if (outcome.status === 404) return failure(21402, 'warning', `URL Not Found : ${url}`, 'not-found');
    return failure(outcome.status === undefined ? 11205 : 11206, 'error', outcome.error, 'failed');
  }
  const type = mediaType(outcome.contentType);
  let source: string;
  if (RCML_TYPES.includes(type)) source = outcome.body;
  else if (context === 'sms') return failure(12300, 'error', `Invalid content type ${type || '(none)'}`, 'failed');
  // A plain-text answer is spoken (voice) or sent as the USSD message; a WAV answer plays the URL requested.
  else if (type === 'text/plain' && context === 'ussd') source = `<Response><UssdMessage>${escapeText(outcome.body)}</UssdMessage></Response>`;
  else if (type === 'text/plain') source = `<Response><Say>${escapeText(outcome.body)}</Say></Response>`;
  else if (WAV_TYPES.includes(type) && context !== 'ussd') source = `<Response><Play>${escapeText(url)}</Play></Response>`;
  else return failure(11206, 'error', `content type ${type || '(none)'} is not RCML`, 'failed');
  const problems = validateRcml(source, { context });
  // The server refuses these documents whole (ParserFailed); rcml.yaml records no Notification code for that, so
  // they get the one for any other unusable answer (webhooks.yaml failure_handling: the call fails).
  const fatal = problems.find((p) => RCML_DOCUMENT_REFUSED.has(p.code));
  if (fatal) return failure(11206, 'error', `the RCML is not usable: ${fatal.message}`, 'failed', problems);
  // The server rewrites bare `&` to `&amp;` before parsing, so it accepts them (rcml.yaml document.xml.ampersand_tolerance).
  return { ok: true, root: parseXml(source, { bareAmpersands: 'literal' }).root, source, problems };
}

function failure(code: number, level: 'error' | 'warning', text: string, final: 'not-found' | 'failed', problems: readonly RcmlProblem[] = []): ReplyFailure {
  return { ok: false, code, level, text, final, problems };
}
