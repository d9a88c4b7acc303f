/**
 * The RCML interpreter: runs a document's verbs in order through the registry, follows the documents verbs hand
 * control to (`{ fetch }`: an action URL, a Redirect), and stops when a verb ends the call or the document runs out.
 * It implements the sandbox's `RcmlRunner` seam, so the call life cycle drives it like any runner.
 */
import { serverTrim } from '../../rcml/rules.js';
import type { RcmlContext } from '../../rcml/schema.js';
import type { XmlElement } from '../../rcml/xml.js';
import { deliver, voiceParams } from '../call-lifecycle.js';
import type { Engine } from '../engine.js';
import { smsParams } from '../sms-lifecycle.js';
import type { RcmlEnd, RcmlRunner, RcmlSession } from '../rcml-runner.js';
import { isVerb, NOT_EXECUTED, verbContexts, verbEntry } from './registry.js';
import { InputQueue, type CallScenario } from './scenario.js';
import type { TranscriptEventInput } from './transcript.js';
import { localName, type VerbContext, type VerbOutcome } from './verb.js';

/**
 * The most documents one run follows (action URLs and Redirects together). rcml.yaml records no limit on the server;
 * the bound keeps an application that redirects to itself from running forever.
 */
export const MAX_DOCUMENTS = 100;

/** What the interpreter keeps per call: its scenario and input queue. */
export interface CallRuntime {
  readonly scenario: CallScenario;
  readonly input: InputQueue;
}

/**
 * The verbs of a document in the order the server runs them: it walks the tree depth first and executes every
 * element whose local name is a verb (rcml.yaml document.root.server); a verb's own subtree belongs to that verb.
 * Elements that are not verbs are collected too, so that the transcript can say they were skipped.
 */
export function verbsOf(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement, depth: number) => {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      const name = localName(child.name);
      if (isVerb(name) || depth >= 16) out.push(child);
      else if (child.children.some((c) => c.type === 'element')) walk(child, depth + 1);
      else out.push(child);
    }
  };
  walk(root, 0);
  return out;
}

/** The element's text as the server reads it: of several text runs the last non-blank one, trimmed. */
export function elementText(el: XmlElement): string {
  let text = '';
  for (const child of el.children) if (child.type === 'text' && serverTrim(child.value) !== '') text = child.value;
  return serverTrim(text);
}

/** An attribute by local name, trimmed as the server trims it. */
export function attributeOf(el: XmlElement, name: string): string | undefined {
  const found = el.attributes.find((a) => localName(a.name) === name);
  return found === undefined ? undefined : serverTrim(found.value);
}

/** Verbs a ringing inbound call runs without being answered (rcml.yaml contexts.voice.notes). */
const BEFORE_ANSWER = new Set(['Reject', 'Pause']);

/** The sandbox's RCML interpreter: the default `RcmlRunner` (one per engine). */
export class Interpreter implements RcmlRunner {
  constructor(private readonly engine: Engine) {}

  async run(root: XmlElement, session: RcmlSession): Promise<RcmlEnd> {
    const context: RcmlContext = session.context ?? 'voice';
    const sid = session.call.sid as string;
    const runtime = this.engine.callRuntime(sid);
    let document = { root, url: session.documentUrl };
    for (let documents = 1; ; documents++) {
      const outcome = await this.runDocument(document.root, document.url, context, session, runtime);
      if (outcome === 'end-of-document') return 'end-of-document';
      if ('hangup' in outcome) {
        if (!session.ended) session.end?.(outcome.status);
        return 'hangup';
      }
      if (!('fetch' in outcome)) return 'end-of-document';
      if (documents >= MAX_DOCUMENTS) {
        this.engine.record('verb', { callSid: sid, verb: 'Redirect', context, outcome: 'skipped', reason: `more than ${MAX_DOCUMENTS} documents in one call (the sandbox's bound); the call ends` });
        return 'hangup';
      }
      let target: string;
      try {
        target = new URL(outcome.fetch.url, document.url).href;
      } catch {
        // A URL that does not resolve: Notification 11100 (invalid URI); the document cannot go on (x-inferred: the
        // verbs resolve their URLs first, so this is a verb's bug rather than a server behaviour to copy).
        session.notify(11100, 'error', `${outcome.fetch.url} is an invalid URI.`);
        session.end?.('failed');
        return 'hangup';
      }
      const next = await session.fetch({ ...outcome.fetch, url: target, context });
      if (!next) return 'hangup';
      document = next;
    }
  }

