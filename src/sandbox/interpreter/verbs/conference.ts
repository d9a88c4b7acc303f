/**
 * `<Dial><Conference>` (rcml.yaml nouns.Conference): the call joins a room of its account, kept as a Conference
 * resource with one Participant per call in it (core/conferences.yaml, participants.yaml). A participant with
 * `startConferenceOnEnter="false"` waits, hearing the `waitUrl` (run in the conference-wait context, where only Play
 * and Say are allowed), until one with `true` joins. A participant stays until the caller hangs up, its Dial's
 * `timeLimit` passes, or a participant with `endConferenceOnExit="true"` leaves; then the Dial's `action` is requested
 * (webhooks.yaml `dial_action_conference`) or the next verb runs.
 */
import type { XmlElement } from '../../../rcml/xml.js';
import type { Engine } from '../../engine.js';
import { API_VERSION, newSid } from '../../ids.js';
import type { RcmlSession } from '../../rcml-runner.js';
import type { Row } from '../../store.js';
import { localName, type VerbContext, type VerbOutcome, type VerbResult } from '../verb.js';
import { flagAttr, intAttr, methodAttr, resolveUrl } from './attributes.js';
import type { DialSettings } from './dial.js';
import { stayOnLine } from './stay.js';

/** What waiting participants hear when `waitUrl` is absent or empty (rcml.yaml nouns.Conference waitUrl default). */
export const DEFAULT_WAIT_MUSIC = '/restcomm/music/electronica/teru_-_110_Downtempo_Electronic_4.wav';

interface Member {
  readonly participant: Row;
  readonly moderator: boolean;
  readonly endOnExit: boolean;
  /** Aborted when the conference ends under the participant (another's endConferenceOnExit). */
  readonly ended: AbortController;
}

interface Room {
  readonly row: Row;
  readonly members: Map<string, Member>;
  /** Aborted when a participant that starts the conference is in. */
  started: AbortController;
}

/** The running rooms of each sandbox, by account and room name. */
const roomsOf = new WeakMap<Engine, Map<string, Room>>();
function rooms(engine: Engine): Map<string, Room> {
  let map = roomsOf.get(engine);
  if (!map) roomsOf.set(engine, (map = new Map()));
  return map;
}

function setRoomStatus(ctx: VerbContext, room: Room, status: string): void {
  if (room.row.status === status) return;
  room.row.status = status;
  ctx.engine.touch(room.row);
  ctx.engine.record('resource', { callSid: ctx.sid, sid: room.row.sid, resource: 'Conference', change: status });
}

function openRoom(ctx: VerbContext, accountSid: string, name: string): Room {
  const sid = newSid('CF');
  const base = `/${API_VERSION}/Accounts/${accountSid}/Conferences/${sid}`;
  const row = ctx.engine.put('conferences', {
    sid,
    ...ctx.engine.stamps(),
    account_sid: accountSid,
    status: 'RUNNING_INITIALIZING',
    api_version: API_VERSION,
    friendly_name: name,
    uri: `${base}.json`,
    subresource_uris: { participants: `${base}/Participants.json` },
  });
  ctx.record({ type: 'resource', resource: 'Conference', sid, name });
  const room: Room = { row, members: new Map(), started: new AbortController() };
  rooms(ctx.engine).set(`${accountSid}\n${name}`, room);
  return room;
}

/** The participant leaves; the last one out closes the room, and one with endConferenceOnExit ends it for all. */
function leave(ctx: VerbContext, room: Room, member: Member, why: string): void {
  const { participant } = member;
  room.members.delete(participant.sid);
  participant.$left = true;
  ctx.engine.touch(participant);
  ctx.record({ type: 'resource', resource: 'Participant', sid: participant.sid, change: 'left', reason: why });
  if (member.endOnExit) for (const other of room.members.values()) other.ended.abort('conference-ended');
  if (room.members.size === 0) {
    setRoomStatus(ctx, room, 'COMPLETED');
    rooms(ctx.engine).delete(`${room.row.account_sid as string}\n${room.row.friendly_name as string}`);
  } else if (member.moderator && ![...room.members.values()].some((m) => m.moderator)) {
    room.started = new AbortController();
    setRoomStatus(ctx, room, 'RUNNING_MODERATOR_ABSENT');
  }
}

/** A view of the call's session that runs in the conference-wait context and stops when `stop` aborts. */
function waitSession(ctx: VerbContext, stop: AbortSignal): RcmlSession {
  const signal = AbortSignal.any([ctx.signal, stop]);
  return Object.create(ctx.session, {
    context: { value: 'conference-wait' },
    signal: { value: signal },
    ended: { get: () => ctx.session.ended || stop.aborted },
    sleep: { value: (ms: number) => (signal.aborted ? Promise.resolve(false) : ctx.engine.clock.sleep(ms, signal)) },
  }) as RcmlSession;
}

/**
 * What a waiting participant hears: a `waitUrl` whose path ends in `wav` (or the built-in music) is played; any other
 * URL is fetched and run in the conference-wait context. Resolves `false` when the wait RCML hung the call up (a
 * verb other than Play or Say, or a failed fetch).
 */
