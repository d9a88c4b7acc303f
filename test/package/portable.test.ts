// Every entry the package exports runs wherever fetch runs (npm run test:runtimes proves it in each runtime), unless it
// is marked Node-only with a `node` export condition. This checks the cheap part on every `npm test`: bundled as a
// Cloudflare worker is (no Node built-ins resolvable), our own code uses no Node-only global.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | Record<string, unknown>> };
const entries = Object.entries(pkg.exports).filter(([name]) => name !== './package.json');
const universal = entries.filter(([, target]) => typeof target === 'object' && !('node' in target));

/** Our code of one entry, bundled as wrangler would bundle a worker, with its dependencies left out. */
async function ownCode(entry: string): Promise<string> {
  const source = entry.replace(/^\.\/dist\//, './').replace(/\.js$/, '.ts');
  const result = await build({
    entryPoints: [path.join(root, source)],
    bundle: true,
    write: false,
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    format: 'esm',
    external: ['openapi-fetch'],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

describe('the exported entries', () => {
  it('are each either universal (types + default) or Node-only (a `node` condition and no default)', () => {
    expect(universal.length).toBeGreaterThan(0);
    for (const [name, target] of entries) {
      expect(typeof target, name).toBe('object');
      const conditions = Object.keys(target as object);
      if (conditions.includes('node')) expect(conditions, name).not.toContain('default');
      else expect(conditions, name).toEqual(['types', 'default']);
    }
  });

  it.each(universal.map(([name, target]) => [name, (target as { default: string }).default]))('%s uses no Node built-in or Node-only global', async (_name, entry) => {
    const code = await ownCode(entry);
    expect(code).not.toMatch(/\bfrom\s*["']node:|\brequire\(|\bBuffer\b|__dirname|__filename|\bsetImmediate\b/);
    // `process` only as an optional global (the environment variables the client falls back to).
    const bare = [...code.matchAll(/(?<![\w$.])process\b/g)].map((m) => code.slice(Math.max(0, m.index - 20), m.index + 30));
    expect(bare).toEqual([]);
  });
});
