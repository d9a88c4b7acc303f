/**
 * A call on the virtual clock: queued → ringing → in-progress → completed (or busy, no-answer, failed, not-found).
 * A call placed through the REST API requests its `Url` when answered; an inbound call requests its number's
 * `VoiceUrl` while it rings and is answered by the first verb that needs it. The RCML runs through the engine's
 * `RcmlRunner` (the interpreter by default); call-progress events go to `StatusCallback`. Failures follow the server
 * (reference webhooks.yaml `failure_handling`, the interpreter's `onDownloaderResponse`): a fallback URL is tried
 * first; a 404 writes Notification 21402 and ends the call `not-found`; anything else fails the call.
 */
import type { RcmlContext } from '../rcml/schema.js';
import type { XmlElement } from '../rcml/xml.js';
import { INSTANCE_ID, type CallOutcome, type Engine, type LiveCall } from './engine.js';
import { API_VERSION, isoTime, newCallSid, progressTimestamp } from './ids.js';
import { readReply, type ReplyFailure, type ReplyReading } from './interpreter/reply.js';
import { checkScenario, InputQueue, type InboundCallScenario, type OutboundCallScenario } from './interpreter/scenario.js';
import type { RcmlSession } from './rcml-runner.js';
import type { Row } from './store.js';
import { sendWebhook, type WebhookOutcome, type WebhookRequest } from './webhook-sender.js';
import type { WebhookKind } from '../webhooks/index.js';

/** Virtual delays of the life cycle, in ms. */
export const RING_AFTER_MS = 1000;
export const ANSWER_AFTER_MS = 2000;
const FINAL = new Set(['completed', 'canceled', 'busy', 'not-found', 'failed', 'no-answer']);

/** The per-call settings the REST request gave, kept with the call row. */
export interface CallSettings {
  url: string;
  method: 'GET' | 'POST';
  fallbackUrl?: string;
  fallbackMethod: 'GET' | 'POST';
  statusCallback?: string;
  statusCallbackMethod: 'GET' | 'POST';
  timeoutSeconds: number;
}

export function isFinal(status: unknown): boolean {
  return FINAL.has(status as string);
}

const userPart = (address: string) => address.replace(/^(sips?|tel|client):/, '').replace(/@.*$/, '');

/** Starts the life cycle of a stored outbound call; it moves only when the clock does. */
export function startOutboundCall(engine: Engine, call: Row): void {
  const live: LiveCall = { hangup: new AbortController() };
  engine.liveCalls.set(call.sid, live);
  const scenario = engine.outboundScenarios.get(call.to as string);
  if (scenario) {
    const answer = scenario.answer;
    engine.runtimes.set(call.sid, { scenario, input: new InputQueue(engine.clock, scenario.input ?? (typeof answer === 'object' ? answer.input : undefined) ?? []) });
  }
  engine.clock.spawn(async () => {
    try {
      await runCall(engine, call, live);
    } finally {
      ended(engine, call.sid, live);
    }
  });
}

/** A call's life cycle is over: its timers stop, and its input and scenario are dropped. */
function ended(engine: Engine, sid: string, live: LiveCall): void {
  live.hangup.abort();
  engine.liveCalls.delete(sid);
  engine.runtimes.delete(sid);
}

/** Hangs up a live call from the REST API (`Status=completed|canceled`); the life cycle sends its final event. */
export function hangUp(engine: Engine, call: Row): void {
  const answered = call.status === 'in-progress';
  setStatus(engine, call, answered ? 'completed' : 'canceled');
  engine.liveCalls.get(call.sid)?.hangup.abort();
}

/**
 * Calls that were live when the state was saved have no life cycle after a reload: they end as a hang-up would end
 * them (`completed` if answered, else `canceled`), without webhooks.
 */
export function endInterruptedCalls(engine: Engine): void {
  for (const call of engine.store.tables.calls.values()) if (!isFinal(call.status)) setStatus(engine, call, call.status === 'in-progress' ? 'completed' : 'canceled');
}

/**
 * Sends a live call to new RCML (`calls.update` with `Url`): the document being run stops, and the new URL gets the
 * voice request. A call not answered yet will request the new URL when it is.
 */
export function redirect(engine: Engine, call: Row, url: string, method: 'GET' | 'POST'): void {
  const live = engine.liveCalls.get(call.sid);
  if (call.status === 'in-progress' && live) {
    live.redirect = { url, method };
    live.document?.abort();
  } else {
    settings(call).url = url;
    settings(call).method = method;
  }
  engine.record('redirect', { sid: call.sid, url });
}

