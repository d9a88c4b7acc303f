// The README's examples and a strict application compile against the built package's types with `strict`,
// `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess` (the tooling project's global setup builds dist/).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');

describe('a strict consumer', () => {
  it('compiles the README examples and app.ts against dist/ with exactOptionalPropertyTypes and noUncheckedIndexedAccess', async () => {
    const result = await promisify(execFile)(path.join(root, 'node_modules', '.bin', 'tsc'), ['-p', path.join(here, 'tsconfig.json')], { cwd: root }).then(
      () => '',
      (err: { stdout?: string }) => err.stdout ?? String(err),
    );
    expect(result).toBe('');
  }, 120_000);
});
