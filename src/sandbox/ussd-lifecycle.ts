/**
 * USSD pull sessions: a subscriber dials a USSD code to a number of the sandbox, the number's `UssdUrl` (or its USSD
 * application) gets the USSD request, and the RCML it answers runs in the `ussd` context (rcml.yaml contexts.ussd).
 * When a document ends, its UssdMessage lines are joined into the one message the subscriber sees; a UssdCollect then
 * takes the subscriber's reply and posts it as `Digits` to its action, whose RCML continues the session.
 *
 * The facts do not say the session is a Call resource, so it stays out of the REST API: it has a CallSid for its
 * webhooks and a transcript, and nothing else.
 */
import { deliver, fetchDocument } from './call-lifecycle.js';
import { INSTANCE_ID, type Engine } from './engine.js';
import { API_VERSION, newCallSid } from './ids.js';
import { MAX_DOCUMENTS } from './interpreter/interpreter.js';
import { MAX_INPUT_ITEMS } from './interpreter/scenario.js';
import { beginDraft, endDraft, type UssdDraft } from './interpreter/verbs/ussd.js';
import type { RcmlSession } from './rcml-runner.js';
import type { Row } from './store.js';

/** `sandbox.ussd(...)`: a USSD pull session from a subscriber to a number of the sandbox. */
export interface UssdScenario {
  /** The subscriber. */
  from: string;
  /** A number of the sandbox; its `UssdUrl` (or USSD application) is the application under test. */
  to: string;
  /** The subscriber's replies, one per UssdCollect, in order. */
  input?: string[];
}

/** The longest USSD message with language `en`, and with any other language (rcml.yaml contexts.ussd.notes). */
export const USSD_MAX_EN = 182;
export const USSD_MAX_OTHER = 80;
/** The longest reply a subscriber sends (a USSD string holds at most 182 characters). */
export const MAX_USSD_REPLY = 182;
/**
 * How long (virtual) a UssdCollect waits for a reply when none is queued. x-inferred: the facts give no timeout (on a
 * network the USSD gateway ends an idle session); the sandbox's bound, after which the session ends.
 */
export const USSD_REPLY_TIMEOUT_MS = 60_000;
/**
 * What the subscriber sees instead of a message that is too long. x-inferred: rcml.yaml says "an error text" without
 * giving it.
 */
export const USSD_TOO_LONG_TEXT = 'Error: the USSD message is too long.';

/** A live USSD session: its row (never stored), the replies waiting, and whether it is over. */
export interface UssdSessionState {
  readonly row: Row;
  readonly replies: { text: string; source: 'scenario' | 'interactive' }[];
  ended: boolean;
  wake?: () => void;
}

/** The parameters of a USSD request (webhooks.yaml `ussd_request`). */
export function ussdParams(row: Row): [string, string][] {
  return [
    ['CallSid', row.sid],
    ['AccountSid', row.account_sid as string],
    // webhooks.yaml ussd_request.From: "not normalised", so sent as given.
    ['From', row.from as string],
    ['To', row.to as string],
    ['CallStatus', row.status as string],
    ['ApiVersion', API_VERSION],
    // x-inferred (webhooks.yaml marks it inferred too): a session the subscriber started is a pull, `inbound`.
    ['Direction', 'inbound'],
    ['CallerName', 'null'],
    ['ForwardedFrom', 'null'],
  ];
}

/** Checks and queues one subscriber reply. */
export function queueReply(state: UssdSessionState, text: unknown, source: 'scenario' | 'interactive'): void {
  if (typeof text !== 'string' || text === '' || text.length > MAX_USSD_REPLY) throw new TypeError(`ussd input: a reply is a non-empty string of at most ${MAX_USSD_REPLY} characters`);
  if (state.ended) throw new Error(`ussd: session ${state.row.sid} has ended`);
  if (state.replies.length >= MAX_INPUT_ITEMS) throw new RangeError(`ussd input: at most ${MAX_INPUT_ITEMS} replies wait on one session`);
  state.replies.push({ text, source });
  state.wake?.();
}

