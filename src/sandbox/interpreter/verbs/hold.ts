/**
 * `<Hold>`, `<Resume>` and `<Refer>`: verbs of the Restcomm cloud only (rcml.yaml verbs.Hold/Resume/Refer, from the
 * 2020 cloud pages; the open-source server has none of them). The sandbox follows the cloud pages as far as they go:
 * a hold or resume of the far end succeeds (a `200` answer to the re-INVITE) and its `action` gets
 * `HoldStatus`/`ResumeStatus` (webhooks.yaml hold_action, resume_action). `<Refer>` is not executed: the pages
 * captured give neither the transfer target's syntax nor the values of `ReferCallStatus`.
 */
import type { VerbHandler, VerbOutcome } from '../verb.js';
import { methodAttr, urlAttr } from './attributes.js';
import { skipVerb } from './skip.js';

/** The call's action request, or the next verb without one. */
function then(action: string | undefined, method: 'GET' | 'POST', kind: 'holdAction' | 'resumeAction', extra: [string, string][]): VerbOutcome {
  return action ? { fetch: { url: action, method, kind, extra } } : { next: true };
}

export const hold: VerbHandler = async (el, ctx) => {
  const action = urlAttr(el, ctx, 'action');
  const method = methodAttr(el, ctx, 'method');
  const holdMusic = ctx.attr(el, 'holdMusic');
  const call = ctx.engine.store.get('calls', ctx.sid)!;
  call.$held = true;
  ctx.record({ type: 'verb', verb: 'Hold', outcome: 'held', ...(holdMusic ? { holdMusic } : {}) });
  return then(action, method, 'holdAction', [
    ['HoldStatus', 'held'],
    ['HoldSipResponseCode', '200'],
  ]);
};

export const resume: VerbHandler = async (el, ctx) => {
  const call = ctx.engine.store.get('calls', ctx.sid)!;
  // A call that was never held is left alone (rcml.yaml verbs.Resume purpose).
  if (!call.$held) return skipVerb(el, ctx, 'the call is not on hold');
  const action = urlAttr(el, ctx, 'action');
  const method = methodAttr(el, ctx, 'method');
  delete call.$held;
  ctx.record({ type: 'verb', verb: 'Resume', outcome: 'resumed' });
  return then(action, method, 'resumeAction', [
    ['ResumeStatus', 'resumed'],
    ['ResumeSipResponseCode', '200'],
  ]);
};

export const refer: VerbHandler = async (el, ctx) =>
  skipVerb(el, ctx, 'cloud only, and the reference has neither the transfer target of <Refer> nor the values of ReferCallStatus (rcml.yaml gaps)');
