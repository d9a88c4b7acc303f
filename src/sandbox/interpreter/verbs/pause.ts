// <Pause>: silence on the virtual clock (rcml.yaml verbs.Pause).
import type { VerbHandler } from '../verb.js';

/** Executes <Pause>. */
export const pause: VerbHandler = async (el, ctx) => {
  const raw = ctx.attr(el, 'length');
  let length = raw === undefined ? 1 : /^[+-]?\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(length) || length < 0 || length > 2147483647) {
    ctx.notify(13910, 'warning', 'Invalid length value.');
    length = 1;
  }
  ctx.record({ type: 'verb', verb: 'Pause', outcome: 'done', length });
  await ctx.session.sleep(length * 1000);
  return { next: true };
};