  /** Runs one document's verbs; resolves how it ended. */
  private async runDocument(root: XmlElement, url: string, context: RcmlContext, session: RcmlSession, runtime: CallRuntime): Promise<VerbOutcome | 'end-of-document'> {
    const ctx = this.verbContext(context, url, session, runtime);
    for (const el of verbsOf(root)) {
      if (session.ended) return { hangup: true };
      const name = localName(el.name);
      const entry = verbEntry(name);
      if (!entry || !entry.contexts.includes(context)) {
        const reason = !isVerb(name)
          ? `<${name}> is not an RCML verb`
          : !verbContexts(name).includes(context)
            ? `<${name}> is not executed in the ${context} context`
            : (NOT_EXECUTED[name] ?? `the sandbox does not execute <${name}>`);
        ctx.record({ type: 'verb', verb: name, outcome: 'skipped', reason });
        // The conference-wait interpreter hangs up on any verb but Play and Say (rcml.yaml contexts.conference_wait).
        if (context === 'conference-wait' && isVerb(name)) return { hangup: true };
        continue;
      }
      if (context === 'voice' && !BEFORE_ANSWER.has(name)) await session.answer?.();
      if (session.ended) return { hangup: true };
      const outcome = await entry.handler(el, ctx);
      if (!('next' in outcome)) return outcome;
    }
    return 'end-of-document';
  }

  private verbContext(context: RcmlContext, documentUrl: string, session: RcmlSession, runtime: CallRuntime, parent?: string, interrupt?: AbortSignal): VerbContext {
    const engine = this.engine;
    const sid = session.call.sid as string;
    // A verb run inside another carries `parent` (the Gather of a prompt), so the transcript shows what belongs to what.
    const stamp = (event: TranscriptEventInput) =>
      engine.record(event.type, {
        ...event,
        callSid: sid,
        ...(event.type === 'verb' ? { context: (event.context as RcmlContext | undefined) ?? context, ...(parent ? { parent } : {}) } : {}),
      });
    const record = (event: TranscriptEventInput): void => void stamp(event);
    const signal = session.signal ?? new AbortController().signal;
    // The session, with waits that also end (returning false) when `interrupt` aborts; everything else is its own.
    const interruptible = (interrupt: AbortSignal): RcmlSession => {
      const both = AbortSignal.any([signal, interrupt]);
      const sleep = (ms: number) => (session.ended || both.aborted ? Promise.resolve(false) : engine.clock.sleep(ms, both));
      return Object.assign(Object.create(session) as RcmlSession, { sleep });
    };
    const ctx: VerbContext = {
      context,
      ...(parent ? { parent } : {}),
      session: interrupt ? interruptible(interrupt) : session,
      sid,
      input: runtime.input,
      scenario: runtime.scenario,
      engine,
      signal,
      record,
      begin(event) {
        const logged = stamp(event);
        return (result) => Object.assign(logged, result, { endedAt: engine.now() });
      },
      attr: attributeOf,
      text: elementText,
      resolve: (url) => new URL(url, documentUrl).href,
      notify: (code, level, text) => session.notify(code, level, text),
      voiceParams: () => {
        const call = engine.store.get('calls', sid);
        if (call) return voiceParams(call);
        const sms = engine.store.get('smsMessages', sid);
        return sms ? smsParams(sms) : [];
      },
      webhook: (request) => deliver(engine, { sid }, request),
      async nextInput(timeoutMs, kinds, verb) {
        const got = await runtime.input.next(timeoutMs, kinds, signal);
        if (typeof got !== 'object') return got;
        record({ type: 'input', input: got.input, source: got.source, verb });
        if (typeof got.input === 'object' && 'hangup' in got.input) {
          // The caller hangs up.
          session.end?.('completed');
          return 'hangup';
        }
        return got;
      },
      run: async (el, outer, interruptedBy) => {
        const name = localName(el.name);
        const entry = verbEntry(name);
        const inner = this.verbContext(context, documentUrl, session, runtime, outer, interruptedBy);
        if (!entry || !entry.contexts.includes(context)) {
          inner.record({ type: 'verb', verb: name, outcome: 'skipped', reason: `<${name}> is not executed here` });
          return { next: true };
        }
        return entry.handler(el, inner);
      },
    };
    return ctx;
  }
}
