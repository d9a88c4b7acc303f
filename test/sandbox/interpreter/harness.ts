// What the interpreter tests share: a sandbox and a local app (test/sandbox/fixture.ts), a number of the sandbox whose
// VoiceUrl and SmsUrl point at the app, and short ways to script the app's RCML and read a transcript.
import type { RcmlContext } from '../../../src/rcml/schema.js';
import { parseXml } from '../../../src/rcml/xml.js';
import { Engine } from '../../../src/sandbox/engine.js';
import type { RcmlSession, TranscriptEvent, VerbEvent } from '../../../src/sandbox/index.js';
import { START, useSandbox } from '../fixture.js';
import type { SandboxOptions } from '../../../src/sandbox/index.js';

export const CALLER = '+447700900123';

export function useInterpreter(options: SandboxOptions = {}) {
  const t = useSandbox(options);
  return {
    get sandbox() {
      return t.sandbox;
    },
    get app() {
      return t.app;
    },
    get client() {
      return t.client;
    },
    /** Scripts the app: `path` answers `body` as text/xml (or the given type/status). */
    rcml(path: string, body: string, reply: { type?: string; status?: number } = {}) {
      t.app.reply(path, { type: reply.type ?? 'text/xml', body, ...(reply.status ? { status: reply.status } : {}) });
    },
    /** Buys a number whose VoiceUrl is `<app>/voice` and SmsUrl `<app>/sms` (or what `settings` say); its phone number. */
    async number(settings: Record<string, string> = {}): Promise<string> {
      const [offer] = await t.client.availablePhoneNumbers.local.list('US', { AreaCode: '512' });
      const number = await t.client.incomingPhoneNumbers.local.create({
        PhoneNumber: offer!.phoneNumber,
        VoiceUrl: `${t.app.url}/voice`,
        SmsUrl: `${t.app.url}/sms`,
        ...settings,
      } as never);
      return number.phone_number;
    },
  };
}

/** The verb events of a transcript, as `[verb, outcome]` pairs. */
export const verbs = (events: readonly TranscriptEvent[]) => events.filter((e): e is VerbEvent => e.type === 'verb').map((e) => [e.verb, e.outcome]);

/** The events of one type. */
export function ofType<T extends TranscriptEvent['type']>(events: readonly TranscriptEvent[], type: T): Extract<TranscriptEvent, { type: T }>[] {
  return events.filter((e) => e.type === type) as Extract<TranscriptEvent, { type: T }>[];
}

/**
 * Runs one document on a bare engine, in `context`, with no app behind it (a context the public API reaches only
 * deep inside a call, such as a dialled leg's screening or a conference's wait music): how the run ended, the status
 * the session was ended with, and the engine (its events).
 */
export async function runBare(xml: string, context: RcmlContext, call: Record<string, unknown>) {
  const engine = new Engine({ startTime: START, webhookTimeoutMs: 1000, maxEvents: 1000 });
  let ended: string | undefined;
  const session: RcmlSession = {
    call,
    documentUrl: 'http://app.example/document',
    context,
    sleep: (ms) => engine.clock.sleep(ms),
    ended: false,
    record: () => undefined,
    notify: () => undefined,
    fetch: async () => undefined,
    end: (status) => void (ended = status ?? 'completed'),
  };
  let end: string | undefined;
  engine.clock.spawn(async () => void (end = await engine.interpreter.run(parseXml(xml).root, session)));
  await engine.clock.settle();
  return { end, ended, engine };
}