function settings(call: Row): CallSettings {
  return call.$settings as CallSettings;
}

/** Moves a call to `status`, stamping the times the API shows; a final status closes the call's input. */
export function setStatus(engine: Engine, call: Row, status: string): void {
  if (call.status === status) return;
  call.status = status;
  const now = engine.now();
  if (status === 'in-progress') {
    call.start_time = isoTime(now);
    call.$answeredAt = now;
    call.ring_duration = Math.round((now - (call.$createdAt as number)) / 1000);
  }
  if (isFinal(status)) {
    call.end_time = isoTime(now);
    call.duration = call.$answeredAt === undefined ? 0 : Math.round((now - (call.$answeredAt as number)) / 1000);
    if (call.ring_duration === undefined) call.ring_duration = Math.round((now - (call.$createdAt as number)) / 1000);
  }
  engine.touch(call);
  engine.record('status', { sid: call.sid, status });
  if (isFinal(status)) engine.runtimes.get(call.sid)?.input.close();
}

const SEQUENCE = { initiated: 0, ringing: 1, answered: 2, completed: 3 } as const;

/**
 * A call-progress event of a call placed through the API; the server always sends all four, whatever
 * `StatusCallbackEvent` says. An inbound leg reports to its number's `StatusCallback` instead (`numberStatusCallback`:
 * the voice request's parameters with the call's status), once per status.
 */
async function progress(engine: Engine, call: Row, event: keyof typeof SEQUENCE): Promise<void> {
  const s = settings(call);
  if (!s.statusCallback) return;
  if (call.direction === 'inbound') {
    const status = call.status as string;
    const sent = (call.$reported as string[] | undefined) ?? [];
    if (sent.includes(status)) return;
    call.$reported = [...sent, status];
    await deliver(engine, call, { kind: 'numberStatusCallback', url: s.statusCallback, method: s.statusCallbackMethod, params: voiceParams(call) });
    return;
  }
  await deliver(engine, call, { kind: 'callStatusCallback', url: s.statusCallback, method: s.statusCallbackMethod, params: progressParams(engine, call, event) });
}

/** The parameters of a call-progress event (reference webhooks.yaml `call_progress_event`); a dialled leg adds its parent. */
export function progressParams(engine: Engine, call: Row, event: keyof typeof SEQUENCE): [string, string][] {
  const params: [string, string][] = [
    ['InstanceId', call.InstanceId as string],
    ['AccountSid', call.account_sid as string],
    ['CallSid', call.sid],
    ['From', userPart(call.from as string)],
    ['To', userPart(call.to as string)],
    ['Direction', call.direction as string],
    ['CallerName', userPart(call.from as string)],
    ['ForwardedFrom', ''],
    ...(call.parent_call_sid ? ([['ParentCallSid', call.parent_call_sid as string]] as [string, string][]) : []),
    ['CallStatus', event],
    ['Timestamp', progressTimestamp(engine.now())],
    ['CallbackSource', 'call-progress-events'],
    ['SequenceNumber', String(SEQUENCE[event])],
  ];
  if (event === 'completed') params.push(['CallDuration', String(call.duration ?? 0)]);
  return params;
}

/**
 * Sends a webhook and logs it as a `request` event and, once answered, a `reply` event (with whatever `describe`
 * adds: the RCML problems of an RCML answer); the answer is returned for the caller to judge.
 */
export async function deliver(engine: Engine, owner: { sid: string }, request: WebhookRequest, describe?: (outcome: WebhookOutcome) => Record<string, unknown>): Promise<WebhookOutcome> {
  engine.record('request', { sid: owner.sid, kind: request.kind, method: request.method, url: request.url, params: Object.fromEntries(request.params) });
  const outcome = await sendWebhook(request, engine.options.webhookTimeoutMs);
  engine.record('reply', {
    sid: owner.sid,
    kind: request.kind,
    url: request.url,
    ...(outcome.status === undefined ? {} : { status: outcome.status }),
    ...(outcome.contentType === undefined ? {} : { contentType: outcome.contentType }),
    ...(outcome.ok ? {} : { error: outcome.error }),
    ...describe?.(outcome),
  });
  return outcome;
}

