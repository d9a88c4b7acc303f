/**
 * Call screening (rcml.yaml contexts.call_screening): when a dialled party whose noun has a `url` answers, that URL
 * gets the screening request (webhooks.yaml `call_screening`, parameters of the answered leg) and its RCML runs on the
 * leg, in the call-screening context, before the two parties are connected. The leg's input is the scenario's
 * `{ answer: true, input }`. The caller waits at most 60 s; a document that does not end normally (it hangs up, its
 * request fails, or it runs too long) makes the server hang the caller up.
 */
import { callSession, fetchDocument, isFinal, voiceParams } from '../../call-lifecycle.js';
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
  const method = leg.target.method;
  const input = engine.callRuntime(row.sid).input;
  if (typeof leg.outcome === 'object') for (const item of leg.outcome.input ?? []) input.push(item, 'scenario');

  // Aborted with 'caller' (the dialling call ended), 'too-long' (60 s passed), 'hangup' (the document hung up) or 'done'.
  const stop = new AbortController();
  const onCaller = () => stop.abort('caller');
  if (ctx.signal.aborted) stop.abort('caller');
  else ctx.signal.addEventListener('abort', onCaller, { once: true });
  clock.spawn(async () => {
    if (await clock.sleep(SCREENING_LIMIT_MS, stop.signal)) stop.abort('too-long');
  });
  const refused = (why: 'hangup' | 'failed' | 'too-long' | 'caller', legStatus = 'completed'): Screening => ({ result: 'refused', legStatus, why });
  try {
    const first = await fetchDocument(engine, row, { url: leg.target.url!, method, kind: 'callScreening', context: 'call-screening' }, undefined, screeningParams(row));
    if (!first.ok) return refused('failed', first.final);
    // The leg's own hang-up (a REST hang-up of the leg) ends the document too.
    const signal = AbortSignal.any([stop.signal, leg.live.hangup.signal]);
    // A Redirect in the screening document sends the screening parameters (webhooks.yaml `redirect`, screening); the
    // action requests of its verbs are described with the voice parameters (webhooks.yaml gather_action, record_action).
    const params = (call: Row, kind: string) => (kind === 'screeningRedirect' ? screeningParams(call) : undefined);
    const session = callSession(engine, row, { url: first.url, method, context: 'call-screening', signal, hangup: () => stop.abort('hangup'), params });
    const end = await engine.interpreter.run(first.root, session);
    const reason = stop.signal.reason as string | undefined;
    if (reason === 'caller' || reason === 'too-long') return refused(reason);
    if (end === 'hangup' || reason === 'hangup' || leg.live.hangup.signal.aborted) return refused('hangup', isFinal(row.status) ? (row.status as string) : 'completed');
    return { result: 'bridge' };
  } finally {
    ctx.signal.removeEventListener('abort', onCaller);
    if (!stop.signal.aborted) stop.abort('done');
    input.close();
  }
}
