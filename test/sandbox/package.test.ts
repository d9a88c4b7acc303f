// The built entry, resolved as users resolve it (`restcomm-cpaas/sandbox` through the package's exports, node
// condition), starts and answers: the bundled spec travels with dist/. Needs dist/ (the tooling project's global setup builds it).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const script = `
const { startSandbox } = await import('restcomm-cpaas/sandbox');
const sandbox = await startSandbox();
const auth = 'Basic ' + Buffer.from(sandbox.accountSid + ':' + sandbox.authToken).toString('base64');
const answer = await fetch(sandbox.baseUrl + '/Accounts/' + sandbox.accountSid + '/Calls.json', { headers: { Authorization: auth } });
console.log(JSON.stringify({ status: answer.status, body: await answer.json() }));
await sandbox.close();
`;

describe('the built sandbox entry', () => {
  it('resolves through the exports map and serves the API from dist/', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    const { status, body } = JSON.parse(stdout) as { status: number; body: { total: number; next_page_uri: string } };
    expect(status).toBe(200);
    expect(body).toMatchObject({ total: 0, next_page_uri: 'null' });
  }, 30_000);
});
