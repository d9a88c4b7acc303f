/**
 * Running the RCML an application returns for a call or an inbound message. This is the one seam between the life
 * cycles and RCML: the life cycle fetches and checks the document, hands its root to a `RcmlRunner`, and ends the
 * call when `run` returns. The sandbox's interpreter (`src/sandbox/interpreter/`) is the default runner; a runner of
 * your own is passed as `startSandbox({ rcmlRunner })` and can hand documents to the interpreter (`session.interpret`).
 */
import type { RcmlContext } from '../rcml/schema.js';
import type { XmlElement } from '../rcml/xml.js';
import type { WebhookKind } from '../webhooks/index.js';

/** What a runner can do with the call it runs for. */
export interface RcmlSession {
  /** The call as the API shows it (sid, from, to, status, direction, …). */
  readonly call: Readonly<Record<string, unknown>>;
  /** The URL the document came from (relative URLs in it resolve against this). */
  readonly documentUrl: string;
  /** The interpreter context the document runs in (default `voice`). */
  readonly context?: RcmlContext;
  /** Aborted when the call is hung up or sent to other RCML (a live redirect); for waits other than `sleep`. */
  readonly signal?: AbortSignal;
  /**
   * Answers a ringing inbound call (no effect once answered). The server answers before any verb but Reject and
   * Pause (rcml.yaml contexts.voice.notes), so a runner calls this before running one.
   */
  answer?(): Promise<void>;
  /**
   * Ends the call now with `status` (default `completed`; a call never answered becomes `canceled`): a Hangup, a
   * Reject (`busy`), the caller hanging up.
   */
  end?(status?: string): void;
  /** Runs `root` with the sandbox's own interpreter, in this session (a runner of your own can hand documents to it). */
  interpret?(root: XmlElement): Promise<RcmlEnd>;
  /** Sleeps for `ms` of virtual time; resolves early, with `false`, when the call is hung up meanwhile. */
  sleep(ms: number): Promise<boolean>;
  /** True once the call has been hung up (through the REST API or by the far end). */
  readonly ended: boolean;
  /** Adds an entry to the sandbox's event log for this call. */
  record(event: string, detail?: Record<string, unknown>): void;
  /** Writes a Notification for this call, as the server does for a bad attribute value or a failure. */
  notify(code: number, level: 'error' | 'warning', text: string): void;
  /**
   * Requests another RCML document for this call (an `action` URL, a `Redirect`): the call's voice parameters plus
   * `extra`, checked against the webhook `kind` in the spec. Resolves the parsed document, or `undefined` when the
   * request failed, in which case the call has been ended as the server ends it (Notification 21402 and `not-found`
   * for a 404, 11205/11206 and `failed` otherwise).
   */
  fetch(request: { url: string; method: 'GET' | 'POST'; kind: WebhookKind; extra?: [string, string][]; context?: RcmlContext }): Promise<{ root: XmlElement; url: string } | undefined>;
}

/** How a document ended: it ran out of verbs, or a verb hung the call up. Either way the call completes. */
export type RcmlEnd = 'end-of-document' | 'hangup';

/** Runs RCML documents: the sandbox's interpreter, or a runner of your own (`startSandbox({ rcmlRunner })`). */
export interface RcmlRunner {
  /** Runs the document whose root is `root` for the session's call or message; resolves how it ended. */
  run(root: XmlElement, session: RcmlSession): Promise<RcmlEnd>;
}

/**
 * Runs the document with the sandbox's interpreter (`session.interpret`).
 * @deprecated The interpreter is the default runner now; leave `rcmlRunner` out, or call `session.interpret(root)`
 * from a runner of your own.
 */
export const basicRunner: RcmlRunner = {
  run(root, session) {
    if (!session.interpret) throw new Error('basicRunner: this session has no interpreter');
    return session.interpret(root);
  },
};
