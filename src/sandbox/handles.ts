/**
 * The handles a test holds on a call or a message: its SID, its API view, its transcript (a view over the event
 * log), interactive input, and `done()`, which runs the virtual clock until the call and the legs it dialled are over.
 */
import type { SettleOptions } from './clock.js';
import { hangUp, isFinal } from './call-lifecycle.js';
import type { Engine } from './engine.js';
import type { CallInput } from './interpreter/scenario.js';
import { transcriptOf, type Transcript } from './interpreter/transcript.js';
import type { Row } from './store.js';

/** A call of the sandbox, as a test drives and inspects it. */
export interface CallHandle {
  /** The call's SID. */
  readonly sid: string;
  /** The call as the REST API shows it now. */
  view(): Record<string, unknown>;
  /** The events so far: requests and replies, verbs, input, resources, Notifications, statuses (with its legs'). */
  readonly transcript: Transcript;
  /**
   * Queues input for the live call (digits such as `'1'`, `{ speech }`, `{ record }`, `{ hangup: true }`); a verb
   * waiting for input takes it when the clock runs. Throws when the call has ended or the input is not valid.
   */
  send(input: CallInput): void;
  /** Hangs the call up, as `calls.update({ Status: 'completed' })` does (no effect once it has ended). */
  hangup(): void;
  /** Runs the virtual clock until this call and its legs have ended (and sent their last webhooks); the transcript. */
  done(options?: SettleOptions): Promise<Transcript>;
}

/** An inbound message and the SMS application session it started. */
export interface MessageHandle {
  /** The message's SID. */
  readonly sid: string;
  /** The message as the REST API shows it now. */
  view(): Record<string, unknown>;
  /** The events so far: the SMS request and reply, verbs, messages and emails sent, Notifications. */
  readonly transcript: Transcript;
  /** Runs the virtual clock until the application's session for the message is over; the transcript. */
  done(options?: SettleOptions): Promise<Transcript>;
}

/** A leg's parent call (`parent_call_sid`, set on the legs a Dial creates). */
function parentOf(engine: Engine, sid: string): string | undefined {
  return (engine.store.get('calls', sid)?.parent_call_sid as string | undefined) ?? undefined;
}

/** The call is over: final status, its life cycle finished, and no leg it dialled still live. */
function callOver(engine: Engine, row: Row): boolean {
  if (!isFinal(row.status) || engine.liveCalls.has(row.sid)) return false;
  for (const sid of engine.liveCalls.keys()) {
    for (let current = parentOf(engine, sid), depth = 0; current && depth < 8; current = parentOf(engine, current), depth++) {
      if (current === row.sid) return false;
    }
  }
  return true;
}

/** The handle of a stored call. */
export function callHandle(engine: Engine, row: Row): CallHandle {
  const startedAt = row.$createdAt as number;
  const transcript = () => transcriptOf(engine.events, row.sid, startedAt, (sid) => parentOf(engine, sid));
  return {
    sid: row.sid,
    view: () => engine.view(row),
    get transcript() {
      return transcript();
    },
    send(input) {
      if (isFinal(row.status)) throw new Error(`send: call ${row.sid} has ended (${String(row.status)})`);
      engine.callRuntime(row.sid).input.push(input, 'interactive');
    },
    hangup() {
      if (!isFinal(row.status)) hangUp(engine, row);
    },
    async done(options) {
      await engine.clock.runUntil(() => callOver(engine, row), options);
      return transcript();
    },
  };
}

/** The handle of a stored inbound message. */
export function messageHandle(engine: Engine, row: Row): MessageHandle {
  const startedAt = row.$createdAt as number;
  const transcript = () => transcriptOf(engine.events, row.sid, startedAt, () => undefined);
  return {
    sid: row.sid,
    view: () => engine.view(row),
    get transcript() {
      return transcript();
    },
    async done(options) {
      await engine.clock.runUntil(() => !engine.liveMessages.has(row.sid), options);
      return transcript();
    },
  };
}
