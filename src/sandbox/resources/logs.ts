// Notifications and usage records (reference core/notifications.yaml, core/usage-records.yaml). Usage is computed
// from the stored calls, messages and numbers each time it is asked for.
import { json, jsonRow } from '../answers.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import { API_VERSION, isoDay } from '../ids.js';
import type { Row } from '../store.js';
import { dateRange, owned, paged, sortBy } from './common.js';

interface Bucket {
  category: string;
  description: string;
  unit: 'minutes' | 'segments' | 'numbers';
  countUnit: string;
  match: (ctx: HandlerContext) => Row[];
  usage: (rows: Row[]) => number;
}

const minutes = (rows: Row[]) => rows.reduce((sum, r) => sum + Math.ceil(((r.duration as number | undefined) ?? 0) / 60), 0);
const calls = (ctx: HandlerContext, filter: (r: Row) => boolean) => ctx.engine.store.list('calls', ctx.accountSid).filter(filter);
const sms = (ctx: HandlerContext, filter: (r: Row) => boolean) => ctx.engine.store.list('smsMessages', ctx.accountSid).filter(filter);

const buckets: Bucket[] = [
  { category: 'calls', description: 'Voice minutes', unit: 'minutes', countUnit: 'calls', match: (c) => calls(c, () => true), usage: minutes },
  { category: 'calls-inbound', description: 'Inbound voice minutes', unit: 'minutes', countUnit: 'calls', match: (c) => calls(c, (r) => r.direction === 'inbound'), usage: minutes },
  { category: 'calls-outbound', description: 'Outbound voice minutes', unit: 'minutes', countUnit: 'calls', match: (c) => calls(c, (r) => r.direction !== 'inbound'), usage: minutes },
  { category: 'sms', description: 'Messages', unit: 'segments', countUnit: 'messages', match: (c) => sms(c, () => true), usage: (r) => r.length },
  { category: 'sms-inbound', description: 'Inbound messages', unit: 'segments', countUnit: 'messages', match: (c) => sms(c, (r) => r.direction === 'inbound'), usage: (r) => r.length },
  { category: 'sms-outbound', description: 'Outbound messages', unit: 'segments', countUnit: 'messages', match: (c) => sms(c, (r) => r.direction !== 'inbound'), usage: (r) => r.length },
  { category: 'phonenumbers', description: 'Phone numbers', unit: 'numbers', countUnit: 'numbers', match: (c) => c.engine.store.list('incomingPhoneNumbers', c.accountSid), usage: (r) => r.length },
];

const dayMs = 86_400_000;

/** The periods a sub-resource divides time into, from the first activity to now, as [start, end] day strings. */
function periods(subresource: string, first: number, now: number): [number, number][] {
  const startOfDay = (ms: number) => Math.floor(ms / dayMs) * dayMs;
  const month = (ms: number, delta = 0) => {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + delta, 1);
  };
  switch (subresource) {
    case 'Today':
      return [[startOfDay(now), startOfDay(now)]];
    case 'Yesterday':
      return [[startOfDay(now) - dayMs, startOfDay(now) - dayMs]];
    case 'ThisMonth':
      return [[month(now), startOfDay(now)]];
    case 'LastMonth':
      return [[month(now, -1), month(now) - dayMs]];
    case 'AllTime':
      return [[startOfDay(first), startOfDay(now)]];
    case 'Daily': {
      const out: [number, number][] = [];
      for (let d = startOfDay(first); d <= now && out.length < 3660; d += dayMs) out.push([d, d]);
      return out;
    }
    case 'Monthly': {
      const out: [number, number][] = [];
      for (let m = month(first); m <= now && out.length < 1200; m = month(m, 1)) out.push([m, month(m, 1) - dayMs]);
      return out;
    }
    default: {
      const out: [number, number][] = [];
      for (let y = new Date(first).getUTCFullYear(); y <= new Date(now).getUTCFullYear(); y++) out.push([Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - dayMs]);
      return out;
    }
  }
}

export const logHandlers: HandlerTable = {
  listNotifications(ctx) {
    let rows = dateRange(ctx.engine.store.list('notifications', ctx.accountSid), ctx.query);
    if (ctx.query.ErrorCode !== undefined) rows = rows.filter((r) => String(r.error_code) === String(ctx.query.ErrorCode));
    if (ctx.query.RequestUrl !== undefined) rows = rows.filter((r) => r.request_url === String(ctx.query.RequestUrl));
    if (ctx.query.MessageText !== undefined) rows = rows.filter((r) => String(r.message_text ?? '').includes(String(ctx.query.MessageText)));
    rows = sortBy(rows, ctx.query, { DateCreated: 'date_created', Log: 'log', ErrorCode: 'error_code', CallSid: 'call_sid', MessageText: 'message_text' });
    return json(paged(ctx, rows, 'request'));
  },
  fetchNotification: (ctx) => jsonRow(owned(ctx, 'notifications', ctx.path.NotificationSid)),

  listUsageRecords(ctx) {
    const subresource = ctx.path.Subresource!;
    const wanted = ctx.query.Category === undefined ? undefined : String(ctx.query.Category).toLowerCase().replace(/_/g, '-');
    const now = ctx.engine.now();
    const account = ctx.engine.store.get('accounts', ctx.accountSid)!;
    const first = Date.parse((account.date_created as string).replace(/ \+0000$/, ' GMT'));
    const startFilter = ctx.query.StartDate === undefined ? -Infinity : Date.parse(`${String(ctx.query.StartDate)}T00:00:00Z`);
    const endFilter = ctx.query.EndDate === undefined ? Infinity : Date.parse(`${String(ctx.query.EndDate)}T00:00:00Z`);
    const records: Record<string, unknown>[] = [];
    for (const bucket of buckets) {
      if (wanted !== undefined && bucket.category !== wanted) continue;
      const rows = bucket.match(ctx);
      for (const [start, end] of periods(subresource, Number.isFinite(first) ? first : now, now)) {
        if (end < startFilter || start > endFilter) continue;
        const inPeriod = rows.filter((r) => {
          const at = (r.$createdAt as number | undefined) ?? Date.parse((r.date_created as string).replace(/ \+0000$/, ' GMT'));
          return at >= start && at < end + dayMs;
        });
        const startDate = isoDay(start);
        const endDate = isoDay(end);
        records.push({
          category: bucket.category,
          description: bucket.description,
          account_sid: ctx.accountSid,
          start_date: startDate,
          end_date: endDate,
          usage: String(bucket.usage(inPeriod)),
          usage_unit: bucket.unit,
          count: String(inPeriod.length),
          count_unit: bucket.countUnit,
          price: '0',
          price_unit: 'USD',
          uri: `/${API_VERSION}/Accounts/${ctx.accountSid}/Usage/Records/${subresource}?Category=${bucket.category}&StartDate=${startDate}&EndDate=${endDate}`,
        });
      }
    }
    return json(records);
  },
};
