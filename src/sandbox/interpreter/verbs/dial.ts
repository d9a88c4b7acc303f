/**
 * `<Dial>` (rcml.yaml verbs.Dial): rings its Number, Client, Sip and Uri nouns at once (or its text, read as one of
 * them), runs the answered leg's call-screening `url`, keeps the two parties connected for the time the scenario
 * gives, and reports the outcome to `action` (webhooks.yaml `dial_action`); without `action` the next verb runs. A
 * `<Conference>` child instead joins the call to that room (conference.ts).
 */
import { DIAL_STATUS_EVENTS } from '../../../rcml/schema.js';
import type { XmlElement } from '../../../rcml/xml.js';
import { isFinal, setStatus } from '../../call-lifecycle.js';
import { localName, type VerbContext, type VerbHandler, type VerbOutcome, type VerbResult } from '../verb.js';
import { flagAttr, intAttr, methodAttr, sendCallback, urlAttr } from './attributes.js';
import { joinConference } from './conference.js';
import { endLeg, ringLegs, type DialLeg, type DialTarget, type ProgressEvent } from './dial-legs.js';
import { RECORDINGS_PATH, storeRecording } from './record.js';
import { screenLeg } from './screening.js';
import { stayOnLine } from './stay.js';

/**
 * The most nouns one Dial rings. The server sets no limit (rcml.yaml verbs.Dial children.rules; the documentation
 * mentions ten); the sandbox's bound keeps one document from creating calls without end.
 */
export const MAX_DIAL_TARGETS = 100;

/** The Dial's own attributes, as the server reads them. */
export interface DialSettings {
  action?: string;
  method: 'GET' | 'POST';
  timeoutSeconds: number;
  timeLimitSeconds: number;
  callerId?: string;
  record: boolean;
}

function dialSettings(el: XmlElement, ctx: VerbContext): DialSettings {
  const action = urlAttr(el, ctx, 'action');
  const callerId = ctx.attr(el, 'callerId');
  return {
    ...(action ? { action } : {}),
    method: methodAttr(el, ctx, 'method', 13210),
    timeoutSeconds: intAttr(el, ctx, 'timeout', 30, 13212),
    timeLimitSeconds: intAttr(el, ctx, 'timeLimit', 14400, 13216),
    ...(callerId ? { callerId } : {}),
    record: flagAttr(el, ctx, 'record', false),
  };
}

/**
 * `statusCallbackEvent` as the server reads it: every white-space character removed, then split on commas; unknown
 * names are dropped (so a space-separated list reports nothing). Absent: all four events (rcml.yaml nouns.Number).
 */
function progressEvents(raw: string | undefined): ProgressEvent[] {
  if (raw === undefined) return [...DIAL_STATUS_EVENTS];
  const names = raw.replace(/\s+/g, '').split(',');
  return DIAL_STATUS_EVENTS.filter((e) => names.includes(e));
}

/** The address without the custom SIP headers a `?` may append (`+15550100?X-Foo=1`). */
const withoutHeaders = (address: string) => address.replace(/\?.*$/, '');

/** A target read from a noun; `undefined` (recorded as skipped) when the noun names nobody. */
function targetOf(el: XmlElement, ctx: VerbContext): DialTarget | undefined {
  const noun = localName(el.name) as DialTarget['noun'];
  // With a <Video> child the server reads `name` instead of the text (rcml.yaml nouns.Client/Sip).
  const hasVideo = el.children.some((c) => c.type === 'element' && localName(c.name) === 'Video');
  if (hasVideo) ctx.record({ type: 'verb', verb: 'Video', outcome: 'skipped', reason: 'video needs the Dialogic XMS media server (rcml.yaml nouns.Video); the leg is dialled as audio' });
  const address = withoutHeaders((hasVideo ? ctx.attr(el, 'name') : ctx.text(el)) ?? '');
  if (!address) {
    ctx.record({ type: 'verb', verb: noun, outcome: 'skipped', reason: `<${noun}> names no ${noun === 'Number' ? 'number' : noun === 'Client' ? 'client' : 'SIP URI'}` });
    return undefined;
  }
  let key: string;
  let to: string;
  if (noun === 'Client') {
    const login = address.replace(/^client:/, '');
    key = `client:${login}`;
    to = key;
  } else if (noun === 'Number') {
    key = address;
    to = address;
  } else {
    key = /^sips?:/.test(address) ? address : `sip:${address}`;
    to = key;
  }
  const url = urlAttr(el, ctx, 'url');
  const statusCallback = ctx.attr(el, 'statusCallback');
  return {
    noun,
    key,
    to,
    ...(url ? { url } : {}),
    method: methodAttr(el, ctx, 'method'),
    ...(statusCallback ? { statusCallback } : {}),
    statusCallbackMethod: methodAttr(el, ctx, 'statusCallbackMethod'),
    events: progressEvents(ctx.attr(el, 'statusCallbackEvent')),
  };
}

