/**
 * A call's transcript: what happened on it, in order, with virtual times. It is a view over the engine's event log
 * (filtered to the call and the legs it dialled), not a second log; the events are the ones the life cycle, the
 * webhook sender and the verbs record.
 */
import type { RcmlProblem } from '../../rcml/rules.js';
import type { RcmlContext } from '../../rcml/schema.js';
import type { WebhookKind } from '../../webhooks/index.js';
import type { SandboxEvent } from '../engine.js';
import type { CallInput, InputSource } from './scenario.js';

/** Fields every transcript event has. */
export interface TranscriptEventBase {
  /** Virtual ms since the epoch. */
  readonly at: number;
  /** Virtual ms since the call (or message) the transcript belongs to began. */
  readonly offsetMs: number;
  /** The call (or message) the event belongs to: the handle's own, or one of its dialled legs. */
  readonly callSid: string;
}

/** A webhook request the sandbox sent (already checked against the spec's `webhooks` section). */
export interface RequestEvent extends TranscriptEventBase {
  /** A request sent. */
  readonly type: 'request';
  /** The webhook of the spec the request was checked against (`voiceRequest`, `voiceRedirect`, `smsRequest`, …). */
  readonly kind: WebhookKind;
  /** The HTTP method used. */
  readonly method: 'GET' | 'POST';
  /** The URL requested (for GET, without the parameters the server puts in the query string). */
  readonly url: string;
  /** Parameters by name (a repeated name keeps its last value). */
  readonly params: Readonly<Record<string, string>>;
}

/** The application's answer to a request. */
export interface ReplyEvent extends TranscriptEventBase {
  /** The answer to the request before it. */
  readonly type: 'reply';
  /** The webhook the answer is to. */
  readonly kind: WebhookKind;
  /** The URL that answered. */
  readonly url: string;
  /** HTTP status; absent when no answer came (network failure, timeout). */
  readonly status?: number;
  /** The answer's `Content-Type` header as sent (empty when it sent none). */
  readonly contentType?: string;
  /** What went wrong with the exchange, when something did. */
  readonly error?: string;
  /** RCML problems found in an RCML answer, checked in the context it runs in (empty when valid). */
  readonly problems?: readonly RcmlProblem[];
}

/** A verb the interpreter reached. */
export interface VerbEvent extends TranscriptEventBase {
  /** A verb reached. */
  readonly type: 'verb';
  /** The element's local name: `Say`, `Gather`, … */
  readonly verb: string;
  /** The interpreter context it ran in. */
  readonly context: RcmlContext;
  /** `done` when executed; `skipped` when not (with `reason`); verbs may give other outcomes (`timeout`, `busy`, …). */
  readonly outcome: string;
  /** Why the verb was skipped (or ended as it did). */
  readonly reason?: string;
  /**
   * The verb this one ran inside (`Gather` for its Say, Play and Pause prompts); absent for a verb of the document
   * itself. A Gather's event comes before its prompts: it is recorded as the Gather begins (`outcome: 'running'`
   * until it ends) and gets its results, with `endedAt`, when it ends.
   */
  readonly parent?: string;
  /** Virtual ms since the epoch when a verb recorded as it began (Gather) ended; absent while it runs. */
  readonly endedAt?: number;
  /** What the verb did: `text`, `url`, `loop`, `digits`, `speech`, `length`, … */
  readonly [detail: string]: unknown;
}

/** Input consumed by a verb (or a hang-up by the caller). */
export interface CallInputEvent extends TranscriptEventBase {
  /** Input consumed. */
  readonly type: 'input';
  /** The item as the scenario or `send()` gave it. */
  readonly input: CallInput;
  /** Whether it came from the scenario or from `send()`. */
  readonly source: InputSource;
  /** The verb that consumed it. */
  readonly verb?: string;
}

/** A resource the call created. */
export interface ResourceEvent extends TranscriptEventBase {
  /** A resource created. */
  readonly type: 'resource';
  /** What was created: the REST resource's name (`Email` for a sent email, which has none). */
  readonly resource: 'Recording' | 'Transcription' | 'Call' | 'SmsMessage' | 'Conference' | 'Participant' | 'Email';
  /** The new resource's SID. */
  readonly sid: string;
  /** More about it (`url`, `duration`, `to`, …). */
  readonly [detail: string]: unknown;
}

