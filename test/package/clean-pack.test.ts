// Class 13: a clean clone (no dist/, no prior build) packs a working package: `prepack` builds what it ships, and the
// tarball installs and imports in a scratch project. It packs the committed HEAD, as a release from CI would.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);
const quiet = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];
let scratch = '';
afterAll(() => (scratch ? rm(scratch, { recursive: true, force: true }) : undefined));

describe('npm pack from a clean clone', () => {
  it('builds dist/ in prepack and ships a package that installs and imports', async () => {
    scratch = await mkdtemp(path.join(tmpdir(), 'restcomm-cpaas-pack-'));
    const clone = path.join(scratch, 'clone');
    await run('git', ['clone', '--quiet', '--no-hardlinks', root, clone]);
    expect(await readdir(clone)).not.toContain('dist');
    await run('npm', ['ci', ...quiet], { cwd: clone, maxBuffer: 64 * 1024 * 1024 });
    const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', scratch, '--loglevel=error'], { cwd: clone, maxBuffer: 64 * 1024 * 1024 });
    const [packed] = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');

    const app = path.join(scratch, 'app');
    await run('mkdir', [app]);
    await writeFile(path.join(app, 'package.json'), JSON.stringify({ name: 'scratch-app', version: '1.0.0', type: 'module', private: true }));
    await run('npm', ['install', path.join(scratch, packed!.filename), ...quiet], { cwd: app, maxBuffer: 64 * 1024 * 1024 });
    const probe = `import { createClient } from 'restcomm-cpaas'; const c = createClient({ accountSid: 'AC9f46b62376f96e83cc19ed9502987c78', authToken: 't', domain: 'restcomm.acme-tel.example' }); console.log(typeof c.calls.fetch);`;
    const { stdout: out } = await run('node', ['--input-type=module', '-e', probe], { cwd: app });
    expect(out.trim()).toBe('function');
  }, 300_000);
});
