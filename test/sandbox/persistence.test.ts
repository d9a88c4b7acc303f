// State lives until close(); with persistPath it is saved on close and loaded by the next sandbox.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { startSandbox } from '../../src/sandbox/index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('saves the state on close and reloads it, credentials, clock and numbers included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-'));
    dirs.push(dir);
    const file = path.join(dir, 'state.json');
    const first = await startSandbox({ persistPath: file, startTime: Date.UTC(2026, 0, 1) });
    const client = createClient({ accountSid: first.accountSid, authToken: first.authToken, baseUrl: first.baseUrl });
    const app = await client.applications.create({ FriendlyName: 'kept' });
    const [offer] = await client.availablePhoneNumbers.local.list('US');
    await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber });
    await first.clock.advance(90_000);
    const live = await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: 'http://127.0.0.1:9/never' });
    await first.close();

    const second = await startSandbox({ persistPath: file });
    try {
      expect(second.authToken).toBe(first.authToken);
      expect(second.clock.now()).toBe(Date.UTC(2026, 0, 1) + 90_000);
      const again = createClient({ accountSid: second.accountSid, authToken: second.authToken, baseUrl: second.baseUrl });
      expect((await again.applications.fetch(app.sid)).friendly_name).toBe('kept');
      expect((await again.incomingPhoneNumbers.list()).total).toBe(1);
      // A call still queued when the state was saved has no life cycle any more: it ends as a hang-up would.
      expect((await again.calls.fetch((Array.isArray(live) ? live[0]! : live).sid)).status).toBe('canceled');
      // The bought number stays out of the stock.
      expect((await again.availablePhoneNumbers.local.list('US', { RangeSize: 200 })).map((n) => n.phoneNumber)).not.toContain(offer!.phoneNumber);
    } finally {
      await second.close();
    }
  });

  it('refuses a file that is not a sandbox state file, naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-'));
    dirs.push(dir);
    const file = path.join(dir, 'state.json');
    writeFileSync(file, '{"hello": 1}');
    await expect(startSandbox({ persistPath: file })).rejects.toThrow(`${file} is not a sandbox state file`);
  });

  it('without persistPath, state lives only until close()', async () => {
    const sandbox = await startSandbox();
    const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });
    await client.applications.create({ FriendlyName: 'gone' });
    expect(await client.applications.list()).toHaveLength(1);
    await sandbox.close();
    const next = await startSandbox({ authToken: sandbox.authToken });
    const nextClient = createClient({ accountSid: next.accountSid, authToken: next.authToken, baseUrl: next.baseUrl });
    expect(await nextClient.applications.list()).toEqual([]);
    await next.close();
  });
});
