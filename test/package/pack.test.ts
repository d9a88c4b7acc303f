// What `npm pack` would publish (dist/ is built by the tooling project's global setup): only the built SDK, its types and the package docs, and one runtime dependency.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

describe('the published package', () => {
  it('ships only dist/ (JavaScript, .d.ts and the bundled spec for the tooling entry), README, LICENSE and package.json', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, maxBuffer: 16 * 1024 * 1024 });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    expect(files).toContain('dist/src/index.js');
    expect(files).toContain('dist/src/index.d.ts');
    expect(files).toContain('dist/generated/operations.js');
    const unexpected = files.filter((f) => !/^dist\/(src|generated)\/.+\.(js|d\.ts)$/.test(f) && !['README.md', 'LICENSE', 'package.json', 'dist/generated/openapi.json'].includes(f));
    expect(unexpected).toEqual([]);
    expect(files).toContain('dist/generated/openapi.json');
    expect(files.some((f) => f.includes('openapi.yaml'))).toBe(false);
  }, 60_000);

  it('has openapi-fetch as its only runtime dependency', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual(['openapi-fetch']);
  });

  it('passes publint with nothing to report', async () => {
    const { publint } = await import('publint');
    const { messages } = await publint({ pkgDir: root, level: 'suggestion' });
    expect(messages).toEqual([]);
  }, 60_000);
});
