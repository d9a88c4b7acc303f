// What `npm run lint`, `npm run typecheck`, `npm run check:api` and `npm run check:generated` check, run as tests so
// that they share the machine with the rest of `npm run test:tooling`.
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

  it('type-checks the whole repo: src, every test, the scripts and tools, the code samples (npm run typecheck)', async () => {
    const { code, output } = await run(path.join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json']);
    expect(code, output).toBe(0);
  }, 120_000);

  it('matches generated/ and docs/ (npm run check:generated)', async () => {
    const { code, output } = await run('npm', ['run', '-s', 'check:generated']);
    expect(code, output).toBe(0);
  }, 120_000);
});
