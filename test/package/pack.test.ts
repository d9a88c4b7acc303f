// What `npm pack` would publish (dist/ is built by the tooling project's global setup): only the built package, its
// types and docs; openapi-fetch as the SDK entries' one dependency.
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
    // The bundled spec is the one data file shipped: the tooling entry exposes it and the sandbox entry reads it.
    const unexpected = files.filter((f) => !/^dist\/(src|generated)\/.+\.(js|d\.ts)$/.test(f) && !['README.md', 'LICENSE', 'package.json', 'dist/generated/openapi.json'].includes(f));
    expect(unexpected).toEqual([]);
    expect(files).toContain('dist/generated/openapi.json');
    expect(files.some((f) => f.includes('openapi.yaml'))).toBe(false);
  }, 60_000);

  it('has openapi-fetch as the SDK entries\' only runtime dependency; ajv and ajv-formats are for the sandbox entry', async () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['ajv', 'ajv-formats', 'openapi-fetch']);
    // What the SDK entries pull in from node_modules when bundled: openapi-fetch alone (the sandbox is a separate entry).
    const { build } = await import('esbuild');
    for (const entry of ['dist/src/index.js', 'dist/src/rcml/index.js']) {
      const result = await build({ entryPoints: [path.join(root, entry)], bundle: true, write: false, metafile: true, format: 'esm', platform: 'browser', logLevel: 'silent' });
      const packages = new Set(Object.keys(result.metafile.inputs).filter((f) => f.includes('node_modules/')).map((f) => f.split('node_modules/')[1]!.split('/')[0]!));
      expect([...packages], entry).toEqual(entry === 'dist/src/index.js' ? ['openapi-fetch'] : []);
    }
  }, 60_000);

  it('passes publint with nothing to report', async () => {
    const { publint } = await import('publint');
    const { messages } = await publint({ pkgDir: root, level: 'suggestion' });
    expect(messages).toEqual([]);
  }, 60_000);
});