/** The parameters of a voice request for this call (reference webhooks.yaml `voice_request`). */
export function voiceParams(call: Row): [string, string][] {
  return [
    ['CallSid', call.sid],
    ['InstanceId', call.InstanceId as string],
    // Once a Dial of the call has connected a leg (webhooks.yaml voice_request OutboundCallSid).
    ...(call.$outboundCallSid ? ([['OutboundCallSid', call.$outboundCallSid as string]] as [string, string][]) : []),
    ['AccountSid', call.account_sid as string],
    ['From', userPart(call.from as string)],
    ['To', userPart(call.to as string)],
    ['CallStatus', call.status as string],
    ['ApiVersion', API_VERSION],
    ['Direction', call.direction as string],
    ['CallerName', (call.caller_name as string | undefined) ?? 'null'],
    ['ForwardedFrom', (call.forwarded_from as string | undefined) ?? 'null'],
    ['CallTimestamp', isoTime(call.$createdAt as number)],
  ];
}

type Fetched = { ok: true; root: XmlElement; url: string } | { ok: false; final: 'not-found' | 'failed' };

/** One RCML request: where, how, which webhook kind, the parameters added to the call's own, and the context it runs in. */
export interface RcmlRequest {
  url: string;
  method: 'GET' | 'POST';
  kind: WebhookKind;
  extra?: [string, string][];
  /** The interpreter context the answer runs in (default `voice`); the answer is checked for it. */
  context?: RcmlContext;
}

/** The call's first RCML: its `Url`, then its `FallbackUrl` when that fails. */
function fetchRcml(engine: Engine, call: Row): Promise<Fetched> {
  const s = settings(call);
  return fetchDocument(engine, call, { url: s.url, method: s.method, kind: 'voiceRequest' }, s.fallbackUrl ? { url: s.fallbackUrl, method: s.fallbackMethod, kind: 'voiceFallback' } : undefined);
}

/**
 * Fetches an RCML document for a call (or, with the SMS request's parameters as `base`, an inbound message) and reads it as the server does (`readReply`: status, content type, RCML valid
 * for its context). A failed request goes to `fallback` when there is one (only the first document of a call has
 * one); a failure then writes the Notification the server writes (21402 and `not-found` for a 404, 11205/11206 and
 * `failed` otherwise).
 */
export async function fetchDocument(engine: Engine, call: Row, request: RcmlRequest, fallback?: RcmlRequest, base: [string, string][] = voiceParams(call)): Promise<Fetched> {
  let used = request;
  let reading = await requestDocument(engine, call, request, base);
  if (!reading.ok && fallback) {
    // The server notes an I/O failure on its way to the fallback URL.
    if (reading.code === 11205) writeFailure(engine, call, request, reading, base);
    used = fallback;
    reading = await requestDocument(engine, call, fallback, base);
  }
  if (reading.ok) return { ok: true, root: reading.root, url: used.url };
  writeFailure(engine, call, used, reading, base);
  return { ok: false, final: reading.final };
}

type Reading = ReplyReading & { answer: WebhookOutcome };

async function requestDocument(engine: Engine, call: Row, request: RcmlRequest, base: [string, string][]): Promise<Reading> {
  const context = request.context ?? 'voice';
  let reading: ReplyReading | undefined;
  const answer = await deliver(engine, call, { kind: request.kind, url: request.url, method: request.method, params: [...base, ...(request.extra ?? [])] }, (outcome) => {
    reading = readReply(outcome, context, request.url);
    return { problems: reading.problems, ...(reading.ok ? {} : { error: reading.text }) };
  });
  return { ...reading!, answer };
}

/**
 * The Notification for a failed RCML request, with what the server stores along with it: the request's variables,
 * and the answer's headers and body (cut to 4 kB).
 */
function writeFailure(engine: Engine, call: Row, request: RcmlRequest, failure: ReplyFailure & { answer: WebhookOutcome }, base: [string, string][]): void {
  const answer = failure.answer;
  engine.notify({
    accountSid: call.account_sid as string,
    callSid: call.sid,
    code: failure.code,
    level: failure.level,
    text: failure.text,
    requestUrl: request.url,
    requestMethod: request.method,
    ...(failure.code === 21402 ? {} : { requestVariables: new URLSearchParams(base).toString() }),
    ...(answer?.contentType ? { responseHeaders: `Content-Type: ${answer.contentType}` } : {}),
    ...(answer?.body ? { responseBody: answer.body.slice(0, 4096) } : {}),
  });
}

