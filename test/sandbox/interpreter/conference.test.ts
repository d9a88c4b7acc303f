// <Dial><Conference> against a real local app: Conference and Participant resources through the REST API, the
// conference-wait context, the flags that start and end a conference, mute through the REST API, and the action.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../src/webhooks/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from '../../../src/index.js';
import { startSandbox } from '../../../src/sandbox/index.js';
import { startApp } from '../app.js';
import { single, START, useSandbox } from '../fixture.js';

const xml = (body: string) => ({ type: 'text/xml', body: `<Response>${body}</Response>` });

describe('<Dial><Conference>', () => {
  const t = useSandbox();

  const place = async (path: string, to = '+15125550177') => single(await t.client.calls.create({ From: '+15125550100', To: to, Url: `${t.app.url}${path}` }));
  const verbsOf = (sid: string) => t.sandbox.events.filter((e) => e.type === 'verb' && e.callSid === sid).map((e) => [e.verb, e.context, e.outcome]);

  it('waits with the waitUrl until a moderator joins; a moderator leaving with endConferenceOnExit ends it for all', async () => {
    const { app, client, sandbox } = t;
    app.reply('/a', xml('<Dial action="/a-after"><Conference startConferenceOnEnter="false" waitUrl="/wait" waitMethod="get">standup</Conference></Dial>'));
    app.reply('/wait', xml('<Say>Please wait for the host</Say><Play>/music.wav</Play>'));
    app.reply('/b', xml('<Pause length="10"/><Dial timeLimit="30"><Conference endConferenceOnExit="true">standup</Conference></Dial>'));
    app.reply('/a-after', xml('<Say>The meeting has ended</Say>'));
    const a = await place('/a');
    const b = await place('/b', '+15125550178');

    await sandbox.clock.advance(5000);
    const [room] = (await client.conferences.list()).conferences;
    expect(room).toMatchObject({ friendly_name: 'standup', status: 'RUNNING_MODERATOR_ABSENT' });
    expect((await client.conferences.participants.list(room!.sid)).calls.map((p) => p.sid)).toEqual([a.sid]);
    const wait = app.to('/wait')[0]!;
    expect(wait.method).toBe('GET');
    expect(parseWebhook('conferenceWait', wait.params)).toMatchObject({ CallSid: a.sid, CallStatus: 'in-progress' });

    await sandbox.clock.advance(10_000);
    expect((await client.conferences.fetch(room!.sid)).status).toBe('RUNNING_MODERATOR_PRESENT');
    const participants = (await client.conferences.participants.list(room!.sid)).calls;
    expect(participants.map((p) => [p.sid, p.start_conference_on_enter, p.end_conference_on_enter, p.muted])).toEqual([
      [a.sid, false, false, false],
      [b.sid, true, true, false],
    ]);

    // Mute through the REST API: the answer is the state before the change, a fetch shows the new one.
    expect((await client.conferences.participants.update(room!.sid, a.sid, { Mute: true })).muted).toBe(false);
    expect((await client.conferences.participants.fetch(room!.sid, a.sid)).muted).toBe(true);

    await sandbox.settle();
    expect((await client.conferences.fetch(room!.sid)).status).toBe('COMPLETED');
    expect((await client.conferences.participants.list(room!.sid)).calls).toEqual([]);
    const after = parseWebhook('dialConferenceAction', app.to('/a-after')[0]!.params);
    expect(after).toMatchObject({ CallSid: a.sid, DialCallStatus: 'completed', DialCallSid: 'null' });
    expect(verbsOf(a.sid)).toEqual([
      ['Dial', 'voice', 'conference-ended'],
      ['Conference', 'voice', 'joined'],
      ['Conference', 'voice', 'waiting'],
      ['Say', 'conference-wait', 'done'],
      ['Play', 'conference-wait', 'done'],
      ['Say', 'voice', 'done'],
    ]);
    const mute = sandbox.events.find((e) => e.type === 'resource' && e.change === 'muted')!;
    expect(mute).toMatchObject({ sid: a.sid, resource: 'Participant', by: 'updateParticipant' });
    expect((await client.calls.fetch(b.sid)).status).toBe('completed');
  });

  it('a wait document with a verb other than Play and Say hangs the call up', async () => {
    const { app, client } = t;
    app.reply('/a', xml('<Dial action="/a-after"><Conference startConferenceOnEnter="false" waitUrl="/wait">room</Conference></Dial>'));
    app.reply('/wait', xml('<Say>Hold on</Say><Gather/><Say>Not reached</Say>'));
    const a = await place('/a');
    await t.sandbox.settle();
    expect(verbsOf(a.sid)).toEqual([
      ['Dial', 'voice', 'hangup'],
      ['Conference', 'voice', 'joined'],
      ['Conference', 'voice', 'waiting'],
      ['Say', 'conference-wait', 'done'],
      ['Gather', 'conference-wait', 'skipped'],
    ]);
    expect(app.to('/a-after')).toEqual([]);
    expect((await client.calls.fetch(a.sid)).status).toBe('completed');
  });

  it('timeLimit ends the participation; the action then gets only the call parameters; other nouns are ignored', async () => {
    const { app } = t;
    app.reply('/a', xml('<Dial action="/a-after" timeLimit="60"><Number>+15551230000</Number><Conference beep="false">room</Conference><Conference>other</Conference></Dial>'));
    app.reply('/a-after', xml('<Hangup/>'));
    const a = await place('/a');
    await t.sandbox.settle();
    const request = app.to('/a-after')[0]!;
    expect(parseWebhook('dialConferenceAction', request.params)).toMatchObject({ CallSid: a.sid });
    expect(request.params.has('DialCallStatus')).toBe(false);
    const dial = t.sandbox.events.find((e) => e.type === 'verb' && e.verb === 'Dial')!;
    expect(dial).toMatchObject({ outcome: 'time-limit', seconds: 60 });
    // The first Conference wins over every other noun of the Dial.
    expect(verbsOf(a.sid).filter(([, , outcome]) => outcome === 'skipped').map(([verb]) => verb)).toEqual(['Number', 'Conference']);
    expect((await t.client.calls.list({ ParentCallSid: a.sid })).total).toBe(0);
  });

  it('a full room refuses the join and the next verb runs; a bad waitMethod is Notification 13234', async () => {
    const { app, client } = t;
    app.reply('/a', xml('<Dial timeLimit="20"><Conference maxParticipants="1" waitMethod="PUT">room</Conference></Dial>'));
    app.reply('/b', xml('<Dial><Conference maxParticipants="1">room</Conference></Dial><Say>The room is full</Say>'));
    await place('/a');
    const b = await place('/b', '+15125550178');
    await t.sandbox.settle();
    expect(verbsOf(b.sid)).toEqual([
      ['Dial', 'voice', 'full'],
      ['Say', 'voice', 'done'],
    ]);
    expect((await client.notifications.list()).notifications.map((n) => n.error_code)).toEqual([13234]);
    // The server looks participants up by call SID alone: a call that never joined answers in the participant's shape.
    const [room] = (await client.conferences.list()).conferences;
    expect(await client.conferences.participants.fetch(room!.sid, b.sid)).toMatchObject({ sid: b.sid, account_sid: client.accountSid });
    const unknown = await client.conferences.participants.update(room!.sid, `${b.sid.slice(0, -4)}0000`, { Mute: true }).catch((e: { status: number }) => e.status);
    expect(unknown).toBe(406);
  });

  it('muted="true" joins listen-only; a call update unmutes the participant (Mute is false when absent)', async () => {
    const { app, client, sandbox } = t;
    app.reply('/a', xml('<Dial timeLimit="30"><Conference muted="true">room</Conference></Dial>'));
    const a = await place('/a');
    await sandbox.clock.advance(10_000);
    const [room] = (await client.conferences.list({ Status: 'RUNNING_MODERATOR_PRESENT' })).conferences;
    expect((await client.conferences.participants.fetch(room!.sid, a.sid)).muted).toBe(true);
    // Status and FriendlyName are matched with SQL LIKE; DateCreated keeps the conferences from that day on.
    expect((await client.conferences.list({ Status: 'RUNNING%', FriendlyName: 'ro_m' })).total).toBe(1);
    expect((await client.conferences.list({ Status: 'COMPLETED' })).total).toBe(0);
    expect((await client.conferences.list({ DateCreated: '2026-03-04' })).total).toBe(1);
    expect((await client.conferences.list({ DateCreated: '2026-03-05' })).total).toBe(0);
    await client.calls.update(a.sid, { StatusCallback: `${app.url}/status` });
    expect((await client.conferences.participants.fetch(room!.sid, a.sid)).muted).toBe(false);
    await sandbox.settle();
    // A participant that left is still fetched (the server looks calls up by SID), but no longer listed.
    expect((await client.conferences.participants.fetch(room!.sid, a.sid)).sid).toBe(a.sid);
    expect((await client.conferences.participants.list(room!.sid)).total).toBe(0);
    expect(sandbox.events.filter((e) => e.type === 'resource' && e.resource === 'Participant' && e.change).map((e) => [e.change, e.by ?? e.reason])).toEqual([
      ['unmuted', 'updateCall'],
      ['left', 'time-limit'],
    ]);
  });
});

describe('a conference in a saved state', () => {
  it('is completed after a reload, its participants gone, since its calls ended with the old sandbox', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-'));
    const file = path.join(dir, 'state.json');
    const app = await startApp();
    try {
      app.reply('/a', xml('<Dial><Conference>room</Conference></Dial>'));
      const first = await startSandbox({ persistPath: file, startTime: START });
      const client = createClient({ accountSid: first.accountSid, authToken: first.authToken, baseUrl: first.baseUrl });
      single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/a` }));
      await first.clock.advance(10_000);
      const [room] = (await client.conferences.list()).conferences;
      expect(room!.status).toBe('RUNNING_MODERATOR_PRESENT');
      await first.close();
      const second = await startSandbox({ persistPath: file });
      try {
        const again = createClient({ accountSid: second.accountSid, authToken: second.authToken, baseUrl: second.baseUrl });
        expect((await again.conferences.fetch(room!.sid)).status).toBe('COMPLETED');
        expect((await again.conferences.participants.list(room!.sid)).total).toBe(0);
      } finally {
        await second.close();
      }
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
