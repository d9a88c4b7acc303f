// SMS and email through the REST API (reference core/sms-messages.yaml, core/email.yaml).
import { json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { isoTime } from '../ids.js';
import { smsRow, startOutboundSms } from '../sms-lifecycle.js';
import { dateRange, filterBy, method, owned, paged, sortBy, str } from './common.js';

export const messagingHandlers: HandlerTable = {
  createSmsMessage(ctx) {
    const row = smsRow(ctx.engine, {
      accountSid: ctx.accountSid,
      from: str(ctx.body.From)!,
      to: str(ctx.body.To)!,
      body: str(ctx.body.Body)!,
      status: 'queued',
      direction: 'outbound-api',
      ...(ctx.body.StatusCallback ? { statusCallback: str(ctx.body.StatusCallback)!, statusCallbackMethod: method(ctx.body.StatusCallbackMethod) } : {}),
    });
    ctx.engine.record('sms-status', { sid: row.sid, status: 'queued' });
    startOutboundSms(ctx.engine, row);
    return jsonRow(row);
  },
  listSmsMessages(ctx) {
    let rows = filterBy(ctx.engine.store.list('smsMessages', ctx.accountSid), ctx.query, { To: 'to', From: 'from', Status: 'status' });
    const body = ctx.query.Body;
    if (body !== undefined) rows = rows.filter((r) => String(r.body ?? '').includes(String(body)));
    rows = sortBy(dateRange(rows, ctx.query), ctx.query, { DateCreated: 'date_created', From: 'from', To: 'to', Direction: 'direction', Status: 'status', Body: 'body' });
    return json(paged(ctx, rows, 'request'));
  },
  fetchSmsMessage: (ctx) => jsonRow(owned(ctx, 'smsMessages', ctx.path.SmsMessageSid)),

  createEmailMessage(ctx) {
    const message = {
      date_sent: isoTime(ctx.engine.now()),
      account_sid: ctx.accountSid,
      from: str(ctx.body.From)!,
      to: str(ctx.body.To)!,
      body: str(ctx.body.Body)!,
      subject: str(ctx.body.Subject)!,
    };
    // Email is not stored by the server (there is no list); the event log keeps it for tests.
    ctx.engine.record('email', { ...message });
    return json(message);
  },
};