/** The message a document's draft makes: its lines joined, or the error text when it is too long (rcml.yaml contexts.ussd). */
function assemble(draft: UssdDraft): { text: string; language: string; max: number; tooLong?: number } {
  const language = draft.language ?? 'en';
  const max = language === 'en' ? USSD_MAX_EN : USSD_MAX_OTHER;
  const text = [...draft.lines, ...(draft.collect?.lines ?? [])].join('\n');
  return text.length > max ? { text: USSD_TOO_LONG_TEXT, language, max, tooLong: text.length } : { text, language, max };
}

/** The next reply, waiting up to USSD_REPLY_TIMEOUT_MS of virtual time for one sent interactively. */
async function nextReply(engine: Engine, state: UssdSessionState): Promise<UssdSessionState['replies'][number] | undefined> {
  if (!state.replies.length) {
    const woken = new AbortController();
    state.wake = () => woken.abort();
    await engine.clock.sleep(USSD_REPLY_TIMEOUT_MS, woken.signal);
    state.wake = undefined;
  }
  return state.replies.shift();
}

function ussdSession(engine: Engine, row: Row, url: string, method: 'GET' | 'POST', stop: (status: string) => void): RcmlSession & { stopped: boolean } {
  let current = url;
  let currentMethod = method;
  const session = {
    stopped: false,
    get call() {
      return engine.view(row);
    },
    get documentUrl() {
      return current;
    },
    context: 'ussd' as const,
    sleep: (ms: number) => engine.clock.sleep(ms),
    get ended() {
      return session.stopped;
    },
    record: (event: string, detail: Record<string, unknown> = {}) => void engine.record(event, { sid: row.sid, ...detail }),
    notify: (code: number, level: 'error' | 'warning', text: string) =>
      void engine.notify({ accountSid: row.account_sid as string, callSid: row.sid, code, level, text, requestUrl: current, requestMethod: currentMethod }),
    end(status?: string) {
      session.stopped = true;
      stop(status ?? 'completed');
    },
    // No USSD verb hands control to a new document itself (UssdCollect's action waits for the reply, below); this
    // serves a runner of your own.
    async fetch(request: Parameters<RcmlSession['fetch']>[0]) {
      const next = await fetchDocument(engine, row, { ...request, url: new URL(request.url, current).href, context: 'ussd' }, undefined, ussdParams(row));
      if (!next.ok) {
        session.end('failed');
        return undefined;
      }
      current = next.url;
      currentMethod = request.method;
      return { root: next.root, url: next.url };
    },
    interpret(root: Parameters<NonNullable<RcmlSession['interpret']>>[0]) {
      return engine.interpreter.run(root, session);
    },
  };
  return session;
}

