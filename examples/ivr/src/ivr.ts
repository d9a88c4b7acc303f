/**
 * Acme's phone line: a small IVR on node:http that answers Restcomm's webhooks with RCML.
 *
 *   POST /voice                   a call comes in: the menu
 *   POST /menu/2                  the menu a second time (after a timeout or a wrong choice)
 *   POST /choice/:attempt         what the caller chose (Gather action): 1 or "sales", 2 or "support"
 *   POST /sales/done              how the transfer to sales went (Dial action): busy, no answer, ... -> voicemail
 *   POST /voicemail/done          the voicemail is recorded (Record action): thanks, an SMS to the caller, goodbye
 *   POST /voicemail/transcribed   its transcription is ready (Record transcribeCallback)
 *   POST /sms                     a text message comes in: the reply
 *
 * The paths are under the app's public base URL (`baseUrl`, which may have a path of its own). Every URL in the
 * RCML is absolute: Restcomm resolves relative ones against the document they are in, but uses the transcription
 * callback exactly as written, so one rule for all is simpler.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { VoiceResponse, type RcmlResponse } from 'restcomm-cpaas/rcml';
import { parseWebhook, WebhookError, type WebhookKind } from 'restcomm-cpaas/webhooks';

export interface IvrConfig {
  /** Where Restcomm reaches this app, e.g. `https://ivr.acme.example`. */
  baseUrl: string;
  /** The sales line callers are transferred to, in E.164 form. */
  salesNumber: string;
  /** The name callers hear (default "Acme"). */
  company?: string;
  /** Seconds the sales line may ring before the caller is offered voicemail (default 20). */
  salesRingSeconds?: number;
}

export interface Voicemail {
  callSid: string;
  from: string;
  recordingUrl: string;
  seconds: number;
  /**
   * Set when Restcomm calls the transcription callback. The server sends only the call's parameters there; the text
   * is in the Transcriptions resource of the REST API (`TranscriptionText` is kept when a server does send it).
   */
  transcriptionReady: boolean;
  text?: string;
}

export interface Ivr {
  /** The request listener: `createServer(ivr.listener)`. */
  readonly listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Voicemails left since start, newest last (at most the last 1,000). */
  readonly voicemails: readonly Voicemail[];
}

const MAX_BODY_BYTES = 64 * 1024;
const MAX_VOICEMAILS = 1000;
const E164 = /^\+[1-9]\d{6,14}$/;