/** Resolves when `signal` aborts (a REST hang-up). */
function aborted(signal: AbortSignal): Promise<'aborted'> {
  return new Promise((resolve) => (signal.aborted ? resolve('aborted') : signal.addEventListener('abort', () => resolve('aborted'), { once: true })));
}

/** How a session is set up: the document's URL, its context, what aborts it, and how the call is answered. */
export interface CallSessionOptions {
  /** The URL of the document (relative URLs in it resolve against it). */
  url: string;
  /** The method the document was requested with (the Notifications' `request_method`). */
  method: 'GET' | 'POST';
  context?: RcmlContext;
  /** Aborted when the call is hung up or the document must stop. */
  signal: AbortSignal;
  /** Hangs the call up (aborting `signal`); default: `hangUp` on the call's live entry. */
  hangup?: () => void;
  /** Answers the call when it still rings (an inbound leg); absent for calls answered before their RCML. */
  answer?: () => Promise<void>;
  /** The call's own parameters on a request of `kind` the document makes; `undefined` (the default): its voice parameters. */
  params?: (call: Row, kind: WebhookKind) => [string, string][] | undefined;
}

/**
 * The `RcmlSession` of a call: what a runner sees of it. Exported for runs on other legs (a Dial's screening
 * document runs in the `call-screening` context on the dialled leg).
 */
export function callSession(engine: Engine, call: Row, options: CallSessionOptions): RcmlSession {
  const { signal } = options;
  const ended = () => signal.aborted || isFinal(call.status);
  let url = options.url;
  let method = options.method;
  const session: RcmlSession = {
    get call() {
      return engine.view(call);
    },
    get documentUrl() {
      return url;
    },
    ...(options.context ? { context: options.context } : {}),
    signal,
    sleep: (ms) => (ended() ? Promise.resolve(false) : engine.clock.sleep(ms, signal)),
    get ended() {
      return ended();
    },
    record: (event, detail = {}) => engine.record(event, { sid: call.sid, ...detail }),
    notify: (code, level, text) => void engine.notify({ accountSid: call.account_sid as string, callSid: call.sid, code, level, text, requestUrl: url, requestMethod: method }),
    answer: async () => {
      if (call.status === 'ringing' && options.answer) await options.answer();
    },
    end(status = 'completed') {
      if (isFinal(call.status)) return;
      // A call that was never answered cannot complete: it is canceled (x-inferred: rcml.yaml does not say).
      setStatus(engine, call, status === 'completed' && call.status !== 'in-progress' ? 'canceled' : status);
      (options.hangup ?? (() => engine.liveCalls.get(call.sid)?.hangup.abort()))();
    },
    async fetch(request) {
      // Relative URLs resolve against the document being run; a failed fetch ends the call as the server does.
      const target = new URL(request.url, url).href;
      const next = await fetchDocument(engine, call, { ...request, url: target, context: request.context ?? options.context ?? 'voice' }, undefined, options.params?.(call, request.kind));
      if (!next.ok) {
        session.end!(next.final);
        return undefined;
      }
      url = next.url;
      method = request.method;
      return { root: next.root, url: next.url };
    },
    interpret: (root) => engine.interpreter.run(root, session),
  };
  return session;
}

/**
 * Runs the call's RCML, and again after every live redirect, until the call ends. Sleeps stop early when the call is
 * hung up or redirected. `answer` answers a call that still rings (an inbound leg).
 */
async function runRcml(engine: Engine, call: Row, live: LiveCall, first: Fetched & { ok: true }, answer?: () => Promise<void>): Promise<void> {
  let fetched: Fetched = first;
  while (fetched.ok) {
    const document = new AbortController();
    live.document = document;
    const signal = AbortSignal.any([live.hangup.signal, document.signal]);
    const session = callSession(engine, call, { url: fetched.url, method: settings(call).method, signal, hangup: () => live.hangup.abort(), ...(answer ? { answer } : {}) });
    await engine.runner.run(fetched.root, session);
    const next = live.redirect;
    live.redirect = undefined;
    if (!next || live.hangup.signal.aborted || isFinal(call.status)) break;
    settings(call).url = next.url;
    settings(call).method = next.method;
    fetched = await fetchRcml(engine, call);
    if (!fetched.ok) setStatus(engine, call, fetched.final);
  }
  // The end of the document hangs up (rcml.yaml document.execution_rules); a call never answered is canceled (x-inferred).
  if (!isFinal(call.status)) setStatus(engine, call, call.status === 'in-progress' ? 'completed' : 'canceled');
}