/** Dial text is shorthand for one noun: with `@` a Sip, starting with `client` a Client, else a Number (rcml.yaml verbs.Dial.text). */
function shorthandNoun(text: string): DialTarget['noun'] {
  return text.includes('@') ? 'Sip' : text.startsWith('client') ? 'Client' : 'Number';
}

/** The seconds the answered party stays on the line: the scenario's, or until the caller's side ends; never past `timeLimit`. */
function talkMs(leg: DialLeg, settings: DialSettings): number {
  const seconds = typeof leg.outcome === 'object' ? leg.outcome.seconds : undefined;
  const limit = Math.max(0, settings.timeLimitSeconds) * 1000;
  return seconds === undefined ? limit : Math.min(Math.max(0, seconds) * 1000, limit);
}

/**
 * Keeps the caller connected to `leg` until the party hangs up (its scenario seconds, or a REST hang-up of the leg),
 * `timeLimit` is reached or the caller hangs up. Resolves who ended it.
 */
async function bridge(ctx: VerbContext, leg: DialLeg, settings: DialSettings): Promise<'callee' | 'time-limit' | 'caller'> {
  const seconds = typeof leg.outcome === 'object' ? leg.outcome.seconds : undefined;
  const why = await stayOnLine(ctx, talkMs(leg, settings), leg.live.hangup.signal);
  if (why === 'caller') return 'caller';
  if (why === 'stopped') return 'callee';
  return seconds !== undefined && seconds <= settings.timeLimitSeconds ? 'callee' : 'time-limit';
}

async function dialTargets(ctx: VerbContext, settings: DialSettings, targets: DialTarget[], finish: (result: VerbResult) => void): Promise<VerbOutcome> {
  const parent = ctx.engine.store.get('calls', ctx.sid)!;
  const from = settings.callerId ?? (parent.from as string);
  const ring = await ringLegs(ctx, targets, from, settings.timeoutSeconds);
  let dialStatus: string;
  let dialLeg: DialLeg | undefined;
  let ended: 'callee' | 'time-limit' | 'caller' | undefined;
  let screenedOut: string | undefined;
  if (ring.answered) {
    dialLeg = ring.answered;
    parent.$outboundCallSid = dialLeg.row.sid;
    const screened = dialLeg.target.url ? await screenLeg(ctx, dialLeg) : ({ result: 'bridge' } as const);
    if (screened.result === 'bridge') {
      ended = await bridge(ctx, dialLeg, settings);
      await endLeg(ctx.engine, dialLeg, 'completed');
    } else {
      // The screening document did not end normally: the server hangs the caller up (rcml.yaml contexts.call_screening).
      ended = 'caller';
      screenedOut = screened.why;
      await endLeg(ctx.engine, dialLeg, screened.legStatus);
    }
    dialStatus = 'completed';
  } else {
    dialStatus = ring.status ?? 'failed';
    dialLeg = ring.last;
  }
  const duration = ring.answered ? ((ring.answered.row.duration as number | undefined) ?? 0) : 0;
  // record="true" records the connected call, both parties mixed (rcml.yaml verbs.Dial record).
  const recording = settings.record && ring.answered && duration > 0 ? storeRecording(ctx, parent, duration) : undefined;
  finish({
    outcome: dialStatus,
    targets: targets.map((t) => t.key),
    ...(dialLeg ? { dialCallSid: dialLeg.row.sid } : {}),
    duration,
    ...(ended ? { ended } : {}),
    ...(screenedOut ? { screening: screenedOut } : {}),
    ...(recording ? { recordingSid: recording.sid } : {}),
  });
  if (screenedOut) return { hangup: true };
  const extra: [string, string][] = [
    ['DialCallSid', dialLeg ? dialLeg.row.sid : 'null'],
    ['DialCallStatus', dialStatus],
    ['DialCallDuration', String(duration)],
    ...(dialLeg ? ([['DialRingDuration', String(dialLeg.row.ring_duration ?? 0)]] as [string, string][]) : []),
    ...(recording
      ? ([
          ['RecordingUrl', `${RECORDINGS_PATH}${recording.sid}.wav`],
          ['PublicRecordingUrl', recording.file_uri as string],
        ] as [string, string][])
      : []),
  ];
  const callerGone = ended === 'caller' || ctx.session.ended;
  if (callerGone) {
    // The caller hung up during the Dial: the call is over, but the server still reports the Dial to its action
    // (DialCallStatus `completed` when the caller hung up first, webhooks.yaml dial_action); the answer is not run.
    if (!isFinal(parent.status)) setStatus(ctx.engine, parent, 'completed');
    if (settings.action) await sendCallback(ctx, { kind: 'dialAction', url: settings.action, method: settings.method, extra });
    return { hangup: true };
  }
  if (!settings.action) return { next: true };
  return { fetch: { url: settings.action, method: settings.method, kind: 'dialAction', extra } };
}

