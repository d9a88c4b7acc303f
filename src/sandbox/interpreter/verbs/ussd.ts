// The USSD verbs (rcml.yaml contexts.ussd): Language, UssdMessage and UssdCollect only gather the parts of one USSD
// message; the session (src/sandbox/ussd-lifecycle.ts) joins and sends it when the document ends, then waits for the
// subscriber's reply when a UssdCollect asked for one.
import type { XmlElement } from '../../../rcml/xml.js';
import type { VerbContext, VerbHandler } from '../verb.js';
import { localName } from '../verb.js';
import { methodAttr, resolveUrl } from './attributes.js';

/** What one document's USSD verbs gathered. */
export interface UssdDraft {
  /** The first Language's code; `undefined` until one ran (the message then counts as `en`). */
  language?: string;
  /** Top-level UssdMessage texts, in document order. */
  readonly lines: string[];
  /** The first UssdCollect: its message lines and where the reply goes. */
  collect?: { readonly lines: readonly string[]; readonly action: string; readonly method: 'GET' | 'POST' };
}

// Drafts by session SID: the session creates one before each document and reads it when the document ends.
const drafts = new Map<string, UssdDraft>();

/** Starts the draft of a new document for session `sid`. */
export function beginDraft(sid: string): UssdDraft {
  const draft: UssdDraft = { lines: [] };
  drafts.set(sid, draft);
  return draft;
}

/** Ends the draft of session `sid` (after its document ran). */
export function endDraft(sid: string): void {
  drafts.delete(sid);
}

function draftOf(ctx: VerbContext): UssdDraft {
  const draft = drafts.get(ctx.sid);
  // Only the USSD session runs documents in the ussd context, and it always opens a draft first.
  if (!draft) throw new Error(`USSD verb outside a USSD session (${ctx.sid})`);
  return draft;
}

export const language: VerbHandler = async (el, ctx) => {
  const draft = draftOf(ctx);
  // rcml.yaml contexts.ussd.notes: only the first Language is honoured.
  if (draft.language !== undefined) {
    ctx.record({ type: 'verb', verb: 'Language', outcome: 'skipped', reason: 'only the first <Language> of a document is honoured', text: ctx.text(el) });
    return { next: true };
  }
  // x-inferred: an empty Language leaves the default, en (rcml.yaml verbs.Language: "default en").
  draft.language = ctx.text(el) || 'en';
  ctx.record({ type: 'verb', verb: 'Language', outcome: 'done', language: draft.language });
  return { next: true };
};

export const ussdMessage: VerbHandler = async (el, ctx) => {
  const text = ctx.text(el);
  draftOf(ctx).lines.push(text);
  ctx.record({ type: 'verb', verb: 'UssdMessage', outcome: 'done', text });
  return { next: true };
};

/** The lines a UssdCollect adds: its UssdMessage children, or its own text when it has none (rcml.yaml verbs.UssdCollect.text). */
function collectLines(el: XmlElement, ctx: VerbContext): string[] {
  const children = el.children.filter((c): c is XmlElement => c.type === 'element' && localName(c.name) === 'UssdMessage');
  if (children.length) return children.map((c) => ctx.text(c));
  const prompt = ctx.text(el);
  return prompt ? [prompt] : [];
}

export const ussdCollect: VerbHandler = async (el, ctx) => {
  const draft = draftOf(ctx);
  // rcml.yaml contexts.ussd.notes: only the first UssdCollect is honoured (its messages too).
  if (draft.collect) {
    ctx.record({ type: 'verb', verb: 'UssdCollect', outcome: 'skipped', reason: 'only the first <UssdCollect> of a document is honoured' });
    return { next: true };
  }
  const action = ctx.attr(el, 'action');
  if (!action) {
    // rcml.yaml verbs.UssdCollect.action: the server reads it unconditionally, so a missing one fails the session
    // (x-inferred: the facts give no Notification for it; the session ends with no message sent).
    ctx.record({ type: 'verb', verb: 'UssdCollect', outcome: 'failed', reason: 'no action: the server cannot go on without one' });
    return { hangup: true, status: 'failed' };
  }
  const url = resolveUrl(ctx, action, 11100, 'error');
  if (url === undefined) {
    ctx.record({ type: 'verb', verb: 'UssdCollect', outcome: 'failed', reason: `${action} is not a URL` });
    return { hangup: true, status: 'failed' };
  }
  // x-inferred: rcml.yaml verbs.UssdCollect.method says the server reads it from "the last processed verb element"
  // (marked inferred); the sandbox reads the UssdCollect's own, which is that element when it is the document's last.
  const method = methodAttr(el, ctx, 'method');
  const lines = collectLines(el, ctx);
  draft.collect = { lines, action: url, method };
  ctx.record({ type: 'verb', verb: 'UssdCollect', outcome: 'done', action: url, method, lines });
  return { next: true };
};
