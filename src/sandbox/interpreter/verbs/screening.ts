/**
 * Call screening (rcml.yaml contexts.call_screening): when a dialled party whose noun has a `url` answers, that URL
 * gets the screening request (webhooks.yaml `call_screening`, parameters of the answered leg) and its RCML runs on the
 * leg, in the call-screening context, before the two parties are connected. The leg's input is the scenario's
 * `{ answer: true, input }`. The caller waits at most 60 s; a document that does not end normally (it hangs up, its
 * request fails, or it runs too long) makes the server hang the caller up.
 */
import { fetchDocument, isFinal, setStatus, voiceParams } from '../../call-lifecycle.js';
import type { RcmlSession } from '../../rcml-runner.js';
import type { Row } from '../../store.js';
import type { VerbContext } from '../verb.js';
import type { DialLeg } from './dial-legs.js';

/** How long the caller waits for the screening document (rcml.yaml contexts.call_screening.notes). */
export const SCREENING_LIMIT_MS = 60_000;

/** The screening request's parameters: the leg's voice parameters without InstanceId, CallTimestamp, OutboundCallSid. */
function screeningParams(row: Row): [string, string][] {
  return voiceParams(row).filter(([name]) => name !== 'InstanceId' && name !== 'CallTimestamp' && name !== 'OutboundCallSid');
}

export type Screening = { result: 'bridge' } | { result: 'refused'; legStatus: string; why: 'hangup' | 'failed' | 'too-long' | 'caller' };

export async function screenLeg(ctx: VerbContext, leg: DialLeg): Promise<Screening> {
  const { engine } = ctx;
  const clock = engine.clock;
  const row = leg.row;
  const url = leg.target.url!;
  const input = engine.callRuntime(row.sid).input;
  if (typeof leg.outcome === 'object') for (const item of leg.outcome.input ?? []) input.push(item, 'scenario');

  // Aborted with 'caller' (the dialling call ended), 'too-long' (60 s passed) or 'done'.
  const stop = new AbortController();
  const onCaller = () => stop.abort('caller');
  if (ctx.signal.aborted) stop.abort('caller');
  else ctx.signal.addEventListener('abort', onCaller, { once: true });
  clock.spawn(async () => {
    if (await clock.sleep(SCREENING_LIMIT_MS, stop.signal)) stop.abort('too-long');
  });
  const signal = stop.signal;
  const refused = (why: 'hangup' | 'failed' | 'too-long' | 'caller', legStatus = 'completed'): Screening => ({ result: 'refused', legStatus, why });
  try {
    const first = await fetchDocument(engine, row, { url, method: leg.target.method, kind: 'callScreening', base: screeningParams(row) });
    if (!first.ok) return refused('failed', first.final);
    const session: RcmlSession = {
      call: engine.view(row),
      documentUrl: first.url,
      context: 'call-screening',
      signal,
      sleep: (ms) => (signal.aborted || isFinal(row.status) ? Promise.resolve(false) : clock.sleep(ms, signal)),
      get ended() {
        return signal.aborted || isFinal(row.status);
      },
      record: (event, detail = {}) => engine.record(event, { sid: row.sid, ...detail }),
      notify: (code, level, text) =>
        void engine.notify({ accountSid: row.account_sid as string, callSid: row.sid, code, level, text, requestUrl: url, requestMethod: leg.target.method }),
      async fetch(request) {
        // A Redirect inside the screening document sends the same parameters (webhooks.yaml `redirect`, screening).
        const next = await fetchDocument(engine, row, { ...request, base: screeningParams(row) });
        if (next.ok) return { root: next.root, url: next.url };
        setStatus(engine, row, next.final);
        return undefined;
      },
    };
    const end = await engine.runner.run(first.root, session);
    if (signal.aborted) return refused(signal.reason as 'caller' | 'too-long');
    if (isFinal(row.status)) return refused('failed', row.status as string);
    return end === 'end-of-document' ? { result: 'bridge' } : refused('hangup');
  } finally {
    ctx.signal.removeEventListener('abort', onCaller);
    if (!signal.aborted) stop.abort('done');
    input.close();
  }
}