/** A Notification the sandbox wrote, as the server would. */
export interface NotificationEvent extends TranscriptEventBase {
  /** A Notification written. */
  readonly type: 'notification';
  /** The Notification's SID. */
  readonly sid: string;
  /** The server's error code (rcml.yaml `server_notification_codes_seen`, webhooks.yaml `failure_handling`). */
  readonly code: number;
  /** `error` (the Notification's `log` 0) or `warning` (`log` 1). */
  readonly level: 'error' | 'warning';
  /** The Notification's `message_text`. */
  readonly text: string;
}

/** The call (or message) reached a status. */
export interface StatusEvent extends TranscriptEventBase {
  /** A status reached. */
  readonly type: 'status';
  /** The new status (`ringing`, `in-progress`, `completed`, `busy`, … for calls; `received` for an inbound message). */
  readonly status: string;
}

/** One event of a transcript; `type` tells which. */
export type TranscriptEvent = RequestEvent | ReplyEvent | VerbEvent | CallInputEvent | ResourceEvent | NotificationEvent | StatusEvent;

/** A verb event as a verb records it: without the fields the sandbox fills in. */
export type VerbEventInput = { readonly type: 'verb'; readonly verb: string; readonly outcome: string; readonly reason?: string; readonly context?: RcmlContext; readonly [detail: string]: unknown };

/** The results a verb recorded as it began adds to its event when it ends. */
export type VerbResult = { readonly outcome: string; readonly reason?: string; readonly [detail: string]: unknown };

/** What a verb records: an event without the fields the sandbox fills in. */
export type TranscriptEventInput =
  | VerbEventInput
  | { readonly type: 'input'; readonly input: CallInput; readonly source: InputSource; readonly verb?: string }
  | { readonly type: 'resource'; readonly resource: ResourceEvent['resource']; readonly sid: string; readonly [detail: string]: unknown };

/** The ordered events of one call and its legs, or of one message. */
export interface Transcript {
  /** The call's (or message's) SID. */
  readonly sid: string;
  /** In the order they happened (events at the same virtual instant keep their order). */
  readonly events: readonly TranscriptEvent[];
}

const TRANSCRIPT_TYPES = new Set(['request', 'reply', 'verb', 'input', 'resource', 'notification', 'status']);

/** The call or message an engine event belongs to. */
export function ownerOf(event: SandboxEvent): string | undefined {
  return (event.callSid as string | undefined) ?? event.sid;
}

/**
 * The transcript of `sid` from the event log: its own events and those of every leg whose `parent` chain leads to it
 * (`parentOf` answers a leg's parent). `startedAt` is the virtual time offsets count from.
 */
export function transcriptOf(events: readonly SandboxEvent[], sid: string, startedAt: number, parentOf: (sid: string) => string | undefined): Transcript {
  const belongs = new Map<string, boolean>();
  const isOurs = (owner: string): boolean => {
    const known = belongs.get(owner);
    if (known !== undefined) return known;
    let current: string | undefined = owner;
    let ours = false;
    for (let depth = 0; current && depth < 8; depth++, current = parentOf(current)) {
      if (current === sid) {
        ours = true;
        break;
      }
    }
    belongs.set(owner, ours);
    return ours;
  };
  const out: TranscriptEvent[] = [];
  for (const event of events) {
    if (!TRANSCRIPT_TYPES.has(event.type)) continue;
    const owner = ownerOf(event);
    if (!owner || !isOurs(owner)) continue;
    const { at, type, callSid: _c, sid: own, ...detail } = event;
    // `sid` names the event's own resource (a Notification, a Recording); for the call itself `callSid` says it.
    out.push({ type, at, offsetMs: at - startedAt, callSid: owner, ...(own !== undefined && own !== owner ? { sid: own } : {}), ...detail } as unknown as TranscriptEvent);
  }
  return { sid, events: out };
}
