// The `loop` attribute of Say and Play.
import type { XmlElement } from '../../../rcml/xml.js';
import type { VerbContext } from '../verb.js';

/**
 * The loop count as the server reads it: a non-negative integer, else Notification `code` and 1. `0` means "until
 * hang-up" on the server; the sandbox plays it once (and the transcript says `loop: 0`) so virtual time stays finite.
 */
export function loopCount(el: XmlElement, ctx: VerbContext, code: number): number {
  const raw = ctx.attr(el, 'loop');
  if (raw === undefined) return 1;
  const loop = /^[+-]?\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(loop) || loop < 0 || loop > 2147483647) {
    ctx.notify(code, 'warning', `${raw} is an invalid loop value.`);
    return 1;
  }
  return loop;
}
