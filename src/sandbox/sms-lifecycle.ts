/**
 * SMS on the virtual clock. An outbound message goes queued → sending → sent → delivered, with a status callback for
 * `sent` (the SMPP submit answer) and `delivered` (the delivery receipt), carrying `Body` twice as the server does.
 * An inbound message (`receiveSms`) is stored as `received` and the number's `SmsUrl` is asked for RCML, which runs
 * in the `sms` context (Sms, Redirect, Email; rcml.yaml contexts.sms).
 */
import { deliver, fetchDocument } from './call-lifecycle.js';
import type { Engine } from './engine.js';
import { API_VERSION, isoTime, newSid } from './ids.js';
import type { RcmlSession } from './rcml-runner.js';
import type { Row } from './store.js';

export const SEND_AFTER_MS = 1000;
export const DELIVER_AFTER_MS = 2000;
/**
 * How many messages answering messages the sandbox passes between its own numbers: an `<Sms>` answering an inbound
 * message that was itself sent by an application is one link more. The server has no such bound.
 */
export const MAX_REPLY_CHAIN = 10;
/** The longest inbound message the sandbox takes (`receiveSms`, and messages between its own numbers). */
export const MAX_INBOUND_BODY = 1600;

export function smsRow(engine: Engine, input: { accountSid: string; from: string; to: string; body: string; status: string; direction: string; statusCallback?: string; statusCallbackMethod?: 'GET' | 'POST' }): Row {
  const sid = newSid('SM');
  return engine.put('smsMessages', {
    sid,
    ...engine.stamps(),
    account_sid: input.accountSid,
    from: input.from,
    to: input.to,
    body: input.body,
    status: input.status,
    direction: input.direction,
    price: '0',
    price_unit: 'USD',
    api_version: API_VERSION,
    uri: `/${API_VERSION}/Accounts/${input.accountSid}/SMS/Messages/${sid}.json`,
    ...(input.status === 'received' ? { date_sent: isoTime(engine.now()) } : {}),
    $createdAt: engine.now(),
    ...(input.statusCallback ? { $statusCallback: input.statusCallback, $statusCallbackMethod: input.statusCallbackMethod ?? 'POST' } : {}),
  });
}

function setSmsStatus(engine: Engine, sms: Row, status: string): void {
  sms.status = status;
  if (status === 'sent') sms.date_sent = isoTime(engine.now());
  engine.touch(sms);
  engine.record('sms-status', { sid: sms.sid, status });
}

async function statusCallback(engine: Engine, sms: Row): Promise<void> {
  const url = sms.$statusCallback as string | undefined;
  if (!url) return;
  await deliver(engine, sms, {
    kind: 'smsStatusCallback',
    url,
    method: (sms.$statusCallbackMethod as 'GET' | 'POST' | undefined) ?? 'POST',
    params: [
      ['From', sms.from as string],
      ['To', sms.to as string],
      ['Body', sms.body as string],
      ['AccountSid', sms.account_sid as string],
      ['MessageSid', sms.sid],
      ['MessageStatus', sms.status as string],
      ['Body', sms.body as string],
    ],
  });
}

/** Moves a stored outbound message through its statuses. */
export function startOutboundSms(engine: Engine, sms: Row): void {
  engine.clock.spawn(async () => {
    await engine.clock.sleep(0);
    setSmsStatus(engine, sms, 'sending');
    await engine.clock.sleep(SEND_AFTER_MS);
    setSmsStatus(engine, sms, 'sent');
    await statusCallback(engine, sms);
    await engine.clock.sleep(DELIVER_AFTER_MS);
    setSmsStatus(engine, sms, 'delivered');
    await statusCallback(engine, sms);
    // A message to one of the sandbox's own numbers arrives there as an inbound message, unless it answers a chain of
    // MAX_REPLY_CHAIN such messages already (two numbers whose applications answer each other would never stop).
    const to = sms.to as string;
    if (![...engine.store.tables.incomingPhoneNumbers.values()].some((n) => n.phone_number === to)) return;
    const depth = (sms.$replyDepth as number | undefined) ?? 0;
    if (depth >= MAX_REPLY_CHAIN) return void engine.record('sms-not-delivered', { sid: sms.sid, reason: `it answers a chain of ${depth} messages between the sandbox's numbers (the sandbox's bound)` });
    const length = (sms.body as string).length;
    if (length > MAX_INBOUND_BODY) return void engine.record('sms-not-delivered', { sid: sms.sid, reason: `its body has ${length} characters; an inbound message has at most ${MAX_INBOUND_BODY}` });
    receiveSms(engine, { from: sms.from as string, to, body: sms.body as string }).$replyDepth = depth;
  });
}

