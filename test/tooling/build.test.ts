// What `npm run lint`, `npm run check:api`, `npm run check:generated` and the type-check of the scripts and tools
// check, run as tests so that they share the machine with the rest of `npm run test:tooling`.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = async (command: string, args: string[]) =>
  promisify(execFile)(command, args, { cwd: root, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (err: { code?: number; stdout?: string; stderr?: string }) => ({ code: err.code ?? 1, output: `${err.stdout ?? ''}${err.stderr ?? ''}` }),
  );

describe.concurrent('the spec and what is built from it', () => {
  it('lints clean (npm run lint)', async () => {
    const { code, output } = await run(path.join(root, 'node_modules', '.bin', 'redocly'), ['lint', 'openapi/openapi.yaml']);
    expect(code, output).toBe(0);
  }, 120_000);

  it('has an API report that matches the built entries (npm run check:api)', async () => {
    const { code, output } = await run('npm', ['run', '-s', 'check:api']);
    expect(code, output).toBe(0);
  }, 120_000);

  it('type-checks what npm test does not: scripts, tools, tooling tests, code samples (tsc -p tsconfig.tooling.json)', async () => {
    const { code, output } = await run(path.join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.tooling.json']);
    expect(code, output).toBe(0);
  }, 120_000);

  it('matches generated/ and docs/ (npm run check:generated)', async () => {
    const { code, output } = await run('npm', ['run', '-s', 'check:generated']);
    expect(code, output).toBe(0);
  }, 120_000);
});
