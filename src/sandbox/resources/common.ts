// Helpers the resource handlers share.
import { HttpError, jsonRow } from '../answers.js';
import type { Answer } from '../contract.js';
import { API_VERSION, newSid } from '../ids.js';
import type { HandlerContext } from '../context.js';
import { page } from '../paging.js';
import type { Row, TableName } from '../store.js';

/** A row of the account in the path, or 404 (the server checks ownership too: another account's SID is 404 here). */
export function owned(ctx: HandlerContext, table: TableName, sid: string | undefined): Row {
  const row = sid === undefined ? undefined : ctx.engine.store.get(table, sid);
  if (!row || row.account_sid !== ctx.accountSid) throw new HttpError(404, `No such resource ${sid ?? ''}`);
  return row;
}

/** The page of `rows` this list operation answers with (its items member comes from the operation table). */
export function paged(ctx: HandlerContext, rows: readonly Row[], uriStyle: 'api' | 'request'): Record<string, unknown> {
  const list = ctx.entry.list;
  if (!list || list.kind !== 'page') throw new Error(`${ctx.operationId} is not a paged list`);
  const withoutJson = ctx.requestPath.replace(/\.json$/, '');
  // Calls, Conferences, Participants and IncomingPhoneNumbers write `/2012-04-24/…`; the others the request path.
  const uri = uriStyle === 'api' ? withoutJson.replace(/^\/restcomm(?=\/2012-04-24\/)/, '').replace(/^(?!\/2012-04-24\/)/, '/2012-04-24') : withoutJson;
  return page(rows, ctx.query, uri, list.itemsKey);
}

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : value === undefined ? undefined : String(value));
export const method = (value: unknown, fallback: 'GET' | 'POST' = 'POST'): 'GET' | 'POST' => (String(value ?? '').toUpperCase() === 'GET' ? 'GET' : String(value ?? '') === '' ? fallback : 'POST');

/** Copies the present form fields onto row members (`FriendlyName` → `friendly_name`). */
export function assign(row: Row, body: Readonly<Record<string, unknown>>, fields: Readonly<Record<string, string>>): void {
  for (const [field, member] of Object.entries(fields)) if (body[field] !== undefined) row[member] = body[field];
}

/** Keeps rows whose member equals the query value, for each query parameter given. */
export function filterBy(rows: Row[], query: Readonly<Record<string, unknown>>, fields: Readonly<Record<string, string>>): Row[] {
  let out = rows;
  for (const [param, member] of Object.entries(fields)) {
    const wanted = query[param];
    if (wanted !== undefined) out = out.filter((r) => String(r[member]) === String(wanted));
  }
  return out;
}

/** `SortBy=<Field>[:asc|:desc]`; an empty field or another direction is 400 `{message}`, unknown fields are ignored. */
export function sortBy(rows: Row[], query: Readonly<Record<string, unknown>>, fields: Readonly<Record<string, string>>): Row[] {
  const spec = query.SortBy;
  if (spec === undefined) return rows;
  const [field, direction = 'asc', ...rest] = String(spec).split(':');
  if (!field || rest.length || !['asc', 'desc'].includes(direction.toLowerCase())) throw new HttpError(400, `SortBy must be <Field>[:asc|:desc], got ${String(spec)}`);
  const member = fields[field];
  if (!member) return rows;
  const sign = direction.toLowerCase() === 'desc' ? -1 : 1;
  const key = (r: Row) => (member === 'date_created' ? (r.$createdAt as number) ?? Date.parse(r.date_created as string) : r[member]);
  return [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x === y ? 0 : (x as number) < (y as number) ? -sign : sign;
  });
}

/** `StartTime`/`EndTime` day filters (yyyy-MM-dd, inclusive) on the row's creation time. */
export function dateRange(rows: Row[], query: Readonly<Record<string, unknown>>): Row[] {
  const day = (name: string, endOfDay: boolean): number | undefined => {
    const text = query[name];
    if (text === undefined) return undefined;
    const m = /^(\d{4}-\d{2}-\d{2})/.exec(String(text));
    if (!m) throw new HttpError(400, `${name} must start with yyyy-MM-dd`);
    return Date.parse(`${m[1]}T00:00:00Z`) + (endOfDay ? 86_400_000 - 1 : 0);
  };
  const from = day('StartTime', false);
  const to = day('EndTime', true);
  if (from === undefined && to === undefined) return rows;
  return rows.filter((r) => {
    const at = (r.$createdAt as number | undefined) ?? Date.parse(r.date_created as string);
    return (from === undefined || at >= from) && (to === undefined || at <= to);
  });
}

/** What every stored resource starts with: its SID, dates, account, API version and `uri` under `collection`. */
export function baseRow(ctx: HandlerContext, prefix: string, collection: string): Row {
  const sid = newSid(prefix);
  const apiVersion = str(ctx.body.ApiVersion) ?? API_VERSION;
  return { sid, ...ctx.engine.stamps(), account_sid: ctx.accountSid, api_version: apiVersion, uri: `/${apiVersion}/Accounts/${ctx.accountSid}/${collection}/${sid}.json` };
}

/** An update: the path's resource of the account (404 otherwise), changed by `apply`, stamped and answered. */
export function updated(ctx: HandlerContext, table: TableName, sid: string | undefined, apply: (row: Row) => void): Answer {
  const row = owned(ctx, table, sid);
  apply(row);
  ctx.engine.touch(row);
  return jsonRow(row);
}
