// <Gather>: plays its prompts, then collects keys or speech from the call's input (rcml.yaml verbs.Gather). One input
// item is what the caller does at one Gather: `'12#'`, `{ speech }`, or silence.
import { speechMs } from './say.js';
import type { CallInputKind } from '../scenario.js';
import { localName, type VerbHandler, type VerbOutcome } from '../verb.js';
import { INTERRUPTED, intAttr, methodAttr, redirected, sendCallback, urlAttr } from './attributes.js';

/** The server's "no limit" for numDigits (rcml.yaml verbs.Gather.numDigits). */
const UNLIMITED_DIGITS = 32767;
const KEYS = /^[*#0-9]{1,12}$/;
const PROMPTS = new Set(['Say', 'Play', 'Pause']);

type InputMode = 'dtmf' | 'speech' | 'dtmf speech';

/** Case-insensitive; `dtmf_speech` is the combined mode too; anything else is dtmf, silently (rcml.yaml verbs.Gather.input). */
function inputMode(raw: string | undefined): InputMode {
  const value = raw?.toLowerCase();
  if (value === 'speech') return 'speech';
  if (value === 'dtmf speech' || value === 'dtmf_speech') return 'dtmf speech';
  return 'dtmf';
}

const KINDS: Record<InputMode, readonly CallInputKind[]> = {
  dtmf: ['digits', 'timeout'],
  speech: ['speech', 'timeout'],
  'dtmf speech': ['digits', 'speech', 'timeout'],
};

/**
 * The keys the media server collects from what the caller pressed: leading keys that may not start input are ignored
 * (`startInputKey`, inferred from its name in rcml.yaml), a `finishOnKey` key ends the input and is dropped, and
 * `numDigits` keys end it too. `w` (a wait in DTMF strings) presses nothing.
 */
export function collectKeys(pressed: string, finishOnKey: string, numDigits: number, startInputKey: string): { digits: string; endedBy?: 'finishOnKey' | 'numDigits'; unused: string } {
  const keys = pressed.replace(/[wW]/g, '');
  let digits = '';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (finishOnKey.includes(key)) return { digits, endedBy: 'finishOnKey', unused: keys.slice(i + 1) };
    if (digits === '' && !startInputKey.includes(key)) continue;
    digits += key;
    if (digits.length >= numDigits) return { digits, endedBy: 'numDigits', unused: keys.slice(i + 1) };
  }
  return { digits, unused: '' };
}

