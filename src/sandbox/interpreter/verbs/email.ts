// <Email>: sends an e-mail through the server's SMTP service (rcml.yaml verbs.Email). The server keeps no e-mail
// resource (core/email.yaml); the sandbox stands in for a configured SMTP service and records the mail it would send in
// the transcript.
import type { VerbHandler } from '../verb.js';

/** The server's subject when the verb names none. */
export const DEFAULT_SUBJECT = 'Restcomm Email Service';

export const email: VerbHandler = async (el, ctx) => {
  // Lower-case names only: the server reads `bcc` and `subject`, not the documentation's `Bcc` and `Subject`.
  const to = ctx.attr(el, 'to');
  const from = ctx.attr(el, 'from');
  if (!to || !from) {
    // No recipient or sender: the server sends nothing (rcml.yaml verbs.Email.to); the document goes on.
    ctx.record({ type: 'verb', verb: 'Email', outcome: 'failed', reason: `no ${to ? 'from' : 'to'} address; nothing is sent` });
    return { next: true };
  }
  ctx.record({
    type: 'verb',
    verb: 'Email',
    outcome: 'sent',
    to,
    from,
    cc: ctx.attr(el, 'cc') ?? '',
    bcc: ctx.attr(el, 'bcc') ?? '',
    subject: ctx.attr(el, 'subject') || DEFAULT_SUBJECT,
    body: ctx.text(el),
  });
  return { next: true };
};
