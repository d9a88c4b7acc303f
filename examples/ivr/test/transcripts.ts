// Reading transcripts: the webhooks the app got, what the caller heard, and the whole call as text.
import type { RequestEvent, Transcript, TranscriptEvent } from 'restcomm-cpaas/sandbox';

/** The webhooks the app was sent, as `kind path`. */
export const requests = (t: Transcript) => t.events.flatMap((e) => (e.type === 'request' ? [`${e.kind} ${new URL(e.url).pathname}`] : []));

/** The parameters of the first request of `kind`. */
export const paramsOf = (t: Transcript, kind: string) => t.events.find((e): e is RequestEvent => e.type === 'request' && e.kind === kind)?.params;

/** What the caller heard, in order. */
export const said = (t: Transcript) => t.events.flatMap((e) => (e.type === 'verb' && e.verb === 'Say' && e.outcome === 'done' ? [e.text] : []));

/** Request parameters worth a reviewer's eye; the call's own (CallSid, From, ...) are the same on every request. */
const SHOWN = ['Digits', 'SpeechResult', 'DialCallStatus', 'DialCallDuration', 'RecordingDuration', 'SmsStatus', 'Body'];

/** An http URL without its origin (the app's port changes from run to run); anything else as it is. */
const local = (value: string) => (/^https?:\/\//.test(value) ? new URL(value).pathname : value);

function line(e: TranscriptEvent, own: string): string {
  const leg = e.callSid === own ? '' : '[leg] ';
  switch (e.type) {
    case 'request': {
      const shown = SHOWN.filter((name) => name in e.params).map((name) => `${name}=${JSON.stringify(e.params[name])}`);
      return `${leg}→ ${e.kind} ${e.method} ${new URL(e.url).pathname}${shown.length ? ` ${shown.join(' ')}` : ''}`;
    }
    case 'reply':
      return `${leg}← ${e.status ?? e.error} ${e.contentType ?? ''}${e.problems?.length ? ` (${e.problems.length} RCML problems: ${e.problems.map((p) => p.message).join('; ')})` : ''}`.trimEnd();
    case 'verb': {
      const what = ['text', 'digits', 'speech', 'body', 'to', 'url', 'reason'].filter((k) => typeof e[k] === 'string' && e[k] !== '').map((k) => `${k}=${JSON.stringify(local(e[k] as string))}`);
      return `${leg}${e.verb} ${e.outcome}${what.length ? ` ${what.join(' ')}` : ''}`;
    }
    case 'input':
      return `${leg}input ${JSON.stringify(e.input)} (${e.source})`;
    case 'resource':
      return `${leg}${e.resource} ${typeof e.status === 'string' ? e.status : 'created'}`;
    case 'notification':
      return `${leg}Notification ${e.code}${e.level ? ` (${e.level})` : ''}: ${e.text}`;
    case 'status':
      return `${leg}status ${e.status}`;
    default:
      return `${leg}${JSON.stringify(e)}`;
  }
}

/**
 * The transcript as text, one event a line, for snapshot files a reviewer can read: virtual seconds since the call
 * began, then what happened. SIDs and the app's port change from run to run, so they are left out.
 */
export function transcriptText(t: Transcript): string {
  return t.events.map((e) => `${(e.offsetMs / 1000).toFixed(1).padStart(6)} s  ${line(e, t.sid)}`).join('\n') + '\n';
}