async function playWait(ctx: VerbContext, el: XmlElement, method: 'GET' | 'POST', stop: AbortSignal): Promise<boolean> {
  const raw = ctx.attr(el, 'waitUrl');
  // An empty waitUrl keeps the built-in music (rcml.yaml nouns.Conference waitUrl difference), as does one that is no URI.
  const url = (raw ? resolveUrl(ctx, raw) : undefined) ?? ctx.resolve(DEFAULT_WAIT_MUSIC);
  if (new URL(url).pathname.endsWith('wav')) {
    ctx.record({ type: 'verb', verb: 'Play', context: 'conference-wait', outcome: 'done', url });
    return true;
  }
  const fetched = await ctx.session.fetch({ url, method, kind: 'conferenceWait', context: 'conference-wait' });
  if (!fetched) return false;
  const session = waitSession(ctx, stop);
  const end = await ctx.engine.interpreter.run(fetched.root, Object.create(session, { documentUrl: { value: fetched.url } }) as RcmlSession);
  return end !== 'hangup' || stop.aborted || ctx.session.ended;
}

/** Joins the call to the room of `el`; `finish` completes the Dial's transcript event (recorded as the Dial began). */
export async function joinConference(el: XmlElement, ctx: VerbContext, settings: DialSettings, finish: (result: VerbResult) => void): Promise<VerbOutcome> {
  const hasVideo = el.children.some((c) => c.type === 'element' && localName(c.name) === 'Video');
  if (hasVideo) ctx.record({ type: 'verb', verb: 'Video', outcome: 'skipped', reason: 'video needs the Dialogic XMS media server (rcml.yaml nouns.Video)' });
  const name = hasVideo ? ctx.attr(el, 'name') : ctx.text(el);
  if (!name) {
    finish({ outcome: 'skipped', reason: '<Conference> names no room' });
    return { next: true };
  }
  const call = ctx.engine.store.get('calls', ctx.sid)!;
  const accountSid = call.account_sid as string;
  const muted = flagAttr(el, ctx, 'muted', false);
  const beep = flagAttr(el, ctx, 'beep', true);
  const moderator = flagAttr(el, ctx, 'startConferenceOnEnter', true);
  const endOnExit = flagAttr(el, ctx, 'endConferenceOnExit', false);
  // rcml.yaml records no Notification for a bad maxParticipants; the default is used.
  const maxParticipants = intAttr(el, ctx, 'maxParticipants', 40);
  const waitMethod = methodAttr(el, ctx, 'waitMethod', 13234);

  let room = rooms(ctx.engine).get(`${accountSid}\n${name}`);
  if ((room?.members.size ?? 0) >= maxParticipants) {
    // A full room refuses the join and the next verb runs (rcml.yaml nouns.Conference maxParticipants).
    finish({ outcome: 'full', room: name, maxParticipants });
    return { next: true };
  }
  room ??= openRoom(ctx, accountSid, name);
  // The entry tone sounds only in a conference already running with a moderator (rcml.yaml nouns.Conference beep).
  const running = [...room.members.values()].some((m) => m.moderator);
  const participant = ctx.engine.put('participants', {
    sid: ctx.sid,
    ...ctx.engine.stamps(),
    account_sid: accountSid,
    muted,
    hold: false,
    start_conference_on_enter: moderator,
    end_conference_on_enter: endOnExit,
    uri: call.uri,
    $conference: room.row.sid,
  });
  const member: Member = { participant, moderator, endOnExit, ended: new AbortController() };
  room.members.set(ctx.sid, member);
  ctx.record({ type: 'resource', resource: 'Participant', sid: ctx.sid, conferenceSid: room.row.sid });
  ctx.record({
    type: 'verb',
    verb: 'Conference',
    outcome: 'joined',
    room: name,
    conferenceSid: room.row.sid,
    muted,
    beep: beep && running,
    startConferenceOnEnter: moderator,
    endConferenceOnExit: endOnExit,
  });
  if (moderator) {
    setRoomStatus(ctx, room, 'RUNNING_MODERATOR_PRESENT');
    room.started.abort();
  } else if (!running) setRoomStatus(ctx, room, 'RUNNING_MODERATOR_ABSENT');

  const joinedAt = ctx.engine.now();
  const limitMs = Math.max(0, settings.timeLimitSeconds) * 1000;
  let why: 'time' | 'caller' | 'stopped' | 'hung-up-by-wait';
  const waiting = AbortSignal.any([room.started.signal, member.ended.signal]);
  if (!waiting.aborted) {
    ctx.record({ type: 'verb', verb: 'Conference', outcome: 'waiting', room: name });
    if (!(await playWait(ctx, el, waitMethod, waiting)) && !waiting.aborted) why = 'hung-up-by-wait';
  }
  why ??= await stayOnLine(ctx, limitMs - (ctx.engine.now() - joinedAt), member.ended.signal);
  leave(ctx, room, member, why === 'time' ? 'time-limit' : why === 'stopped' ? 'conference-ended' : 'hangup');
  const seconds = Math.round((ctx.engine.now() - joinedAt) / 1000);
  finish({ outcome: why === 'stopped' ? 'conference-ended' : why === 'time' ? 'time-limit' : 'hangup', room: name, conferenceSid: room.row.sid, seconds });
  if (why === 'caller' || why === 'hung-up-by-wait' || ctx.session.ended) return { hangup: true };
  if (!settings.action) return { next: true };
  // Leaving on its own the call sends only its call parameters; a stopped conference adds the Dial outcome
  // (webhooks.yaml dial_action_conference).
  const extra: [string, string][] =
    why === 'stopped'
      ? [
          ['DialCallSid', 'null'],
          ['DialCallStatus', 'completed'],
          ['DialCallDuration', String(seconds)],
        ]
      : [];
  return { fetch: { url: settings.action, method: settings.method, kind: 'dialConferenceAction', extra } };
}
