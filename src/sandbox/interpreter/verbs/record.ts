// <Record>: records the caller (rcml.yaml verbs.Record). What the caller says comes from the call's next `{ record }`
// input item; the sandbox stores a Recording whose media URL serves silent audio of that length, and a Transcription
// with the item's text when one is asked for.
import { API_VERSION, newSid } from '../../ids.js';
import type { Row } from '../../store.js';
import type { VerbContext, VerbHandler } from '../verb.js';
import { flagAttr, interrupted, intAttr, methodAttr, redirected, sendCallback, urlAttr } from './attributes.js';

/** Any key ends a recording unless `finishOnKey` says otherwise (rcml.yaml verbs.Record.finishOnKey, server default). */
const ANY_KEY = '1234567890*#';
const KEYS = /^([*#0-9]{1,12}|-1)$/;
const MEDIA = ['audio_only', 'video_only', 'audio_video'];
/** Virtual time the speech recogniser takes before a transcription is ready (the sandbox's choice; rcml.yaml names none). */
export const TRANSCRIBE_MS = 2000;
/**
 * Where the server writes recordings by default: `file://${restcomm:home}/recordings/` (webhooks.yaml record_action).
 * The home directory is installation-specific; the sandbox uses this one.
 */
export const RECORDINGS_PATH = 'file:///opt/restcomm/recordings/';

/** Seconds as Java's `Double.toString` prints them for durations: `7.0`, `7.25`. */
export function javaSeconds(seconds: number): string {
  const rounded = Math.round(seconds * 1000) / 1000;
  return Number.isInteger(rounded) ? rounded.toFixed(1) : String(rounded);
}

/** The Recording resource, as the REST API lists it; `file_uri` is the sandbox's own media URL. */
export function storeRecording(ctx: VerbContext, call: Row, seconds: number): Row {
  const sid = newSid('RE');
  const account = call.account_sid as string;
  const row = ctx.engine.put('recordings', {
    sid,
    ...ctx.engine.stamps(),
    account_sid: account,
    call_sid: call.sid,
    duration: javaSeconds(seconds),
    api_version: API_VERSION,
    uri: `/${API_VERSION}/Accounts/${account}/Recordings/${sid}.json`,
    file_uri: `${ctx.engine.baseUrl}/Accounts/${account}/Recordings/${sid}.wav`,
  });
  ctx.record({ type: 'resource', resource: 'Recording', sid, duration: row.duration });
  return row;
}

/**
 * The Transcription of a recording: `in-progress` at once, then `completed` with the scenario's text (or `failed`
 * when the scenario gave none) after TRANSCRIBE_MS, when `callback` gets the call's parameters only (the server sends
 * no transcription fields; webhooks.yaml transcription_callback). The callback URL is used as written.
 */
function transcribe(ctx: VerbContext, recording: Row, text: string | undefined, callback: string | undefined): void {
  const sid = newSid('TR');
  const account = recording.account_sid as string;
  const row = ctx.engine.put('transcriptions', {
    sid,
    ...ctx.engine.stamps(),
    account_sid: account,
    status: 'in-progress',
    recording_sid: recording.sid,
    duration: recording.duration,
    price: '0.0',
    price_unit: 'USD',
    uri: `/${API_VERSION}/Accounts/${account}/Transcriptions/${sid}.json`,
  });
  ctx.record({ type: 'resource', resource: 'Transcription', sid, status: 'in-progress' });
  ctx.engine.clock.spawn(async () => {
    await ctx.engine.clock.sleep(TRANSCRIBE_MS);
    row.status = text === undefined ? 'failed' : 'completed';
    if (text !== undefined) row.transcription_text = text;
    ctx.engine.touch(row);
    ctx.record({ type: 'resource', resource: 'Transcription', sid, status: row.status, ...(text === undefined ? {} : { text }) });
    if (callback) await sendCallback(ctx, { kind: 'transcriptionCallback', url: callback, method: 'POST', extra: [] });
  });
}

export const record: VerbHandler = async (el, ctx) => {
  const action = urlAttr(el, ctx, 'action');
  const method = methodAttr(el, ctx, 'method', 13610);
  const timeout = Math.max(0, intAttr(el, ctx, 'timeout', 5, 13612));
  const maxLength = Math.max(0, intAttr(el, ctx, 'maxLength', 3600, 13612));
  // finishOnKey: absent means any key, empty means '#', '-1' means none; other values write 13613 and mean '#'.
  const keysRaw = ctx.attr(el, 'finishOnKey');
  let finishOnKey = keysRaw === undefined ? ANY_KEY : keysRaw || '#';
  if (!KEYS.test(finishOnKey)) {
    ctx.notify(13613, 'warning', `${finishOnKey} is not a valid finishOnKey value.`);
    finishOnKey = '#';
  }
  if (finishOnKey === '-1') finishOnKey = '';
  let media = ctx.attr(el, 'media') ?? 'audio_only';
  if (!MEDIA.includes(media)) {
    ctx.notify(13612, 'warning', `${media} is not a valid media value.`);
    media = 'audio_only';
  }
  // transcribeCallback implies transcribe; the server uses its URL as written, without resolving it.
  const transcribeCallback = ctx.attr(el, 'transcribeCallback') || undefined;
  const wantsText = flagAttr(el, ctx, 'transcribe', false) || transcribeCallback !== undefined;
  const playBeep = flagAttr(el, ctx, 'playBeep', true);
  const settings = { timeout, maxLength, finishOnKey: finishOnKey || '-1', playBeep, transcribe: wantsText, ...(media === 'audio_only' ? {} : { media }), ...(action ? { action, method } : {}) };

  const call = ctx.engine.store.get('calls', ctx.sid);
  if (!call) return { next: true };
  const started = ctx.engine.now();
  const got = await ctx.nextInput(timeout * 1000, ['record', 'timeout'], 'Record');
  // A live redirect aborts the document without ending the call: the new document takes over, nothing is sent.
  if (redirected(ctx)) return interrupted(ctx, 'Record');
  let seconds = 0;
  let digits = '';
  let text: string | undefined;
  let hungUp = got === 'hangup';
  if (typeof got === 'object' && typeof got.input === 'object' && 'record' in got.input) {
    const said = got.input.record;
    const cut = said.seconds > maxLength;
    seconds = Math.min(said.seconds, maxLength);
    text = said.transcription;
    const key = said.finishOnKey !== undefined && finishOnKey.includes(said.finishOnKey) ? said.finishOnKey : undefined;
    // A hang-up queued right after the message is the caller hanging up to end it.
    const head = ctx.input.peek()[0];
    const hangsUp = key === undefined && !cut && typeof head === 'object' && 'hangup' in head;
    // The recording ends on the key, at maxLength, on the hang-up, or after `timeout` seconds of silence.
    const from = ctx.engine.now();
    if (!(await ctx.session.sleep(seconds * 1000 + (key !== undefined || cut || hangsUp ? 0 : timeout * 1000)))) {
      if (redirected(ctx)) return interrupted(ctx, 'Record');
      hungUp = true;
      seconds = Math.min(seconds, (ctx.engine.now() - from) / 1000);
    } else if (key !== undefined) digits = key;
    else if (hangsUp) hungUp = (await ctx.nextInput(0, [], 'Record')) === 'hangup';
  } else if (!hungUp) {
    // Silence: the recording stops after `timeout` seconds with nothing in it.
    const left = started + timeout * 1000 - ctx.engine.now();
    if (left > 0 && !(await ctx.session.sleep(left))) {
      if (redirected(ctx)) return interrupted(ctx, 'Record');
      hungUp = true;
    }
  }
  if (hungUp) digits = 'hangup';

  // An empty recording stores nothing; the server still requests the action, without the URLs (rcml.yaml verbs.Record).
  const recording = seconds > 0 ? storeRecording(ctx, call, seconds) : undefined;
  if (recording && wantsText) transcribe(ctx, recording, text, transcribeCallback);
  ctx.record({ type: 'verb', verb: 'Record', outcome: hungUp ? 'hangup' : recording ? 'recorded' : 'empty', ...settings, duration: seconds, ...(digits ? { digits } : {}), ...(recording ? { recordingSid: recording.sid } : {}) });

  const extra: [string, string][] = [];
  if (recording) extra.push(['RecordingUrl', `${RECORDINGS_PATH}${recording.sid}.wav`], ['PublicRecordingUrl', recording.file_uri as string]);
  extra.push(['RecordingDuration', javaSeconds(seconds)], ['Digits', digits]);
  if (hungUp) {
    // The caller is gone: the action is still told (Digits=hangup), and its answer has nothing left to run.
    if (action) await sendCallback(ctx, { kind: 'recordAction', url: action, method, extra });
    return { hangup: true };
  }
  return action ? { fetch: { url: action, method, kind: 'recordAction', extra } } : { next: true };
};
