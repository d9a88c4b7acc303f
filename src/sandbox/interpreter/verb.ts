/**
 * The contract between the interpreter loop and the verbs: a verb handler gets its element and a `VerbContext`, does
 * what the server does for it (recording what it did in the transcript), and says how the document goes on.
 */
import type { RcmlContext } from '../../rcml/schema.js';
import type { XmlElement } from '../../rcml/xml.js';
import type { WebhookKind } from '../../webhooks/index.js';
import type { Engine } from '../engine.js';
import type { RcmlSession } from '../rcml-runner.js';
import type { WebhookOutcome, WebhookRequest } from '../webhook-sender.js';
import type { CallInput, CallInputKind, CallScenario, InputQueue, InputSource } from './scenario.js';
import type { TranscriptEventInput, VerbEventInput, VerbResult } from './transcript.js';

export type { RcmlContext } from '../../rcml/schema.js';
export type { CallInput, CallInputKind, CallScenario, DialOutcome, InboundCallScenario, InputSource, OutboundCallScenario } from './scenario.js';
export { InputQueue } from './scenario.js';
export type { Transcript, TranscriptEvent, TranscriptEventInput, VerbEventInput, VerbResult } from './transcript.js';

/** A request for a new RCML document (an `action` URL, a `Redirect`); relative URLs resolve against the current document. */
export interface FetchRequest {
  url: string;
  method: 'GET' | 'POST';
  /** The webhook in the spec the request is checked against (`gatherAction`, `redirectRequest`, …). */
  kind: WebhookKind;
  /** Parameters added to the call's own voice parameters (`Digits`, `RecordingUrl`, …). */
  extra?: [string, string][];
}

/** How the document goes on after a verb. */
export type VerbOutcome =
  /** Go on with the next verb. */
  | { next: true }
  /** The call ends (Hangup, Reject, …); `status` is the final status when it is not `completed` (Reject: `busy`). */
  | { hangup: true; status?: 'completed' | 'busy' | 'failed' | 'no-answer' | 'canceled' }
  /** Run the document this request returns instead of the rest of this one. */
  | { fetch: FetchRequest };

/** What a verb handler can use. */
export interface VerbContext {
  /** The interpreter context the document runs in. */
  readonly context: RcmlContext;
  /** The verb this one is nested in (`Gather` for its Say/Play/Pause), when it is run through `run`. */
  readonly parent?: string;
  /** The call (or message) being run: its view, virtual sleep, `ended`, Notifications, and RCML fetches. */
  readonly session: RcmlSession;
  /** The SID of the call (or, in the SMS context, of the inbound message). */
  readonly sid: string;
  /** The caller's input for this call. */
  readonly input: InputQueue;
  /** The call's scenario (dial outcomes, …). */
  readonly scenario: CallScenario;
  /** The sandbox behind the REST API: store, clock, inventory, webhook sending. */
  readonly engine: Engine;
  /** Aborted when the call is hung up or sent elsewhere; pass it to waits. */
  readonly signal: AbortSignal;
  /**
   * Adds a transcript event (to the engine's event log, with this call's SID and the current virtual time). A verb
   * run inside another (`parent`) gets `parent` on its verb events.
   */
  record(event: TranscriptEventInput): void;
  /**
   * Records a verb event now, as the verb begins, so that what it runs (a Gather's prompts) follows it in the
   * transcript; the function returned adds the verb's results (`outcome`, `digits`, …, and `endedAt`) to that same
   * event when the verb ends.
   */
  begin(event: VerbEventInput): (result: VerbResult) => void;
  /** An attribute's value by local name, trimmed as the server trims it; `undefined` when absent. */
  attr(el: XmlElement, name: string): string | undefined;
  /** The element's text as the server reads it (trimmed; of several text runs the last one). */
  text(el: XmlElement): string;
  /** An absolute URL for `url`, resolved against the document being run. */
  resolve(url: string): string;
  /** Writes a Notification for this call (code from rcml.yaml `server_notification_codes_seen`). */
  notify(code: number, level: 'error' | 'warning', text: string): void;
  /** Takes the next input a verb accepting `kinds` can use (see `InputQueue.next`), recording it in the transcript. */
  nextInput(timeoutMs: number, kinds: readonly CallInputKind[], verb: string): Promise<{ input: CallInput; source: InputSource } | 'timeout' | 'hangup'>;
  /**
   * The request parameters of the call as it is now (voice request: CallSid, AccountSid, From, To, CallStatus, …), or
   * in the `sms` context those of the inbound message (SMS request: SmsSid, AccountSid, From, To, Body).
   */
  voiceParams(): [string, string][];
  /**
   * Sends a webhook that is not an RCML request (a status callback, a partial result, a transcription callback):
   * checked against the spec, recorded in the transcript as `request` and `reply`. Network failures come back as
   * `ok: false`; a contract violation throws (a sandbox bug, reported by `settle()`).
   */
  webhook(request: WebhookRequest): Promise<WebhookOutcome>;
  /**
   * Runs a verb nested in `parent` (the Say/Play/Pause inside a Gather) through the registry, in this context. With
   * `interrupt`, the nested verb's waits (`session.sleep`) end early, returning `false`, once it aborts (barge-in).
   */
  run(el: XmlElement, parent: string, interrupt?: AbortSignal): Promise<VerbOutcome>;
}

/** Executes one verb. */
export type VerbHandler = (el: XmlElement, ctx: VerbContext) => Promise<VerbOutcome>;

/** The local name of an element or attribute (a namespace prefix is ignored, as the server ignores it). */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