export const gather: VerbHandler = async (el, ctx) => {
  const action = urlAttr(el, ctx, 'action');
  const method = methodAttr(el, ctx, 'method', 14104);
  const timeout = Math.max(0, intAttr(el, ctx, 'timeout', 5, 13313));
  // finishOnKey: empty means '#'; a value that is not 1-12 of 0-9*# writes 13310 and means '#' (rcml.yaml verbs.Gather.finishOnKey).
  let finishOnKey = ctx.attr(el, 'finishOnKey') || '#';
  if (!KEYS.test(finishOnKey)) {
    ctx.notify(13310, 'warning', `${finishOnKey} is not a valid finishOnKey value.`);
    finishOnKey = '#';
  }
  const digitsLimit = intAttr(el, ctx, 'numDigits', UNLIMITED_DIGITS, 13314);
  const numDigits = digitsLimit >= 1 ? digitsLimit : UNLIMITED_DIGITS;
  let startInputKey = ctx.attr(el, 'startInputKey') ?? '*0123456789';
  if (!KEYS.test(startInputKey)) {
    ctx.notify(13315, 'warning', `${startInputKey} is not a valid startInputKey value.`);
    startInputKey = '*0123456789';
  }
  const mode = inputMode(ctx.attr(el, 'input'));
  const partialUrl = urlAttr(el, ctx, 'partialResultCallback');
  const partialMethod = methodAttr(el, ctx, 'partialResultCallbackMethod', 14104);
  // The recognition language is passed on as given; the server uses en-US for a tag it is not configured for.
  const language = mode === 'dtmf' ? undefined : (ctx.attr(el, 'language') || 'en-US');
  const settings = { input: mode, ...(language ? { language } : {}), timeout, finishOnKey, ...(numDigits === UNLIMITED_DIGITS ? {} : { numDigits }), ...(action ? { action, method } : {}) };

  // Recorded as it begins, so that its prompts (which carry `parent: 'Gather'`) follow it in the transcript; the
  // results are added to the same event when it ends.
  const finish = ctx.begin({ type: 'verb', verb: 'Gather', outcome: 'running', ...settings });

  // The call ended (or was sent to other RCML) during the prompts or while the caller was being heard: no action request.
  const stopped = (): VerbOutcome => {
    finish(redirected(ctx) ? INTERRUPTED : { outcome: 'hangup' });
    return { hangup: true };
  };

  // The prompts play first; other children are not processed by the server (rcml.yaml verbs.Gather.children). The
  // server plays them while it already waits for input (rcml.yaml verbs.Gather.children: "prompts are played while
  // waiting"; a Pause becomes silence prompts of the same collect operation), so input that arrives during them
  // stops them and is taken at once (barge-in). Input queued before the Gather began is the caller's answer after them.
  const bargeIn = ctx.input.arrivals(KINDS[mode].filter((k) => k !== 'timeout'));
  try {
    for (const child of el.children) {
      if (child.type !== 'element') continue;
      const name = localName(child.name);
      if (!PROMPTS.has(name)) {
        ctx.record({ type: 'verb', verb: name, outcome: 'skipped', reason: 'Gather plays only Say, Play and Pause', parent: 'Gather' });
        continue;
      }
      if (bargeIn.signal.aborted) break;
      const outcome = await ctx.run(child, 'Gather', bargeIn.signal);
      if (ctx.session.ended) return stopped();
      if (!('next' in outcome)) {
        finish({ outcome: 'stopped', reason: 'a prompt ended the document' });
        return outcome;
      }
    }
  } finally {
    bargeIn.stop();
  }
  const interrupted = bargeIn.signal.aborted ? { bargeIn: true } : {};

  // Then the caller has `timeout` seconds to start; silence (or input this mode cannot take) lasts that long.
  const deadline = ctx.engine.now() + timeout * 1000;
  const got = await ctx.nextInput(timeout * 1000, KINDS[mode], 'Gather');
  if (got === 'hangup') return stopped();
  let digits = '';
  let speech = '';
  let detail: Record<string, unknown> = {};
  const input = got === 'timeout' ? undefined : got.input;
  if (typeof input === 'string' || (input && 'digits' in input)) {
    const collected = collectKeys(typeof input === 'string' ? input : input.digits, finishOnKey, numDigits, startInputKey);
    digits = collected.digits;
    detail = { endedBy: collected.endedBy ?? 'timeout', ...(collected.unused ? { unused: collected.unused } : {}) };
    // Without a finishing key or enough digits, the input ends when the caller has been silent for `timeout`.
    if (!collected.endedBy && !(await ctx.session.sleep(timeout * 1000))) return stopped();
  } else if (input && 'speech' in input) {
    speech = input.speech;
    detail = { ...(input.confidence === undefined ? {} : { confidence: input.confidence }) };
    if (!(await speak(input.speech, input.partial ?? []))) return stopped();
  } else {
    const left = deadline - ctx.engine.now();
    if (left > 0 && !(await ctx.session.sleep(left))) return stopped();
  }

  const collected = digits !== '' || speech !== '';
  // `empty`: the caller did something that gave nothing (only a finishing key, blank speech); `timeout`: silence.
  const outcome = collected ? 'input' : typeof input === 'string' || (input && ('digits' in input || 'speech' in input)) ? 'empty' : 'timeout';
  finish({ outcome, ...(digits ? { digits } : {}), ...(speech ? { speech } : {}), ...detail, ...interrupted });
  // Only collected input is sent, and only to an action; otherwise the next verb runs (rcml.yaml verbs.Gather.action).
  if (!collected || !action) return { next: true };
  // The server sends no Confidence (webhooks.yaml gather_action); SpeechResult is sent empty after DTMF.
  return { fetch: { url: action, method, kind: 'gatherAction', extra: [['Digits', digits], ['SpeechResult', speech]] } };

  /** Speech takes its virtual time; interim results go to partialResultCallback spread over it, their answers ignored. */
  async function speak(text: string, partial: readonly string[]): Promise<boolean> {
    const total = speechMs(text);
    const step = Math.floor(total / (partial.length + 1));
    for (const result of partial) {
      if (!(await ctx.session.sleep(step))) return false;
      if (partialUrl) await sendCallback(ctx, { kind: 'gatherPartialResult', url: partialUrl, method: partialMethod, extra: [['UnstableSpeechResult', result]] });
    }
    return ctx.session.sleep(total - step * partial.length);
  }
};
