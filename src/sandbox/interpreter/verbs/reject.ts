// <Reject>: refuses a call that is still ringing (rcml.yaml verbs.Reject, contexts.voice notes).
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Executes <Reject>. */
export const reject: VerbHandler = async (el, ctx) => {
  const reason = (ctx.attr(el, 'reason') ?? 'rejected').toLowerCase() === 'busy' ? 'busy' : 'rejected';
  if (ctx.context === 'call-screening') {
    // The screening interpreter executes Reject (rcml.yaml contexts.call_screening) on a leg that has answered:
    // x-inferred, it refuses the connection by hanging the dialled leg up.
    ctx.record({ type: 'verb', verb: 'Reject', outcome: 'done', reason });
    return { hangup: true };
  }
  // Only a ringing call can be rejected; after the answer the server skips the verb (contexts.voice.notes).
  if (ctx.session.call.status !== 'ringing') return skipVerb(el, ctx, 'the call is already answered');
  ctx.record({ type: 'verb', verb: 'Reject', outcome: 'done', reason });
  // x-inferred: rcml.yaml does not say which status a rejected call ends with; busy for reason=busy (486 Busy Here), else failed.
  return { hangup: true, status: reason === 'busy' ? 'busy' : 'failed' };
};
