/**
 * Which handler executes each verb, and in which interpreter contexts. The contexts come from the project's RCML
 * element table (`src/rcml/schema.ts`), the same table `validateRcml({ context })` reads, so the interpreter and the
 * validator agree on what runs where.
 */
import { RCML_ELEMENTS, type RcmlContext, type RcmlElementName } from '../../rcml/schema.js';
import type { VerbHandler } from './verb.js';
import { dial } from './verbs/dial.js';
import { email } from './verbs/email.js';
import { fax } from './verbs/fax.js';
import { gather } from './verbs/gather.js';
import { hangup } from './verbs/hangup.js';
import { hold, refer, resume } from './verbs/hold.js';
import { pause } from './verbs/pause.js';
import { play } from './verbs/play.js';
import { record } from './verbs/record.js';
import { redirect } from './verbs/redirect.js';
import { reject } from './verbs/reject.js';
import { say } from './verbs/say.js';
import { sms } from './verbs/sms.js';

/** A verb the sandbox executes. */
export interface VerbEntry {
  /** Executes it. */
  readonly handler: VerbHandler;
  /** Contexts whose interpreter executes the verb (from the element table). */
  readonly contexts: readonly RcmlContext[];
}

// A function, read on first use: verb modules import the call life cycle, which imports the engine and so this module;
// an object built at load time would hold `undefined` for a verb module still loading in that cycle.
const handlers = (): Partial<Record<RcmlElementName, VerbHandler>> => ({
  Say: say,
  Play: play,
  Pause: pause,
  Gather: gather,
  Record: record,
  Dial: dial,
  Sms: sms,
  Email: email,
  Fax: fax,
  Hangup: hangup,
  Redirect: redirect,
  Reject: reject,
  Hold: hold,
  Resume: resume,
  Refer: refer,
});

/**
 * Verbs of the element table the sandbox does not execute, with the reason (shown in the transcript). Verbs the table
 * has and neither this list nor the handlers name are reported as not executed by the sandbox.
 */
export const NOT_EXECUTED: Readonly<Record<string, string>> = {
  Message: 'Message (cloud beta): its nouns, defaults and callback parameters are not known (rcml.yaml gaps)',
  // USSD: the facts give the document's semantics but not the session's (how it starts, whether it is a Call, which
  // statuses it reports and when its status callback is sent), so the sandbox has no USSD sessions to run them in.
  UssdMessage: 'the sandbox runs no USSD sessions',
  UssdCollect: 'the sandbox runs no USSD sessions',
  Language: 'the sandbox runs no USSD sessions',
};

let entries: Map<string, VerbEntry> | undefined;
function table(): Map<string, VerbEntry> {
  if (!entries) {
    entries = new Map();
    for (const [name, handler] of Object.entries(handlers())) entries.set(name, { handler: handler!, contexts: RCML_ELEMENTS[name as RcmlElementName].contexts });
  }
  return entries;
}

/** The handler and contexts of a verb, by local name; `undefined` for names the sandbox does not execute. */
export function verbEntry(name: string): VerbEntry | undefined {
  return table().get(name);
}

/** Whether the element table knows `name` as a verb (executed somewhere, by the sandbox or not). */
export function isVerb(name: string): boolean {
  return (RCML_ELEMENTS as Record<string, { kind: string }>)[name]?.kind === 'verb';
}

/** The contexts whose interpreter executes `name` on the server (from the element table; none for a non-verb). */
export function verbContexts(name: string): readonly RcmlContext[] {
  return (RCML_ELEMENTS as Record<string, { contexts: readonly RcmlContext[] }>)[name]?.contexts ?? [];
}

/** Every verb with a handler. */
export function registeredVerbs(): string[] {
  return [...table().keys()];
}
