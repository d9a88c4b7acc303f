// Calls through the REST API (reference core/calls.yaml); the life cycle itself is in ../call-lifecycle.ts.
import { HttpError, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { hangUp, isFinal, redirect, startOutboundCall, type CallSettings } from '../call-lifecycle.js';
import { INSTANCE_ID } from '../engine.js';
import { API_VERSION, newCallSid } from '../ids.js';
import { view, type Row } from '../store.js';
import { dateRange, filterBy, method, paged, sortBy, str } from './common.js';
import { setParticipantMuted } from './conferences.js';

const callSort = { DateCreated: 'date_created', From: 'from', To: 'to', Direction: 'direction', Status: 'status', Duration: 'duration' };

export const callHandlers: HandlerTable = {
  createCall(ctx) {
    const sid = newCallSid(INSTANCE_ID);
    const apiVersion = str(ctx.body.ApiVersion) ?? API_VERSION;
    const timeout = ctx.body.Timeout === undefined ? 30 : Number(ctx.body.Timeout);
    const settings: CallSettings = {
      url: str(ctx.body.Url)!,
      method: method(ctx.body.Method),
      ...(ctx.body.FallbackUrl ? { fallbackUrl: str(ctx.body.FallbackUrl)! } : {}),
      fallbackMethod: method(ctx.body.FallbackMethod),
      ...(ctx.body.StatusCallback ? { statusCallback: str(ctx.body.StatusCallback)! } : {}),
      statusCallbackMethod: method(ctx.body.StatusCallbackMethod),
      timeoutSeconds: Number.isFinite(timeout) && timeout > 0 ? timeout : 30,
    };
    const number = [...ctx.engine.store.tables.incomingPhoneNumbers.values()].find((n) => n.account_sid === ctx.accountSid && n.phone_number === ctx.body.From);
    const row: Row = {
      sid,
      InstanceId: INSTANCE_ID,
      ...ctx.engine.stamps(),
      account_sid: ctx.accountSid,
      to: str(ctx.body.To)!,
      from: str(ctx.body.From)!,
      ...(number ? { phone_number_sid: number.sid } : {}),
      status: 'queued',
      direction: 'outbound-api',
      api_version: apiVersion,
      uri: `/${apiVersion}/Accounts/${ctx.accountSid}/Calls/${sid}.json`,
      subresource_uris: {
        notifications: `/${apiVersion}/Accounts/${ctx.accountSid}/Calls/${sid}/Notifications.json`,
        recordings: `/${apiVersion}/Accounts/${ctx.accountSid}/Calls/${sid}/Recordings.json`,
      },
      $createdAt: ctx.engine.now(),
      $settings: settings,
    };
    ctx.engine.put('calls', row);
    ctx.engine.record('status', { sid, status: 'queued' });
    startOutboundCall(ctx.engine, row);
    return jsonRow(row);
  },
  listCalls(ctx) {
    let rows = ctx.engine.store.list('calls', ctx.accountSid);
    rows = filterBy(rows, ctx.query, { To: 'to', From: 'from', Status: 'status', ParentCallSid: 'parent_call_sid' });
    rows = dateRange(rows, ctx.query);
    rows = ctx.query.SortBy === undefined && ctx.query.Reverse === true ? [...rows].reverse() : sortBy(rows, ctx.query, callSort);
    return json(paged(ctx, rows, 'api'));
  },
  fetchCall(ctx) {
    const row = ctx.engine.store.get('calls', ctx.path.CallSid!);
    if (!row || row.account_sid !== ctx.accountSid) throw new HttpError(404, 'No such call');
    return jsonRow(row);
  },
  updateCall(ctx) {
    const row = ctx.engine.store.get('calls', ctx.path.CallSid!);
    // The server answers 406 for an unknown call and 410 for one that has ended.
    if (!row || row.account_sid !== ctx.accountSid) throw new HttpError(406, 'No such call');
    if (isFinal(row.status)) throw new HttpError(410, 'Call is already completed.'); // the server's text (core/calls.yaml updateCall 410)
    // The server answers with the record as it was before the change (calls.yaml updateCall 200).
    const before = view(row);
    const status = str(ctx.body.Status);
    if (status === 'completed' || status === 'canceled') hangUp(ctx.engine, row);
    else if (ctx.body.Url !== undefined) redirect(ctx.engine, row, str(ctx.body.Url)!, method(ctx.body.Method));
    // Mute is read as false when absent, so any update unmutes a conference participant (calls.yaml updateCall).
    const participant = ctx.engine.store.get('participants', row.sid);
    if (participant) setParticipantMuted(ctx.engine, participant, ctx.body.Mute === true, 'updateCall');
    return json(before);
  },
  listCallRecordings(ctx) {
    return json(ctx.engine.store.list('recordings', ctx.accountSid).filter((r) => r.call_sid === ctx.path.CallSid).map(view));
  },
};
