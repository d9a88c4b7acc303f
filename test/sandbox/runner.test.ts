// The RcmlRunner seam: a runner of the test's own replaces the interpreter, uses the session to request further
// documents (with the server's failure handling), and hands the rest to the interpreter (`session.interpret`).
import { describe, expect, it } from 'vitest';
import { parseWebhook } from '../../src/webhooks/index.js';
import type { RcmlRunner } from '../../src/sandbox/index.js';
import { single, useSandbox } from './fixture.js';

/** `<Redirect>` of its own: fetch the target (relative to the document) and run it instead; the rest goes to the interpreter. */
const redirectingRunner: RcmlRunner = {
  async run(root, session) {
    const redirect = root.children.find((n) => n.type === 'element' && n.name === 'Redirect');
    if (!redirect || redirect.type !== 'element') return session.interpret!(root);
    const target = redirect.children.map((c) => (c.type === 'text' ? c.value : '')).join('').trim();
    session.record('redirect', { to: target });
    const next = await session.fetch({ url: target, method: 'POST', kind: 'voiceRedirect' });
    return next ? this.run(next.root, session) : 'hangup';
  },
};

describe('a runner of your own', () => {
  const t = useSandbox({ rcmlRunner: redirectingRunner });

  it('requests further documents through the session, checked against the webhook kind', async () => {
    const { client, sandbox, app } = t;
    app.reply('/start', { type: 'text/xml', body: '<Response><Redirect>next</Redirect></Response>' });
    app.reply('/next', { type: 'text/xml', body: '<Response><Say>After the redirect</Say></Response>' });
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/start` }));
    await sandbox.settle();
    expect(parseWebhook('voiceRedirect', app.to('/next')[0]!.params)).toMatchObject({ CallSid: call.sid, CallStatus: 'in-progress' });
    expect(sandbox.events.filter((e) => e.callSid === call.sid && e.type === 'verb').map((e) => [e.verb, e.text])).toEqual([['Say', 'After the redirect']]);
    expect(sandbox.events.filter((e) => e.sid === call.sid && e.type === 'redirect').map((e) => e.to)).toEqual(['next']);
    expect((await client.calls.fetch(call.sid)).status).toBe('completed');
  });

  it('a failed fetch ends the call as the server does', async () => {
    const { client, sandbox, app } = t;
    app.reply('/start', { type: 'text/xml', body: '<Response><Redirect>/gone</Redirect></Response>' });
    app.reply('/gone', { status: 404 });
    const call = single(await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/start` }));
    await sandbox.settle();
    expect((await client.calls.fetch(call.sid)).status).toBe('not-found');
    expect((await client.notifications.list()).notifications.map((n) => [n.error_code, n.request_url])).toEqual([[21402, `${app.url}/gone`]]);
  });
});
