// `npm run sandbox`: prints working credentials and a createClient line; its clock runs by itself (autoAdvance).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { startApp, type LocalApp } from './app.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let stop: (() => void) | undefined;
let app: LocalApp | undefined;
afterEach(async () => {
  stop?.();
  await app?.close();
});

describe('npm run sandbox', () => {
  it('prints a createClient line that works, and moves calls along without being told to', async () => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/sandbox.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    stop = () => child.kill('SIGTERM');
    let output = '';
    const line = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const m = /const client = createClient\((\{.*\})\);/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.on('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const value = (key: string) => new RegExp(`${key}: '([^']+)'`).exec(line)?.[1] ?? '';
    const options = { accountSid: value('accountSid'), authToken: value('authToken'), baseUrl: value('baseUrl') };
    expect(output).toContain(`RESTCOMM_ACCOUNT_SID=${options.accountSid}`);
    const client = createClient(options);
    app = await startApp();
    app.reply('/answer', { type: 'text/xml', body: '<Response><Say>hi</Say></Response>' });
    const created = await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${app.url}/answer` });
    const sid = (Array.isArray(created) ? created[0]! : created).sid;
    let status = '';
    for (let i = 0; i < 100 && status !== 'completed'; i++) {
      status = (await client.calls.fetch(sid)).status;
      if (status !== 'completed') await new Promise((r) => setTimeout(r, 50));
    }
    expect(status).toBe('completed');
    expect(app.to('/answer')).toHaveLength(1);
  }, 30_000);
});
