// The tooling project's global setup: build dist/ once (npm run build:sdk), for the tests of what is packed and
// published (the pack listing, publint, the API report, a strict consumer). The other projects do not wait for it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export default async function setup() {
  const root = path.resolve(import.meta.dirname, '..', '..');
  await promisify(execFile)('npm', ['run', '-s', 'build:sdk'], { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((err: { stdout?: string; stderr?: string }) => {
    throw new Error(`npm run build:sdk failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
  });
}