/** Starts a USSD pull session to a number of the sandbox; it runs when the clock does. */
export function startUssd(engine: Engine, input: UssdScenario): UssdSessionState {
  if (input === null || typeof input !== 'object') throw new TypeError('ussd: expected { from, to, input? }');
  for (const key of Object.keys(input)) if (!['from', 'to', 'input'].includes(key)) throw new TypeError(`ussd: unknown field ${key}`);
  for (const name of ['from', 'to'] as const) {
    const value: unknown = input[name];
    if (typeof value !== 'string' || value === '' || value.length > 256) throw new TypeError(`ussd: ${name} must be a non-empty string of at most 256 characters`);
  }
  if (input.input !== undefined && !Array.isArray(input.input)) throw new TypeError('ussd: input must be an array of replies');
  if ((input.input?.length ?? 0) > MAX_INPUT_ITEMS) throw new RangeError(`ussd: input has ${input.input!.length} replies; at most ${MAX_INPUT_ITEMS}`);
  const number = [...engine.store.tables.incomingPhoneNumbers.values()].find((n) => n.phone_number === input.to);
  if (!number) throw new Error(`ussd: no incoming phone number ${input.to} in the sandbox; buy it first`);
  // webhooks.yaml ussd_request.url_source: UssdUrl/UssdMethod, else the USSD application; fallback UssdFallbackUrl.
  const appSid = number.ussd_application_sid as string | null;
  const url = (number.ussd_url as string | null) ?? (appSid ? (engine.store.get('applications', appSid)?.rcml_url as string | undefined) : undefined);
  if (!url) throw new Error(`ussd: number ${input.to} has no UssdUrl or USSD application`);
  const method = ((number.ussd_method as string | null) ?? 'POST') as 'GET' | 'POST';
  const fallbackUrl = (number.ussd_fallback_url as string | null) ?? undefined;
  const fallbackMethod = ((number.ussd_fallback_method as string | null) ?? 'POST') as 'GET' | 'POST';

  // x-inferred: the session's CallSid has the form of the server's calls (webhooks.yaml id_formats.CallSid), and its
  // CallStatus is `in-progress` while it runs, then `completed` (or `failed` when the application fails), as for calls.
  const row: Row = { sid: newCallSid(INSTANCE_ID), account_sid: number.account_sid as string, from: input.from, to: input.to, status: 'in-progress', $createdAt: engine.now() };
  const state: UssdSessionState = { row, replies: [], ended: false };
  for (const reply of input.input ?? []) queueReply(state, reply, 'scenario');
  const setStatus = (status: string) => {
    if (row.status === status) return;
    row.status = status;
    engine.record('status', { sid: row.sid, status });
  };
  engine.record('status', { sid: row.sid, status: row.status });

  const run = async () => {
    await engine.clock.sleep(0);
    const fallback = fallbackUrl ? { url: fallbackUrl, method: fallbackMethod, kind: 'ussdRequest' as const, context: 'ussd' as const } : undefined;
    let fetched = await fetchDocument(engine, row, { url, method, kind: 'ussdRequest', context: 'ussd' }, fallback, ussdParams(row));
    for (let documents = 1; ; documents++) {
      if (!fetched.ok) return setStatus('failed');
      const session = ussdSession(engine, row, fetched.url, method, setStatus);
      const draft = beginDraft(row.sid);
      try {
        await engine.runner.run(fetched.root, session);
      } finally {
        endDraft(row.sid);
      }
      if (session.stopped) return;
      // rcml.yaml document.end: "USSD message is assembled and sent" when the document ends.
      const message = assemble(draft);
      if (message.tooLong !== undefined) session.notify(11100, 'error', `The USSD message has ${message.tooLong} characters; at most ${message.max} fit with language ${message.language}.`);
      // x-inferred: after the error text the session ends; the facts do not say whether a UssdCollect still waits.
      const collect = message.tooLong === undefined ? draft.collect : undefined;
      engine.record('ussd', { callSid: row.sid, text: message.text, language: message.language, length: message.text.length, collect: collect !== undefined });
      if (!collect) return;
      if (documents >= MAX_DOCUMENTS) {
        engine.record('verb', { callSid: row.sid, verb: 'UssdCollect', context: 'ussd', outcome: 'skipped', reason: `more than ${MAX_DOCUMENTS} documents in one session (the sandbox's bound); the session ends` });
        return;
      }
      const reply = await nextReply(engine, state);
      if (!reply) {
        engine.record('verb', { callSid: row.sid, verb: 'UssdCollect', context: 'ussd', outcome: 'timeout', reason: `no reply within ${USSD_REPLY_TIMEOUT_MS / 1000} s (the sandbox's bound); the session ends` });
        return;
      }
      engine.record('input', { callSid: row.sid, input: reply.text, source: reply.source, verb: 'UssdCollect' });
      fetched = await fetchDocument(engine, row, { url: collect.action, method: collect.method, kind: 'ussdCollectAction', context: 'ussd', extra: [['Digits', reply.text]] }, undefined, ussdParams(row));
    }
  };

  engine.clock.spawn(async () => {
    try {
      await run();
    } finally {
      // The interpreter keeps an input queue per SID it runs; USSD replies have their own queue, so it goes now.
      engine.runtimes.delete(row.sid);
      setStatus(row.status === 'in-progress' ? 'completed' : (row.status as string));
      // x-inferred: webhooks.yaml names the number's StatusCallback for USSD sessions (ussd_status_callback) but not
      // when it is sent; the sandbox sends it once, when the session ends, with the final CallStatus.
      const statusCallback = number.status_callback as string | null;
      try {
        if (statusCallback) {
          const callbackMethod = ((number.status_callback_method as string | null) ?? 'POST') as 'GET' | 'POST';
          await deliver(engine, row, { kind: 'ussdStatusCallback', url: statusCallback, method: callbackMethod, params: ussdParams(row) });
        }
      } finally {
        state.ended = true;
      }
    }
  });
  return state;
}
