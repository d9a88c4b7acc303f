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
  /**
   * How each dialled target answers, keyed by number, `client:<login>` or `sip:<uri>`; a number of the sandbox not listed
   * rings its own application, other targets not listed answer.
   */
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
  const only = (...allowed: string[]) => {
    const extra = keys.find((k) => !allowed.includes(k));
    if (extra !== undefined) throw new TypeError(`call input: ${JSON.stringify(extra)} does not go with ${JSON.stringify(allowed[0])} in one item`);
  };
  if ('digits' in input) {
    only('digits');
    if (typeof input.digits !== 'string' || !/^[0-9*#wW]{1,64}$/.test(input.digits)) throw new TypeError('call input: digits must be a string of DTMF digits (0-9, *, #; at most 64)');
    return 'digits';
  }
  if ('speech' in input) {
    only('speech', 'confidence', 'partial');
    if (typeof input.speech !== 'string' || input.speech.length > 4096) throw new TypeError('call input: speech must be a string of at most 4096 characters');
    if (input.confidence !== undefined && !(typeof input.confidence === 'number' && input.confidence >= 0 && input.confidence <= 1)) throw new TypeError('call input: confidence must be a number from 0 to 1');
    if (input.partial !== undefined && !(Array.isArray(input.partial) && input.partial.length <= 100 && input.partial.every((p) => typeof p === 'string' && p.length <= 4096))) {
      throw new TypeError('call input: partial must be an array of at most 100 strings');
    }
    return 'speech';
  }
  if ('record' in input) only('record');
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
  readonly #arrivals = new Set<(kind: CallInputKind) => void>();
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
    for (const heard of this.#arrivals) heard(kind);
  }

  /**
   * A signal that aborts when an item of one of `kinds` is queued from now on (a key pressed during a Gather's
   * prompts); `stop()` stops listening. Items already waiting do not count.
   */
  arrivals(kinds: readonly CallInputKind[]): { signal: AbortSignal; stop(): void } {
    const heard = new AbortController();
    const listener = (kind: CallInputKind) => {
      if (kinds.includes(kind)) heard.abort();
    };
    this.#arrivals.add(listener);
    return { signal: heard.signal, stop: () => void this.#arrivals.delete(listener) };
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

const OUTCOMES = new Set(['answer', 'busy', 'no-answer', 'failed']);

/** The most dial targets one scenario lists. */
export const MAX_DIAL_TARGETS = 1000;

/** Checks a dial outcome; throws a `TypeError` naming `where` and the problem. */
export function checkDialOutcome(outcome: unknown, where: string): DialOutcome {
  if (typeof outcome === 'string') {
    if (!OUTCOMES.has(outcome)) throw new TypeError(`${where}: ${JSON.stringify(outcome)} is not an outcome (answer, busy, no-answer, failed, or { answer: true, seconds?, input? })`);
    return outcome as DialOutcome;
  }
  if (outcome === null || typeof outcome !== 'object' || (outcome as { answer?: unknown }).answer !== true) {
    throw new TypeError(`${where}: expected answer, busy, no-answer, failed, or { answer: true, seconds?, input? }`);
  }
  const o = outcome as { answer: true; seconds?: unknown; input?: unknown };
  for (const key of Object.keys(o)) if (!['answer', 'seconds', 'input'].includes(key)) throw new TypeError(`${where}: unknown field ${key}`);
  if (o.seconds !== undefined && !(Number.isInteger(o.seconds) && (o.seconds as number) >= 0 && (o.seconds as number) <= 86_400)) {
    throw new TypeError(`${where}: seconds must be a whole number from 0 to 86400`);
  }
  if (o.input !== undefined) checkInputList(o.input, `${where}.input`);
  return o as DialOutcome;
}

function checkInputList(input: unknown, where: string): void {
  if (!Array.isArray(input)) throw new TypeError(`${where} must be an array`);
  if (input.length > MAX_INPUT_ITEMS) throw new RangeError(`${where} has ${input.length} items; at most ${MAX_INPUT_ITEMS}`);
  input.forEach((item, i) => {
    try {
      inputKind(item as CallInput);
    } catch (error) {
      throw new TypeError(`${where}[${i}]: ${(error as Error).message.replace(/^call input: /, '')}`);
    }
  });
}

/** Checks the `input` and `dial` of a scenario; throws a `TypeError` naming `where` and the problem. */
export function checkScenario(scenario: CallScenario, where: string): void {
  if (scenario === null || typeof scenario !== 'object') throw new TypeError(`${where}: expected a scenario object`);
  if (scenario.input !== undefined) checkInputList(scenario.input, `${where}: input`);
  if (scenario.dial !== undefined) {
    if (scenario.dial === null || typeof scenario.dial !== 'object' || Array.isArray(scenario.dial)) throw new TypeError(`${where}: dial must be an object keyed by the dialled target`);
    const entries = Object.entries(scenario.dial);
    if (entries.length > MAX_DIAL_TARGETS) throw new RangeError(`${where}: dial lists ${entries.length} targets; at most ${MAX_DIAL_TARGETS}`);
    for (const [target, outcome] of entries) {
      if (target === '' || target.length > 256) throw new TypeError(`${where}: dial targets are non-empty strings of at most 256 characters`);
      checkDialOutcome(outcome, `${where}: dial[${JSON.stringify(target)}]`);
    }
  }
}
