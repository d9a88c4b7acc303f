// <Hangup>: ends the call (rcml.yaml verbs.Hangup).
import type { VerbHandler } from '../verb.js';

/** Executes <Hangup>. */
export const hangup: VerbHandler = async (_el, ctx) => {
  ctx.record({ type: 'verb', verb: 'Hangup', outcome: 'done' });
  return { hangup: true };
};
