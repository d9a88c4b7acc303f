// Conferences and their participants through the REST API (reference core/conferences.yaml, participants.yaml). Only
// `<Dial><Conference>` creates them (src/sandbox/interpreter/verbs/conference.ts); here they are read, and a
// participant is muted or unmuted.
import { HttpError, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import type { Engine } from '../engine.js';
import { view, type Row } from '../store.js';
import { owned, paged } from './common.js';

/**
 * The participant row of a call, or the call itself in the participant's shape: the server looks participants up by
 * call SID alone, so any call of the account answers (participants.yaml, getParticipant notes).
 */
function participantOf(engine: Engine, accountSid: string, callSid: string): Row | undefined {
  const row = engine.store.get('participants', callSid);
  if (row) return row.account_sid === accountSid ? row : undefined;
  const call = engine.store.get('calls', callSid);
  if (!call || call.account_sid !== accountSid) return undefined;
  return {
    sid: call.sid,
    // The server's JSON takes `conference_sid` from the call's parent call SID (participants.yaml, server bug).
    ...(call.parent_call_sid ? { conference_sid: call.parent_call_sid } : {}),
    date_created: call.date_created,
    date_updated: call.date_updated,
    account_sid: call.account_sid,
    uri: call.uri,
  };
}

/** Mute or unmute a conference participant; only a call in progress changes (participants.yaml, updateParticipant). */
export function setParticipantMuted(engine: Engine, row: Row, muted: boolean, by: string): void {
  const call = engine.store.get('calls', row.sid);
  if (call?.status !== 'in-progress' || row.$left || row.muted === muted) return;
  row.muted = muted;
  engine.touch(row);
  engine.record('resource', { sid: row.sid, resource: 'Participant', change: muted ? 'muted' : 'unmuted', by, conferenceSid: row.$conference });
}

/** SQL `LIKE`: `%` any run of characters, `_` any one character, the rest literal. */
function like(pattern: string, value: string): boolean {
  const source = [...pattern].map((c) => (c === '%' ? '.*' : c === '_' ? '.' : c.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, 's').test(value);
}

/** A `yyyy-MM-dd` query value as the UTC midnight it starts with; anything else is a 400, as on the server. */
function day(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{4}-\d{2}-\d{2})$/.exec(String(value));
  const at = match ? Date.parse(`${match[1]}T00:00:00Z`) : NaN;
  if (Number.isNaN(at)) throw new HttpError(400, `${name} must be a date written yyyy-MM-dd`);
  return at;
}

/**
 * Conferences that were running when the state was saved have no participants after a reload (their calls ended as a
 * hang-up would end them): they are completed, and their participants have left.
 */
export function endInterruptedConferences(engine: Engine): void {
  for (const row of engine.store.tables.participants.values()) if (!row.$left && engine.store.get('calls', row.sid)?.status !== 'in-progress') row.$left = true;
  for (const row of engine.store.tables.conferences.values()) if (row.status !== 'COMPLETED' && row.status !== 'FAILED') row.status = 'COMPLETED';
}

export const conferenceHandlers: HandlerTable = {
  listConferences(ctx) {
    let rows = ctx.engine.store.list('conferences', ctx.accountSid);
    // Status and FriendlyName are SQL LIKE patterns; DateCreated is "on or after", DateUpdated "up to the end of" a day.
    for (const [param, member] of [['Status', 'status'], ['FriendlyName', 'friendly_name']] as const) {
      const pattern = ctx.query[param];
      if (pattern !== undefined) rows = rows.filter((r) => like(String(pattern), String(r[member])));
    }
    const created = day(ctx.query.DateCreated, 'DateCreated');
    const updated = day(ctx.query.DateUpdated, 'DateUpdated');
    if (created !== undefined) rows = rows.filter((r) => Date.parse(r.date_created as string) >= created);
    if (updated !== undefined) rows = rows.filter((r) => Date.parse(r.date_updated as string) < updated + 86_400_000);
    return json(paged(ctx, rows, 'api'));
  },
  fetchConference: (ctx) => jsonRow(owned(ctx, 'conferences', ctx.path.ConferenceSid)),
  listParticipants(ctx) {
    // Only calls still in the conference are listed; an unknown conference has none (the operation declares no 404).
    const rows = ctx.engine.store.list('participants', ctx.accountSid).filter((p) => p.$conference === ctx.path.ConferenceSid && !p.$left);
    return json(paged(ctx, rows, 'api'));
  },
  fetchParticipant(ctx) {
    // The conference segment of the path is ignored, as the server ignores it.
    const row = participantOf(ctx.engine, ctx.accountSid, ctx.path.CallSid!);
    if (!row) throw new HttpError(404, 'No such call');
    return jsonRow(row);
  },
  updateParticipant(ctx) {
    const row = participantOf(ctx.engine, ctx.accountSid, ctx.path.CallSid!);
    if (!row) throw new HttpError(406, 'No such call');
    // The answer is the participant as read before the change; an absent Mute unmutes.
    const before = view(row);
    if (ctx.engine.store.get('participants', row.sid) === row) setParticipantMuted(ctx.engine, row, ctx.body.Mute === true, 'updateParticipant');
    return json(before);
  },
};
