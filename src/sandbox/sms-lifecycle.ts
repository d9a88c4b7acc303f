/**
 * SMS on the virtual clock. An outbound message goes queued → sending → sent → delivered, with a status callback for
 * `sent` (the SMPP submit answer) and `delivered` (the delivery receipt), carrying `Body` twice as the server does.
 * An inbound message (`receiveSms`) is stored as `received` and the number's `SmsUrl` is asked for RCML; running
 * that RCML (Sms, Redirect, Email) belongs to a full interpreter, so the sandbox only checks the answer's type.
 */
import { parseXml, XmlSyntaxError } from '../rcml/xml.js';
import { deliver } from './call-lifecycle.js';
import type { Engine } from './engine.js';
import { API_VERSION, isoTime, newSid } from './ids.js';
import type { Row } from './store.js';

export const SEND_AFTER_MS = 1000;
export const DELIVER_AFTER_MS = 2000;

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
    // A message to one of the sandbox's own numbers arrives there as an inbound message.
    const to = sms.to as string;
    if ([...engine.store.tables.incomingPhoneNumbers.values()].some((n) => n.phone_number === to)) {
      receiveSms(engine, { from: sms.from as string, to, body: sms.body as string });
    }
  });
}

/** An inbound message to a number of the sandbox: stored, then the number's `SmsUrl` is requested when the clock runs. */
export function receiveSms(engine: Engine, input: { from: string; to: string; body: string }): Row {
  for (const [name, value] of Object.entries(input)) {
    if (typeof value !== 'string') throw new TypeError(`receiveSms: ${name} must be a string, got ${typeof value}`);
  }
  if (!input.from || !input.to) throw new TypeError('receiveSms: from and to must not be empty');
  if (input.body.length > 1600) throw new RangeError(`receiveSms: body has ${input.body.length} characters; at most 1600`);
  const number = [...engine.store.tables.incomingPhoneNumbers.values()].find((n) => n.phone_number === input.to);
  if (!number) throw new Error(`receiveSms: no incoming phone number ${input.to} in the sandbox; buy it first`);
  const sms = smsRow(engine, { accountSid: number.account_sid as string, from: input.from, to: input.to, body: input.body, status: 'received', direction: 'inbound' });
  const url = (number.sms_url as string | null) ?? undefined;
  if (url) {
    const method = ((number.sms_method as string | null) ?? 'POST') as 'GET' | 'POST';
    engine.clock.spawn(async () => {
      await engine.clock.sleep(0);
      const params: [string, string][] = [
        ['SmsSid', sms.sid],
        ['AccountSid', sms.account_sid as string],
        ['From', input.from],
        ['To', input.to],
        ['Body', input.body],
      ];
      const outcome = await deliver(engine, sms, { kind: 'smsRequest', url, method, params });
      if (!outcome.ok) {
        if (outcome.status === 404) engine.notify({ accountSid: sms.account_sid as string, callSid: sms.sid, code: 21402, level: 'warning', text: `URL Not Found : ${url}`, requestUrl: url, requestMethod: method });
        return;
      }
      const type = outcome.contentType.split(';')[0]!.trim().toLowerCase();
      // SMS sessions take only the three XML/HTML types; anything else stops the session with notification 12300.
      if (!['text/xml', 'application/xml', 'text/html'].includes(type)) {
        engine.notify({ accountSid: sms.account_sid as string, callSid: sms.sid, code: 12300, level: 'error', text: `Invalid content type ${type || '(none)'}`, requestUrl: url, requestMethod: method });
        return;
      }
      try {
        parseXml(outcome.body, { bareAmpersands: 'literal' });
      } catch (error) {
        if (!(error instanceof XmlSyntaxError)) throw error;
        engine.record('sms-rcml-invalid', { sid: sms.sid, error: error.message });
      }
    });
  }
  return sms;
}
