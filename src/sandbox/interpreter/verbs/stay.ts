// Waiting while the caller is connected to someone (a dialled party, a conference): the caller may hang up (a
// `{ hangup: true }` input, `CallHandle.hangup()`, a REST hang-up), or the other side may end it first.
import type { VerbContext } from '../verb.js';

/**
 * Waits `ms` of virtual time on the caller's line. Resolves `'time'` when it has passed, `'caller'` when the caller
 * hung up, or `'stopped'` when `stop` aborted first (the other side ended it). Input queued for later verbs (digits for
 * a Gather after the Dial) stays where it is.
 */
export async function stayOnLine(ctx: VerbContext, ms: number, stop: AbortSignal): Promise<'time' | 'caller' | 'stopped'> {
  const signal = AbortSignal.any([ctx.signal, stop]);
  const why = () => (ctx.signal.aborted || ctx.session.ended ? 'caller' : 'stopped');
  const deadline = ctx.engine.now() + Math.max(0, ms);
  const got = await ctx.input.next(ms, [], signal);
  if (typeof got === 'object') {
    // With no kinds asked for, only a `{ hangup: true }` item comes back: the caller hangs up.
    ctx.record({ type: 'input', input: got.input, source: got.source, verb: 'Dial' });
    ctx.session.end?.('completed');
    return 'caller';
  }
  if (got === 'hangup') return why();
  const left = deadline - ctx.engine.now();
  if (left > 0 && !(await ctx.engine.clock.sleep(left, signal))) return why();
  return signal.aborted ? why() : 'time';
}