/** The number of the sandbox a call reaches, when it has somewhere to send the voice request. */
export function reachedNumber(engine: Engine, to: string): { number: Row; url: string } | undefined {
  for (const number of engine.store.tables.incomingPhoneNumbers.values()) {
    if (number.phone_number !== to) continue;
    const appSid = number.voice_application_sid as string | null;
    const url = (number.voice_url as string | null) ?? (appSid ? (engine.store.get('applications', appSid)?.rcml_url as string | undefined) : undefined);
    return url ? { number, url } : undefined;
  }
  return undefined;
}

async function runCall(engine: Engine, call: Row, live: LiveCall): Promise<void> {
  const clock = engine.clock;
  const signal = live.hangup.signal;
  // Nothing happens before the clock runs.
  if (!(await clock.sleep(0, signal))) return finish(engine, call);
  await progress(engine, call, 'initiated');
  if (!(await clock.sleep(RING_AFTER_MS, signal))) return finish(engine, call);
  setStatus(engine, call, 'ringing');
  await progress(engine, call, 'ringing');

  const reached = reachedNumber(engine, call.to as string);
  let outcome: CallOutcome;
  let talkSeconds: number | undefined;
  if (reached) {
    // A number of the sandbox answers when its own application does (the inbound leg below).
    const { answered } = startInboundLeg(engine, call, reached.number, reached.url);
    const result = await clock.suspend(Promise.race([answered, aborted(signal)]));
    if (result === 'aborted') return finish(engine, call);
    outcome = result;
  } else {
    const scenario = engine.runtimes.get(call.sid)?.scenario as OutboundCallScenario | undefined;
    const planned = scenario?.answer;
    outcome = planned === undefined ? (engine.options.callOutcome?.(engine.view(call)) ?? 'answer') : typeof planned === 'string' ? planned : 'answer';
    if (typeof planned === 'object' && planned.seconds !== undefined) talkSeconds = planned.seconds;
    const wait = outcome === 'no-answer' ? settings(call).timeoutSeconds * 1000 : ANSWER_AFTER_MS;
    if (!(await clock.sleep(wait, signal))) return finish(engine, call);
  }
  if (outcome !== 'answer') {
    setStatus(engine, call, outcome);
    return finish(engine, call);
  }
  setStatus(engine, call, 'in-progress');
  if (talkSeconds !== undefined) {
    // The called party hangs up after the scenario's `seconds` (the timer stops when the call ends first).
    const seconds = talkSeconds;
    clock.spawn(async () => {
      if ((await clock.sleep(seconds * 1000, signal)) && !isFinal(call.status)) hangUp(engine, call);
    });
  }
  await progress(engine, call, 'answered');
  if (signal.aborted || isFinal(call.status)) return finish(engine, call);

  const fetched = await fetchRcml(engine, call);
  if (!fetched.ok) setStatus(engine, call, fetched.final);
  else await runRcml(engine, call, live, fetched);
  return finish(engine, call);
}

/** A call from outside to a number of the sandbox (`sandbox.inboundCall`); it rings when the clock runs. */
export function placeInboundCall(engine: Engine, scenario: InboundCallScenario): Row {
  if (scenario === null || typeof scenario !== 'object') throw new TypeError('inboundCall: expected { from, to, input?, dial? }');
  for (const name of ['from', 'to'] as const) {
    const value: unknown = scenario[name];
    if (typeof value !== 'string' || value === '' || value.length > 256) throw new TypeError(`inboundCall: ${name} must be a non-empty string of at most 256 characters`);
  }
  for (const key of Object.keys(scenario)) if (!['from', 'to', 'input', 'dial'].includes(key)) throw new TypeError(`inboundCall: unknown field ${key}`);
  checkScenario(scenario, 'inboundCall');
  const reached = reachedNumber(engine, scenario.to);
  if (!reached) throw new Error(`inboundCall: no incoming phone number ${scenario.to} with a VoiceUrl or voice application in the sandbox`);
  const leg = startInboundLeg(engine, undefined, reached.number, reached.url, scenario.from).leg;
  engine.runtimes.set(leg.sid, { scenario: { ...(scenario.dial ? { dial: scenario.dial } : {}) }, input: new InputQueue(engine.clock, scenario.input ?? []) });
  return leg;
}

