// The outcome of a verb the sandbox does not execute (yet): recorded in the transcript, then the next verb runs.
import type { XmlElement } from '../../../rcml/xml.js';
import { localName, type VerbContext, type VerbOutcome } from '../verb.js';

/** Records `el` as skipped with `reason` and goes on with the next verb. */
export function skipVerb(el: XmlElement, ctx: VerbContext, reason: string): VerbOutcome {
  ctx.record({ type: 'verb', verb: localName(el.name), outcome: 'skipped', reason });
  return { next: true };
}
