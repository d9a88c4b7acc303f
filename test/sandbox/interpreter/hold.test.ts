// <Hold>, <Resume> and <Refer>: cloud-only verbs, executed as far as the cloud pages in the reference go.
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../../src/webhooks/index.js';
import { single, useSandbox } from '../fixture.js';

const xml = (body: string) => ({ type: 'text/xml', body: `<Response>${body}</Response>` });

describe('<Hold>, <Resume> and <Refer>', () => {
  const t = useSandbox();

  it('Hold and Resume request their actions with the outcome; Resume of a call not on hold and Refer are skipped', async () => {
    const { app, client, sandbox } = t;
    app.reply('/voice', xml('<Resume action="/never"/><Hold action="/held" holdMusic="https://media.example.com/hold.wav"/>'));
    app.reply('/held', xml('<Pause length="5"/><Resume action="/resumed" method="GET"/>'));
    app.reply('/resumed', xml('<Refer action="/referred"/><Say>Back</Say>'));
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/voice` }));
    await sandbox.settle();
    expect(parseWebhook('holdAction', app.to('/held')[0]!.params)).toMatchObject({ CallSid: call.sid, HoldStatus: 'held', HoldSipResponseCode: 200 });
    const resumed = app.to('/resumed')[0]!;
    expect(resumed.method).toBe('GET');
    expect(parseWebhook('resumeAction', resumed.params)).toMatchObject({ ResumeStatus: 'resumed', ResumeSipResponseCode: 200 });
    expect(app.to('/never')).toEqual([]);
    expect(app.to('/referred')).toEqual([]);
    const verbs = sandbox.events.filter((e) => e.type === 'verb').map((e) => [e.verb, e.outcome]);
    expect(verbs).toEqual([
      ['Resume', 'skipped'],
      ['Hold', 'held'],
      ['Pause', 'done'],
      ['Resume', 'resumed'],
      ['Refer', 'skipped'],
      ['Say', 'done'],
    ]);
  });
});
