// <Fax>: sends the document at the verb's URL through the server's fax service (rcml.yaml verbs.Fax; the server needs
// a configured InterFax account). The server keeps no fax resource and sends no callback (its `action`, `method` and
// `statusCallback` exist only in the documentation), so the sandbox stands in for a configured fax service and records
// the fax it would send in the transcript, as it does for <Email>.
import type { VerbHandler } from '../verb.js';
import { resolveUrl } from './attributes.js';

export const fax: VerbHandler = async (el, ctx) => {
  const call = ctx.session.call;
  const text = ctx.text(el);
  if (!text) {
    // Nothing to fax (x-inferred: rcml.yaml gives the text as the document URL and names no code for an empty one).
    ctx.record({ type: 'verb', verb: 'Fax', outcome: 'failed', reason: 'no document URL; nothing is sent' });
    return { next: true };
  }
  const url = resolveUrl(ctx, text, 11100, 'error');
  if (url === undefined) {
    ctx.record({ type: 'verb', verb: 'Fax', outcome: 'failed', reason: `${text} is not a URL` });
    return { next: true };
  }
  // Defaults from rcml.yaml: to the caller (the call's From), from the number called (its To).
  const to = ctx.attr(el, 'to') || String(call.from ?? '');
  const from = ctx.attr(el, 'from') || String(call.to ?? '');
  ctx.record({ type: 'verb', verb: 'Fax', outcome: 'sent', to, from, url });
  return { next: true };
};