/** The parameters of an SMS request for an inbound message (reference webhooks.yaml `sms_request`). */
export function smsParams(sms: Row): [string, string][] {
  return [
    ['SmsSid', sms.sid],
    ['AccountSid', sms.account_sid as string],
    ['From', sms.from as string],
    ['To', sms.to as string],
    ['Body', sms.body as string],
  ];
}

/**
 * The session of an SMS application: its RCML runs once, in the `sms` context, for the inbound message; Redirects
 * and actions request further documents with the SMS request's parameters. Failures write the server's
 * Notification (12300 for an answer that is not XML/HTML) and stop the session; the message itself stays `received`.
 */
function smsSession(engine: Engine, sms: Row, url: string, method: 'GET' | 'POST'): RcmlSession {
  let current = url;
  let currentMethod = method;
  let stopped = false;
  return {
    get call() {
      return engine.view(sms);
    },
    get documentUrl() {
      return current;
    },
    context: 'sms',
    sleep: (ms) => engine.clock.sleep(ms),
    get ended() {
      return stopped;
    },
    record: (event, detail = {}) => engine.record(event, { sid: sms.sid, ...detail }),
    notify: (code, level, text) => void engine.notify({ accountSid: sms.account_sid as string, callSid: sms.sid, code, level, text, requestUrl: current, requestMethod: currentMethod }),
    end() {
      stopped = true;
    },
    async fetch(request) {
      const next = await fetchDocument(engine, sms, { ...request, url: new URL(request.url, current).href, context: 'sms' }, undefined, smsParams(sms));
      if (!next.ok) {
        stopped = true;
        return undefined;
      }
      current = next.url;
      currentMethod = request.method;
      return { root: next.root, url: next.url };
    },
    interpret(root) {
      return engine.interpreter.run(root, this);
    },
  };
}

/** An inbound message to a number of the sandbox: stored, then the number's `SmsUrl` is requested when the clock runs. */
export function receiveSms(engine: Engine, input: { from: string; to: string; body: string }): Row {
  if (input === null || typeof input !== 'object') throw new TypeError('receiveSms: expected { from, to, body }');
  for (const name of ['from', 'to', 'body'] as const) {
    const value: unknown = input[name];
    if (typeof value !== 'string') throw new TypeError(`receiveSms: ${name} must be a string, got ${typeof value}`);
  }
  if (!input.from || !input.to) throw new TypeError('receiveSms: from and to must not be empty');
  if (input.from.length > 256 || input.to.length > 256) throw new RangeError('receiveSms: from and to have at most 256 characters');
  if (input.body.length > MAX_INBOUND_BODY) throw new RangeError(`receiveSms: body has ${input.body.length} characters; at most ${MAX_INBOUND_BODY}`);
  const number = [...engine.store.tables.incomingPhoneNumbers.values()].find((n) => n.phone_number === input.to);
  if (!number) throw new Error(`receiveSms: no incoming phone number ${input.to} in the sandbox; buy it first`);
  const sms = smsRow(engine, { accountSid: number.account_sid as string, from: input.from, to: input.to, body: input.body, status: 'received', direction: 'inbound' });
  engine.record('status', { sid: sms.sid, status: 'received' });
  const url = (number.sms_url as string | null) ?? undefined;
  if (url) {
    const method = ((number.sms_method as string | null) ?? 'POST') as 'GET' | 'POST';
    const fallbackUrl = (number.sms_fallback_url as string | null) ?? undefined;
    const fallbackMethod = ((number.sms_fallback_method as string | null) ?? 'POST') as 'GET' | 'POST';
    const runSmsApplication = async () => {
      await engine.clock.sleep(0);
      // The fallback gets the same SMS request (the spec has no separate SMS fallback webhook).
      const fallback = fallbackUrl ? { url: fallbackUrl, method: fallbackMethod, kind: 'smsRequest' as const, context: 'sms' as const } : undefined;
      const fetched = await fetchDocument(engine, sms, { url, method, kind: 'smsRequest', context: 'sms' }, fallback, smsParams(sms));
      if (!fetched.ok) return;
      await engine.runner.run(fetched.root, smsSession(engine, sms, fetched.url, method));
    };
    engine.liveMessages.add(sms.sid);
    engine.clock.spawn(async () => {
      try {
        await runSmsApplication();
      } finally {
        engine.liveMessages.delete(sms.sid);
        engine.runtimes.delete(sms.sid);
      }
    });
  }
  return sms;
}