export const dial: VerbHandler = async (outer, dialCtx) => {
  const el = outer;
  const settings = dialSettings(el, dialCtx);
  // Recorded as it begins, so that its nouns (which carry `parent: 'Dial'`), its legs and its screening documents
  // follow it in the transcript; the outcome is added when it ends (as for Gather).
  const finish = dialCtx.begin({
    type: 'verb',
    verb: 'Dial',
    outcome: 'running',
    timeout: settings.timeoutSeconds,
    timeLimit: settings.timeLimitSeconds,
    ...(settings.callerId ? { callerId: settings.callerId } : {}),
  });
  const ctx: VerbContext = { ...dialCtx, record: (event) => dialCtx.record(event.type === 'verb' ? { ...event, parent: 'Dial' } : event) };
  const text = ctx.text(el);
  const nouns = el.children.filter((c): c is XmlElement => c.type === 'element');
  let targets: DialTarget[];
  const ignore = (kept: XmlElement | undefined, reason: string) => {
    for (const noun of nouns) if (noun !== kept) ctx.record({ type: 'verb', verb: localName(noun.name), outcome: 'skipped', reason });
  };
  if (text) {
    // Text replaces any nouns (rcml.yaml verbs.Dial.text.note).
    ignore(undefined, 'the text of <Dial> replaces its nouns');
    const noun = shorthandNoun(text);
    const target = targetOf({ ...el, name: noun, attributes: [], children: [{ type: 'text', value: text, line: el.line, column: el.column }] }, ctx);
    targets = target ? [target] : [];
  } else {
    // The first <Conference> wins over every other noun (rcml.yaml verbs.Dial children.rules).
    const room = nouns.find((n) => localName(n.name) === 'Conference');
    if (room) {
      ignore(room, 'the first <Conference> of a <Dial> takes precedence over every other noun');
      return joinConference(room, ctx, settings, finish);
    }
    targets = [];
    for (const noun of nouns) {
      const name = localName(noun.name);
      if (targets.length >= MAX_DIAL_TARGETS) ctx.record({ type: 'verb', verb: name, outcome: 'skipped', reason: `more than ${MAX_DIAL_TARGETS} nouns in one <Dial> (the sandbox's bound)` });
      else if (name === 'Number' || name === 'Client' || name === 'Sip' || name === 'Uri') {
        const target = targetOf(noun, ctx);
        if (target) targets.push(target);
      } else ctx.record({ type: 'verb', verb: name, outcome: 'skipped', reason: `<${name}> is not a noun of <Dial>` });
    }
  }
  if (targets.length === 0) {
    finish({ outcome: 'skipped', reason: 'nothing to dial' });
    return { next: true };
  }
  return dialTargets(ctx, settings, targets, finish);
};
