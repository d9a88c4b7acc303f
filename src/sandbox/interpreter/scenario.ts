/**
 * What a test says will happen on a call: the caller's input (digits, speech, silence, recordings, a hang-up) and how
 * each number the call dials answers. Input waits in a per-call queue; a verb that needs input takes the next item it
 * can use. Items sent while the call runs (`CallHandle.send`) join the same queue and wake a verb that waits for
 * input, on the virtual clock.
 */
import type { VirtualClock } from '../clock.js';

/**
 * One thing the caller does: a string is DTMF digits (`'1'`, `'1234#'`); `{ speech }` is recognised speech (with
 * optional partial results); `{ timeout: true }` is silence until the verb gives up; `{ record }` is what a Record
 * verb captures; `{ hangup: true }` hangs up.
 */
export type CallInput =
  | string
  | { digits: string }
  | { speech: string; confidence?: number; partial?: string[] }
  | { timeout: true }
  | { record: { seconds: number; transcription?: string; finishOnKey?: string } }
  | { hangup: true };

/** The kind of a `CallInput`, which a verb names to say what it can consume. */
export type CallInputKind = 'digits' | 'speech' | 'timeout' | 'record' | 'hangup';

/**
 * How a dialled party answers: `'answer'` (talks until the caller's side ends), `'busy'`, `'no-answer'`, `'failed'`,
 * or answered for `seconds` (then it hangs up) with its own input (for the screening document run on its leg).
 */
export type DialOutcome = 'answer' | 'busy' | 'no-answer' | 'failed' | { answer: true; seconds?: number; input?: CallInput[] };

/** What happens on one call. */
export interface CallScenario {
  /** The caller's input, consumed in order. An exhausted queue is silence (Gather times out, Record records nothing). */
  input?: CallInput[];
  /** How each dialled target answers, keyed by number, `client:<login>` or `sip:<uri>`; targets not listed answer. */
  dial?: Readonly<Record<string, DialOutcome>>;
}

/** `sandbox.inboundCall(...)`: a call from outside to a number of the sandbox. */
export interface InboundCallScenario extends CallScenario {
  /** The caller. */
  from: string;
  /** A number of the sandbox; its `VoiceUrl` (or voice application) is the application under test. */
  to: string;
}

/** `sandbox.scenario(...)`: what happens on outbound calls to `to` placed through the REST API. */
export interface OutboundCallScenario extends CallScenario {
  /** The number (or `client:`/`sip:` address) called. */
  to: string;
  /** How the called party answers (default `'answer'`). */
  answer?: DialOutcome;
}

/** The most input items one call holds (scenario and interactive together). */
export const MAX_INPUT_ITEMS = 1000;