/**
 * Stores a new call of `accountSid` started by the sandbox itself (an inbound leg, a dialled leg): SID, stamps, API
 * version and URIs, then `fields`; logs its first status.
 */
export function putCall(engine: Engine, accountSid: string, fields: Record<string, unknown> & { status: string }): Row {
  const sid = newCallSid(INSTANCE_ID);
  const base = `/${API_VERSION}/Accounts/${accountSid}/Calls/${sid}`;
  const row = engine.put('calls', {
    sid,
    InstanceId: INSTANCE_ID,
    ...engine.stamps(),
    account_sid: accountSid,
    api_version: API_VERSION,
    uri: `${base}.json`,
    subresource_uris: { notifications: `${base}/Notifications.json`, recordings: `${base}/Recordings.json` },
    $createdAt: engine.now(),
    ...fields,
  });
  engine.record('status', { sid, status: fields.status });
  return row;
}

/**
 * The inbound side of a call to a number of the sandbox: a call of the number's account, direction `inbound`, whose
 * voice request goes to the number's `VoiceUrl` (or its voice application's RCML URL) while it rings, with status
 * callbacks to the number's `StatusCallback`. `answered` resolves how the calling side goes on: answered once the
 * application returned RCML, failed when it did not.
 */
export function startInboundLeg(engine: Engine, caller: Row | undefined, number: Row, url: string, from?: string): { leg: Row; answered: Promise<CallOutcome> } {
  const settingsOf: CallSettings = {
    url,
    method: ((number.voice_method as string | null) ?? 'POST') as 'GET' | 'POST',
    ...(number.voice_fallback_url ? { fallbackUrl: number.voice_fallback_url as string } : {}),
    fallbackMethod: ((number.voice_fallback_method as string | null) ?? 'POST') as 'GET' | 'POST',
    ...(number.status_callback ? { statusCallback: number.status_callback as string } : {}),
    statusCallbackMethod: ((number.status_callback_method as string | null) ?? 'POST') as 'GET' | 'POST',
    timeoutSeconds: 30,
  };
  const leg = putCall(engine, number.account_sid as string, {
    to: number.phone_number as string,
    from: from ?? (caller?.from as string),
    phone_number_sid: number.sid,
    status: 'ringing',
    direction: 'inbound',
    $settings: settingsOf,
    ...(caller ? { $peer: caller.sid } : {}),
  });
  const sid = leg.sid;
  if (caller) caller.$peer = sid;
  const live: LiveCall = { hangup: new AbortController() };
  engine.liveCalls.set(sid, live);
  let answer!: (outcome: CallOutcome) => void;
  const answered = new Promise<CallOutcome>((resolve) => (answer = resolve));
  engine.clock.spawn(async () => {
    try {
      // A call from outside waits for the clock like any other; the callee side of a call already under way goes at once.
      if (!caller && !(await engine.clock.sleep(0, live.hangup.signal))) return await finish(engine, leg);
      await progress(engine, leg, 'ringing');
      // The voice request goes out while the call rings (CallStatus=ringing); the first verb that needs it answers.
      const fetched = await fetchRcml(engine, leg);
      if (!fetched.ok) {
        setStatus(engine, leg, fetched.final);
        answer('failed');
        return await finish(engine, leg);
      }
      await runRcml(engine, leg, live, fetched, async () => {
        setStatus(engine, leg, 'in-progress');
        answer('answer');
        await progress(engine, leg, 'answered');
      });
      await finish(engine, leg);
    } finally {
      // No effect once answered; a leg that ended ringing passes on a busy Reject, else fails the calling side.
      answer(leg.status === 'busy' ? 'busy' : 'failed');
      ended(engine, sid, live);
    }
  });
  return { leg, answered };
}

/** The final event, once the call has reached a final status (a REST hang-up sets it already); the other side hangs up. */
async function finish(engine: Engine, call: Row): Promise<void> {
  if (!isFinal(call.status)) setStatus(engine, call, call.status === 'in-progress' ? 'completed' : 'canceled');
  const peer = call.$peer === undefined ? undefined : engine.store.get('calls', call.$peer as string);
  // An inbound leg that never answered passes its outcome on through `answered` (busy, failed) instead.
  const passesOutcome = call.direction === 'inbound' && call.$answeredAt === undefined;
  if (peer && !passesOutcome && !isFinal(peer.status) && engine.liveCalls.has(peer.sid)) hangUp(engine, peer);
  await progress(engine, call, 'completed');
}
