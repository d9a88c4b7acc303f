/**
 * The legs a `<Dial>` rings (rcml.yaml verbs.Dial children.rules): one child call per Number, Client, Sip or Uri
 * noun, all ringing at once; the first to answer wins and the others are cancelled. Each leg is a call resource
 * (direction `outbound-dial`, `parent_call_sid` the dialling call) with the call-progress events of its noun's
 * `statusCallback` (webhooks.yaml `dial_leg_status_callback`). How a leg answers comes from the scenario's `dial`
 * map; a number of the sandbox it does not name rings its own application, other targets it does not name answer.
 */
import { ANSWER_AFTER_MS, deliver, hangUp, isFinal, progressParams, putCall, reachedNumber, RING_AFTER_MS, setStatus, startInboundLeg, type CallSettings } from '../../call-lifecycle.js';
import type { DIAL_STATUS_EVENTS } from '../../../rcml/schema.js';
import type { Engine, LiveCall } from '../../engine.js';
import type { Row } from '../../store.js';
import type { DialOutcome } from '../scenario.js';
import type { VerbContext } from '../verb.js';

/** A dialled leg's progress events (the `statusCallbackEvent` names). */
export type ProgressEvent = (typeof DIAL_STATUS_EVENTS)[number];

/** One dialled party, read from its noun. */
export interface DialTarget {
  noun: 'Number' | 'Client' | 'Sip' | 'Uri';
  /** The scenario key: the number, `client:<login>` or `sip:<uri>`. */
  key: string;
  /** The leg's `to`. */
  to: string;
  /** Call-screening RCML run on the answered leg (absolute). */
  url?: string;
  method: 'GET' | 'POST';
  /** Used as written: the server does not resolve it against the document (rcml.yaml nouns.Number statusCallback). */
  statusCallback?: string;
  statusCallbackMethod: 'GET' | 'POST';
  /** The progress events reported to `statusCallback`. */
  events: readonly ProgressEvent[];
}

/** A leg being rung. */
export interface DialLeg {
  readonly target: DialTarget;
  readonly row: Row;
  readonly outcome: DialOutcome;
  /** The leg's live entry: a REST hang-up of the leg aborts `live.hangup`. */
  readonly live: LiveCall;
  /** A number of the sandbox: the leg reaches its application, which answers (or not) as an inbound call. */
  readonly route?: { number: Row; url: string };
}

/** How ringing ended: the leg that answered, or none (with the leg that ended last, if any). */
export interface RingResult {
  answered?: DialLeg;
  /** Without an answer: the status the Dial reports (`busy`, `no-answer`, `failed`, `canceled`). */
  status?: string;
  /** Without an answer: the leg that ended last (its SID is the action's `DialCallSid`). */
  last?: DialLeg;
}

/** Sends the leg's progress event when its noun asked for it. */
export async function legProgress(engine: Engine, leg: DialLeg, event: ProgressEvent): Promise<void> {
  const { statusCallback, statusCallbackMethod, events } = leg.target;
  if (!statusCallback || !events.includes(event)) return;
  await deliver(engine, leg.row, { kind: 'dialStatusCallback', url: statusCallback, method: statusCallbackMethod, params: progressParams(engine, leg.row, event) });
}

/** Ends a leg with its final status (unless a REST hang-up gave it one) and reports `completed`. */
export async function endLeg(engine: Engine, leg: DialLeg, status: string): Promise<void> {
  if (!isFinal(leg.row.status)) setStatus(engine, leg.row, status);
  // The application of a number of the sandbox that answered the leg hangs up with it.
  const peer = leg.row.$peer === undefined ? undefined : engine.store.get('calls', leg.row.$peer as string);
  if (peer && !isFinal(peer.status)) hangUp(engine, peer);
  leg.live.hangup.abort();
  engine.liveCalls.delete(leg.row.sid);
  engine.runtimes.delete(leg.row.sid);
  await legProgress(engine, leg, 'completed');
}

function createLeg(ctx: VerbContext, parent: Row, target: DialTarget, from: string, timeoutSeconds: number): DialLeg {
  const engine = ctx.engine;
  const settings: CallSettings = {
    url: target.url ?? '',
    method: target.method,
    fallbackMethod: 'POST',
    statusCallbackMethod: target.statusCallbackMethod,
    timeoutSeconds,
  };
  const row = putCall(engine, parent.account_sid as string, { parent_call_sid: parent.sid, to: target.to, from, status: 'queued', direction: 'outbound-dial', $settings: settings });
  const sid = row.sid;
  ctx.record({ type: 'resource', resource: 'Call', sid, noun: target.noun, to: target.to });
  // Live, so that the REST API can hang the leg up.
  const live: LiveCall = { hangup: new AbortController() };
  engine.liveCalls.set(sid, live);
  // The scenario's outcome for the target; else a number of the sandbox rings its own application, as a call placed
  // through the API does; else the sandbox's `callOutcome` option.
  // Own keys only: the target comes from the application's RCML (`<Number>constructor</Number>` must not read Object.prototype).
  const dial = ctx.scenario.dial;
  const planned = dial !== undefined && Object.hasOwn(dial, target.key) ? dial[target.key] : undefined;
  const route = planned === undefined && target.noun === 'Number' ? reachedNumber(engine, target.to) : undefined;
  const outcome = planned ?? engine.options.callOutcome?.(engine.view(row)) ?? 'answer';
  return { target, row, outcome, live, ...(route ? { route } : {}) };
}