/** The kind of an input item; throws a `TypeError` naming the problem for anything that is not a `CallInput`. */
export function inputKind(input: CallInput): CallInputKind {
  if (typeof input === 'string') {
    if (!/^[0-9*#wW]{1,64}$/.test(input)) throw new TypeError(`call input: ${JSON.stringify(input)} is not a string of DTMF digits (0-9, *, #; at most 64)`);
    return 'digits';
  }
  if (input === null || typeof input !== 'object') throw new TypeError(`call input: expected digits or an object, got ${input === null ? 'null' : typeof input}`);
  const keys = Object.keys(input);
  if ('digits' in input) {
    if (typeof input.digits !== 'string' || !/^[0-9*#wW]{1,64}$/.test(input.digits)) throw new TypeError('call input: digits must be a string of DTMF digits (0-9, *, #; at most 64)');
    return 'digits';
  }
  if ('speech' in input) {
    if (typeof input.speech !== 'string' || input.speech.length > 4096) throw new TypeError('call input: speech must be a string of at most 4096 characters');
    if (input.confidence !== undefined && !(typeof input.confidence === 'number' && input.confidence >= 0 && input.confidence <= 1)) throw new TypeError('call input: confidence must be a number from 0 to 1');
    if (input.partial !== undefined && !(Array.isArray(input.partial) && input.partial.length <= 100 && input.partial.every((p) => typeof p === 'string' && p.length <= 4096))) {
      throw new TypeError('call input: partial must be an array of at most 100 strings');
    }
    return 'speech';
  }
  if ('timeout' in input && input.timeout === true && keys.length === 1) return 'timeout';
  if ('hangup' in input && input.hangup === true && keys.length === 1) return 'hangup';
  if ('record' in input) {
    const r = input.record as { seconds?: unknown; transcription?: unknown; finishOnKey?: unknown } | null;
    if (!r || typeof r !== 'object' || typeof r.seconds !== 'number' || !Number.isFinite(r.seconds) || r.seconds < 0 || r.seconds > 86_400) {
      throw new TypeError('call input: record.seconds must be a number of seconds from 0 to 86400');
    }
    if (r.transcription !== undefined && (typeof r.transcription !== 'string' || r.transcription.length > 65_536)) throw new TypeError('call input: record.transcription must be a string');
    if (r.finishOnKey !== undefined && (typeof r.finishOnKey !== 'string' || !/^[0-9*#]$/.test(r.finishOnKey))) throw new TypeError('call input: record.finishOnKey must be one DTMF key');
    return 'record';
  }
  throw new TypeError(`call input: unknown item ${JSON.stringify(input).slice(0, 100)}`);
}

/** Where an input item came from: the scenario given up front, or `send()` while the call ran. */
export type InputSource = 'scenario' | 'interactive';

/**
 * The input of one call. `next` takes the first item when its kind is one the verb can use; otherwise (or when the
 * queue is empty) it waits up to `timeoutMs` of virtual time for an interactive item, and resolves `'timeout'`.
 * A `{ hangup: true }` item, or the call ending, resolves `'hangup'`.
 */
export class InputQueue {
  readonly #items: { input: CallInput; kind: CallInputKind; source: InputSource }[] = [];
  #wake: (() => void) | undefined;
  #closed = false;

  constructor(
    private readonly clock: VirtualClock,
    initial: readonly CallInput[] = [],
  ) {
    if (!Array.isArray(initial)) throw new TypeError('call input must be an array');
    for (const input of initial) this.push(input, 'scenario');
  }

  /** Items waiting. */
  get length(): number {
    return this.#items.length;
  }

  /** The waiting items, first first. */
  peek(): readonly CallInput[] {
    return this.#items.map((i) => i.input);
  }

  /** Queues an item (checked); a verb waiting for input looks at it at once. */
  push(input: CallInput, source: InputSource = 'interactive'): void {
    const kind = inputKind(input);
    if (this.#closed) throw new Error('call input: the call has ended');
    if (this.#items.length >= MAX_INPUT_ITEMS) throw new RangeError(`call input: at most ${MAX_INPUT_ITEMS} items wait on one call`);
    this.#items.push({ input, kind, source });
    this.#wake?.();
  }

  /** The call ended: nothing more is accepted, and a waiting verb gets `'hangup'`. */
  close(): void {
    this.#closed = true;
    this.#wake?.();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * The next item a verb accepting `kinds` can use, waiting up to `timeoutMs` (virtual) for one to arrive. Resolves
   * the item with its source (a `{ hangup: true }` item whatever `kinds` says), `'timeout'`, or `'hangup'` when the
   * call has ended or `signal` aborted.
   */
  async next(timeoutMs: number, kinds: readonly CallInputKind[], signal?: AbortSignal): Promise<{ input: CallInput; source: InputSource } | 'timeout' | 'hangup'> {
    const deadline = this.clock.now() + Math.max(0, timeoutMs);
    for (;;) {
      if (this.#closed || signal?.aborted) return 'hangup';
      const head = this.#items[0];
      if (head && (head.kind === 'hangup' || kinds.includes(head.kind))) {
        this.#items.shift();
        return { input: head.input, source: head.source };
      }
      // A queued item the verb cannot use (a record item at a Gather) stays for the verb that can: this one hears silence.
      if (head) return 'timeout';
      const left = deadline - this.clock.now();
      if (left <= 0) return 'timeout';
      const woken = new AbortController();
      this.#wake = () => woken.abort();
      const signals = signal ? AbortSignal.any([signal, woken.signal]) : woken.signal;
      const slept = await this.clock.sleep(left, signals);
      this.#wake = undefined;
      if (slept) return this.#items[0] ? this.next(0, kinds, signal) : 'timeout';
    }
  }
}
