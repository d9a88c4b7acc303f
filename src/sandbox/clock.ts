/**
 * The sandbox's virtual clock and cooperative scheduler. Nothing in a call or message happens in real time: work is
 * queued at a virtual instant and runs only when a test moves the clock (`advance`) or lets it run until nothing is
 * left (`settle`). Work that is in flight (a webhook request to the app, RCML being run) is an *activity*; the clock
 * moves on only when every activity is either finished or asleep on the clock, so real HTTP round trips never race
 * virtual time.
 */

interface Task {
  at: number;
  seq: number;
  run: () => void;
}

/** Bounds of `settle` and `runUntil`. */
export interface SettleOptions {
  /** Stop with an error after this much virtual time (default 24 hours): an app that loops forever. */
  maxVirtualMs?: number;
  /** Stop with an error after this many queued steps (default 1,000,000). */
  maxSteps?: number;
}

/** The virtual clock and scheduler of one sandbox. */
export class VirtualClock {
  #now: number;
  #seq = 0;
  #queue: Task[] = [];
  #active = 0;
  #idleWaiters: (() => void)[] = [];
  #errors: unknown[] = [];
  #running: Promise<unknown> = Promise.resolve();

  constructor(startMs: number) {
    this.#now = startMs;
  }

  /** Virtual milliseconds since the epoch. */
  now(): number {
    return this.#now;
  }

  /** Sets the time of an idle clock (a sandbox restoring saved state); refuses while anything is pending. */
  restore(ms: number): void {
    if (this.#queue.length || this.#active) throw new Error('restore(): the clock has pending work');
    this.#now = ms;
  }

  /** Steps waiting on the clock. */
  pending(): number {
    return this.#queue.length;
  }

  /** Queues `run` at now + `delayMs` (virtual). */
  schedule(delayMs: number, run: () => void): { cancel(): void } {
    const task: Task = { at: this.#now + Math.max(0, delayMs), seq: this.#seq++, run };
    // Binary insertion keeps the queue ordered by (at, seq): equal instants run in the order they were queued.
    let lo = 0;
    let hi = this.#queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const other = this.#queue[mid]!;
      if (other.at < task.at || (other.at === task.at && other.seq < task.seq)) lo = mid + 1;
      else hi = mid;
    }
    this.#queue.splice(lo, 0, task);
    return {
      cancel: () => {
        const i = this.#queue.indexOf(task);
        if (i >= 0) this.#queue.splice(i, 1);
      },
    };
  }

  /** Runs `fn` as an activity; an error it throws is reported by the next `advance`/`settle`. */
  spawn(fn: () => Promise<void>): void {
    this.#active++;
    fn()
      .catch((error: unknown) => {
        this.#errors.push(error);
      })
      .finally(() => this.#release());
  }

  /**
   * Inside an activity: sleep for `ms` of virtual time (the activity does not count as busy meanwhile). Resolves `true`
   * when the time has come, or `false` as soon as `signal` aborts.
   */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(false);
      const wake = (completed: boolean) => {
        signal?.removeEventListener('abort', onAbort);
        this.#active++;
        resolve(completed);
      };
      const task = this.schedule(ms, () => wake(true));
      const onAbort = () => {
        task.cancel();
        wake(false);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#release();
    });
  }

  /**
   * Inside an activity: wait for `promise`, which another activity settles, without counting as busy meanwhile (as
   * `sleep` does), so that the clock can move on for the activity that will settle it.
   */
  suspend<T>(promise: Promise<T>): Promise<T> {
    this.#release();
    return promise.then(
      (value) => {
        this.#active++;
        return value;
      },
      (error: unknown) => {
        this.#active++;
        throw error;
      },
    );
  }

  #release() {
    this.#active--;
    if (this.#active === 0) for (const wake of this.#idleWaiters.splice(0)) wake();
  }

  #idle(): Promise<void> {
    return this.#active === 0 ? Promise.resolve() : new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #throwErrors() {
    if (this.#errors.length === 0) return;
    const errors = this.#errors.splice(0);
    if (errors.length === 1) throw errors[0];
    throw new AggregateError(errors, `${errors.length} sandbox activities failed: ${errors.map((e) => (e instanceof Error ? e.message : String(e))).join('; ')}`);
  }

  /**
   * Runs every step due at the earliest queued instant, in queue order, before waiting for the activities they wake:
   * what happens at the same virtual instant proceeds concurrently (many calls placed together ring together).
   */
  #runInstant(): number {
    const at = this.#queue[0]!.at;
    let count = 0;
    this.#now = at;
    while (this.#queue.length && this.#queue[0]!.at === at) {
      this.#queue.shift()!.run();
      count++;
    }
    return count;
  }

  // One clock run at a time: `advance` and `settle` calls queue behind each other.
  #exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.#running.then(work, work);
    this.#running = result.catch(() => undefined);
    return result;
  }

  /** Moves virtual time forward by `ms`, running everything due on the way. */
  advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) return Promise.reject(new RangeError(`advance(ms): expected a finite number of milliseconds >= 0, got ${ms}`));
    return this.#exclusive(async () => {
      const target = this.#now + ms;
      for (;;) {
        await this.#idle();
        const next = this.#queue[0];
        if (!next || next.at > target) break;
        this.#runInstant();
      }
      this.#now = target;
      await this.#idle();
      this.#throwErrors();
    });
  }

  /** Runs until nothing is pending, moving time as far as the last step needs. */
  settle(options: SettleOptions = {}): Promise<void> {
    return this.runUntil(() => false, options);
  }

  /**
   * Runs until `done()` holds (checked whenever the work of an instant has finished) or nothing is pending, with the
   * bounds of `settle`. Other work keeps its place on the clock: what is due later stays queued.
   */
  runUntil(done: () => boolean, options: SettleOptions = {}): Promise<void> {
    const maxVirtualMs = options.maxVirtualMs ?? 24 * 3600_000;
    const maxSteps = options.maxSteps ?? 1_000_000;
    return this.#exclusive(async () => {
      const start = this.#now;
      for (let steps = 0; ; ) {
        await this.#idle();
        const next = this.#queue[0];
        if (!next || done()) break;
        if (next.at - start > maxVirtualMs || steps >= maxSteps) {
          throw new Error(`settle(): still busy after ${steps} steps and ${Math.round((next.at - start) / 1000)} s of virtual time; an application may be looping (raise maxVirtualMs/maxSteps if this is intended)`);
        }
        steps += this.#runInstant();
      }
      this.#throwErrors();
    });
  }
}
