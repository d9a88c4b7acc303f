// What the benchmarks share: the median of a sample, and a full garbage collection on demand.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The middle value (the upper one of an even count). */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `gc()` without starting Node with --expose-gc: the flag is set at run time and the function taken from a new context. */
export function gcFunction(): () => void {
  setFlagsFromString('--expose_gc');
  return runInNewContext('gc') as () => void;
}
