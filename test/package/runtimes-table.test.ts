// The README's support table names the versions npm run test:runtimes actually runs: the ones runtimes/ pins.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const lock = JSON.parse(readFileSync(path.join(root, 'runtimes', 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('### Where it runs'), readme.indexOf('\n## ', readme.indexOf('### Where it runs')));

describe('the README support table', () => {
  it.each([
    ['Node.js', 'node20'],
    ['Node.js', 'node22'],
    ['Node.js', 'node24'],
    ['Bun', 'bun'],
    ['Deno', 'deno'],
    ['Cloudflare Workers', 'workerd'],
    ['Cloudflare Workers', 'miniflare'],
  ])('gives the pinned version on the %s row (%s)', (runtime, pkg) => {
    const version = lock.packages[`node_modules/${pkg}`]?.version;
    expect(version, `${pkg} in runtimes/package-lock.json`).toBeDefined();
    const row = section.split('\n').find((line) => line.startsWith(`| ${runtime} |`));
    expect(row, `a "${runtime}" row`).toBeDefined();
    expect(row).toContain(version);
  });
});