/**
 * Rings every target at once on the virtual clock: each leg rings after 1 s and answers, is busy or fails 2 s later
 * (the delays of the sandbox's call life cycle); `no-answer` rings until the Dial's `timeout`, which also cuts short any leg
 * still ringing then. The first leg to answer wins and the others are cancelled; a hang-up of the dialling call
 * cancels them all.
 */
export async function ringLegs(ctx: VerbContext, targets: readonly DialTarget[], from: string, timeoutSeconds: number): Promise<RingResult & { legs: DialLeg[] }> {
  const { engine } = ctx;
  const clock = engine.clock;
  const parent = engine.store.get('calls', ctx.sid)!;
  const legs = targets.map((t) => createLeg(ctx, parent, t, from, timeoutSeconds));
  // Aborted with the reason ringing stops: 'answered', 'timeout', 'caller' (the dialling call ended) or 'done'.
  const stop = new AbortController();
  const onCallerGone = () => stop.abort('caller');
  if (ctx.signal.aborted) stop.abort('caller');
  else ctx.signal.addEventListener('abort', onCallerGone, { once: true });

  let answered: DialLeg | undefined;
  let last: DialLeg | undefined;
  let lastStatus: string | undefined;

  const ring = async (leg: DialLeg): Promise<void> => {
    const signal = AbortSignal.any([stop.signal, leg.live.hangup.signal]);
    // Ringing stopped for all, or this leg was hung up through the REST API (which set its status).
    const stopped = () => (isFinal(leg.row.status) ? (leg.row.status as string) : stop.signal.reason === 'timeout' ? 'no-answer' : 'canceled');
    const whenStopped = new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
    await legProgress(engine, leg, 'initiated');
    let final: string | undefined;
    // Legs due at the same instant all wake before any runs on, so each checks again that ringing goes on.
    if (!(await clock.sleep(RING_AFTER_MS, signal)) || signal.aborted) final = stopped();
    else {
      setStatus(engine, leg.row, 'ringing');
      await legProgress(engine, leg, 'ringing');
      let outcome: string = typeof leg.outcome === 'string' ? leg.outcome : 'answer';
      if (leg.route) {
        const inbound = startInboundLeg(engine, leg.row, leg.route.number, leg.route.url);
        const result = await clock.suspend(Promise.race([inbound.answered, whenStopped.then(() => 'stopped' as const)]));
        if (result === 'stopped' || signal.aborted) {
          if (!isFinal(inbound.leg.status)) hangUp(engine, inbound.leg);
          final = stopped();
        } else outcome = result;
      } else if (outcome === 'no-answer') {
        if (!signal.aborted) await clock.suspend(whenStopped);
        final = stopped();
      } else if (!(await clock.sleep(ANSWER_AFTER_MS, signal)) || signal.aborted) final = stopped();
      if (final === undefined && outcome !== 'answer') final = outcome;
      if (final === undefined) {
        answered = leg;
        stop.abort('answered');
        setStatus(engine, leg.row, 'in-progress');
        await legProgress(engine, leg, 'answered');
        return;
      }
    }
    last = leg;
    lastStatus = final;
    await endLeg(engine, leg, final);
  };

  const ringing = legs.map(
    (leg) =>
      new Promise<void>((resolve) =>
        clock.spawn(async () => {
          try {
            await ring(leg);
          } finally {
            resolve();
          }
        }),
      ),
  );
  // The Dial's timeout runs beside the legs; it ends as soon as ringing stops for another reason.
  clock.spawn(async () => {
    if (await clock.sleep(Math.max(0, timeoutSeconds) * 1000, stop.signal)) stop.abort('timeout');
  });
  try {
    await clock.suspend(Promise.all(ringing));
  } finally {
    ctx.signal.removeEventListener('abort', onCallerGone);
    if (!stop.signal.aborted) stop.abort('done');
  }
  if (answered) return { legs, answered };
  // Several legs and no answer: the Dial reports the outcome of the leg that ended last (x-inferred: rcml.yaml does
  // not say which leg the server reports when every leg of a fork fails).
  const status = stop.signal.reason === 'caller' ? 'canceled' : (lastStatus ?? 'failed');
  return { legs, status, ...(last ? { last } : {}) };
}
