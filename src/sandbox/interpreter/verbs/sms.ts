// <Sms>: sends a text message (rcml.yaml verbs.Sms), in a call (voice, call screening) or in answer to an inbound
// message (sms). The message is an SMS resource with the sandbox's outbound life cycle; its `action` URL is requested at
// once with SmsStatus=sending, and the same URL then gets the message's status callbacks.
import { voiceParams } from '../../call-lifecycle.js';
import { smsRow, startOutboundSms } from '../../sms-lifecycle.js';
import type { VerbHandler } from '../verb.js';
import { methodAttr, urlAttr } from './attributes.js';
import { skipVerb } from './skip.js';

export const sms: VerbHandler = async (el, ctx) => {
  const body = ctx.text(el);
  if (!body) {
    // An empty body is an error and the interpreter stops (rcml.yaml verbs.Sms.text).
    ctx.notify(14103, 'error', 'The Sms body is empty.');
    ctx.record({ type: 'verb', verb: 'Sms', outcome: 'failed', reason: 'the message body is empty; the server stops' });
    return { hangup: true };
  }
  // Defaults: in a call, to the caller from the number called; in an SMS session, back to the sender from the
  // number that received the message (rcml.yaml verbs.Sms.to/from). An empty value means the default.
  let party: { accountSid: string; from: string; to: string; replyDepth?: number } | undefined;
  if (ctx.context === 'sms') {
    const inbound = ctx.engine.store.get('smsMessages', ctx.sid);
    // An answer is one link more in a chain of messages between the sandbox's numbers (sms-lifecycle MAX_REPLY_CHAIN).
    if (inbound) party = { accountSid: inbound.account_sid as string, from: inbound.to as string, to: inbound.from as string, replyDepth: ((inbound.$replyDepth as number | undefined) ?? 0) + 1 };
  } else {
    const call = ctx.engine.store.get('calls', ctx.sid);
    if (call) {
      const params = new Map(voiceParams(call));
      party = { accountSid: call.account_sid as string, from: params.get('To')!, to: params.get('From')! };
    }
  }
  if (!party) return skipVerb(el, ctx, 'no call or message to send from');
  const to = ctx.attr(el, 'to') || party.to;
  const from = ctx.attr(el, 'from') || party.from;
  const action = urlAttr(el, ctx, 'action');
  const method = methodAttr(el, ctx, 'method', 14104);

  const message = smsRow(ctx.engine, {
    accountSid: party.accountSid,
    from,
    to,
    body,
    status: 'queued',
    // The server's direction values (core/sms-messages.yaml): sent during a call, or in answer to a message.
    direction: ctx.context === 'sms' ? 'outbound-reply' : 'outbound-call',
    ...(action ? { statusCallback: action, statusCallbackMethod: method } : {}),
  });
  if (party.replyDepth !== undefined) message.$replyDepth = party.replyDepth;
  ctx.record({ type: 'resource', resource: 'SmsMessage', sid: message.sid });
  ctx.record({ type: 'verb', verb: 'Sms', outcome: 'sent', to, from, body, messageSid: message.sid, ...(action ? { action, method } : {}) });
  startOutboundSms(ctx.engine, message);
  if (!action) return { next: true };
  // In a call the request carries the call's parameters (no SmsSid); in an SMS session, the inbound message's.
  return { fetch: { url: action, method, kind: ctx.context === 'sms' ? 'smsAction' : 'voiceSmsAction', extra: [['SmsStatus', 'sending']] } };
};