class HttpProblem extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** Builds the IVR from its configuration; nothing is read from globals or the environment. */
export function createIvr(config: IvrConfig): Ivr {
  const base = new URL(config.baseUrl); // throws on a malformed URL
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`baseUrl must be an http(s) URL, got ${config.baseUrl}`);
  if (!E164.test(config.salesNumber)) throw new Error(`salesNumber must be an E.164 number such as +15125550150, got ${config.salesNumber}`);
  const company = config.company ?? 'Acme';
  const ringSeconds = config.salesRingSeconds ?? 20;
  if (!Number.isInteger(ringSeconds) || ringSeconds < 1 || ringSeconds > 600) throw new Error(`salesRingSeconds must be a whole number of seconds from 1 to 600, got ${ringSeconds}`);
  const root = base.href.endsWith('/') ? base.href : `${base.href}/`;
  const prefix = new URL(root).pathname.slice(0, -1); // '' or '/ivr'
  /** The absolute URL of one of the app's paths. */
  const at = (path: string) => new URL(path.slice(1), root).href;
  const voicemails: Voicemail[] = [];

  /** The menu: DTMF or speech. When nothing comes, Gather falls through to the verbs after it. */
  function menu(attempt: 1 | 2): RcmlResponse {
    const r = new VoiceResponse();
    r.gather({ action: at(`/choice/${attempt}`), input: 'dtmf speech', numDigits: 1, timeout: 5, hints: ['sales', 'support'] })
      .say(`Thanks for calling ${company}. For sales, press 1 or say sales. For support, press 2 or say support.`);
    if (attempt === 1) r.redirect(at('/menu/2'));
    else r.say('We did not get your choice. Goodbye.').hangup();
    return r;
  }

  function voicemail(intro: string): RcmlResponse {
    const r = new VoiceResponse();
    r.say(`${intro} Please leave a message after the beep, and press the pound key when you are done.`);
    r.record({ action: at('/voicemail/done'), maxLength: 120, finishOnKey: '#', transcribeCallback: at('/voicemail/transcribed') });
    return r;
  }

  function choice(attempt: 1 | 2, digits: string, speech: string): RcmlResponse {
    const said = speech.toLowerCase();
    if (digits === '1' || said.includes('sales')) {
      const r = new VoiceResponse();
      r.say('Connecting you to sales.');
      r.dial({ action: at('/sales/done'), timeout: ringSeconds }).number(config.salesNumber);
      return r;
    }
    if (digits === '2' || said.includes('support')) return voicemail('Our support team will call you back.');
    const r = new VoiceResponse();
    if (attempt === 1) r.say('Sorry, that is not an option.').redirect(at('/menu/2'));
    else r.say('Sorry, that is not an option. Goodbye.').hangup();
    return r;
  }

  function salesDone(status: string): RcmlResponse {
    // completed: the caller talked to sales and sales hung up first; anything else means nobody took the call.
    if (status === 'completed') return new VoiceResponse().say('Thanks for calling. Goodbye.').hangup();
    return voicemail('Our sales team cannot take your call right now.');
  }

  function voicemailDone(call: { CallSid: string; From: string; RecordingUrl?: string; RecordingDuration: number; Digits: string }): RcmlResponse {
    const r = new VoiceResponse();
    // Restcomm requests the action even for an empty recording: no URL and a duration of 0.
    if (!call.RecordingUrl || call.RecordingDuration <= 0) return r.say('We did not get a message. Goodbye.').hangup();
    voicemails.push({ callSid: call.CallSid, from: call.From, recordingUrl: call.RecordingUrl, seconds: call.RecordingDuration, transcriptionReady: false });
    if (voicemails.length > MAX_VOICEMAILS) voicemails.shift();
    if (call.Digits === 'hangup') return r.hangup(); // the caller is gone: nothing more to say
    r.say('Thanks, we got your message. We are sending you a text to confirm.');
    // Sms without to/from: Restcomm sends it to the caller, from the number they called.
    r.sms(`${company}: we got your voicemail and will call you back within one business day. Reply HOURS for our opening hours.`);
    return r.say('Goodbye.').hangup();
  }

  function smsReply(body: string): RcmlResponse {
    const r = new VoiceResponse();
    if (body.trim().toUpperCase() === 'HOURS') return r.sms(`${company} is open Monday to Friday, 9 am to 5 pm.`);
    return r.sms(`Thanks for texting ${company}. Reply HOURS for our opening hours, or call us and press 2 to leave a message.`);
  }

  function route(path: string, params: URLSearchParams): RcmlResponse | undefined {
    const parse = <K extends WebhookKind>(kind: K) => parseWebhook(kind, params);
    switch (path) {
      case '/voice':
        parse('voiceRequest');
        return menu(1);
      case '/menu/2':
        parse('voiceRedirect');
        return menu(2);
      case '/choice/1':
      case '/choice/2': {
        const input = parse('gatherAction');
        return choice(path === '/choice/1' ? 1 : 2, input.Digits, input.SpeechResult);
      }
      case '/sales/done':
        return salesDone(parse('dialAction').DialCallStatus);
      case '/voicemail/done':
        return voicemailDone(parse('recordAction'));
      case '/voicemail/transcribed': {
        const done = parse('transcriptionCallback');
        const mail = voicemails.find((v) => v.callSid === done.CallSid);
        if (mail) {
          mail.transcriptionReady = true;
          if (done.TranscriptionText !== undefined) mail.text = done.TranscriptionText;
        }
        return undefined; // Restcomm ignores the answer
      }
      case '/sms':
        return smsReply(parse('smsRequest').Body);
      default:
        throw new HttpProblem(404, `no route ${path}`);
    }
  }

  async function readParams(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
    if (req.method === 'GET') return url.searchParams;
    if (req.method !== 'POST') throw new HttpProblem(405, `method ${req.method} not allowed`);
    let size = 0;
    const chunks: Buffer[] = [];
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) throw new HttpProblem(413, `body larger than ${MAX_BODY_BYTES} bytes`);
      chunks.push(chunk);
    }
    return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://ivr.invalid');
    readParams(req, url)
      .then((params) => {
        if (!url.pathname.startsWith(`${prefix}/`)) throw new HttpProblem(404, `no route ${url.pathname}`);
        const rcml = route(url.pathname.slice(prefix.length), params);
        if (rcml) res.writeHead(200, { 'Content-Type': 'application/xml' }).end(rcml.toXml());
        else res.writeHead(204).end();
      })
      .catch((error: unknown) => {
        // A request that is not what Restcomm sends (WebhookError names the problem) gets a 400, never RCML.
        const status = error instanceof HttpProblem ? error.status : error instanceof WebhookError ? 400 : 500;
        if (status === 500) console.error(error);
        if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain' }).end(error instanceof Error ? error.message : 'error');
        req.resume();
      });
  };

  return { listener, voicemails };
}
