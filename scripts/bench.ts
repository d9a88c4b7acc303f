// npm run bench: the SDK's bundle size and its per-request cost against hand-written fetch, in one run.
// Usage: npm run bench [-- --requests N --rounds R --write-readme --sandbox-only --lifecycles N --sandbox-requests N --ivr-calls N --ivr-concurrent N]
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleFor, sizeOf, type BundleSize, type BundleTarget } from './lib/bundle.js';
import { root } from './lib/paths.js';
import { median } from './lib/measure.js';
import { main, step } from './lib/run.js';
import { sandboxSection } from './lib/sandbox-bench.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
// Many short alternating batches: drift on the machine (GC, CPU frequency, other load) hits both sides alike, and the
// median of the per-pair ratios discards the batches it hit hardest.
const requests = flag('requests', 250);
const rounds = flag('rounds', 40);

async function bundleSize(entry: string, target: BundleTarget): Promise<BundleSize> {
  return sizeOf(await bundleFor(target, { contents: entry, resolveDir: root }));
}

/**
 * Milliseconds `await import(url)` takes in a fresh Node process, for each URL, alternating processes; medians. The
 * empty module's figure is the floor every import pays (module loader start-up), so the difference is the SDK's own.
 */
async function importTimes(urls: Record<string, string>, runs: number): Promise<Record<string, number>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(urls).map((k) => [k, []]));
  const probe = `const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));`;
  for (let i = 0; i < runs; i++) {
    for (const [name, url] of Object.entries(urls)) {
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probe, url]);
      times[name]!.push(Number(stdout));
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, median(xs)]));
}

const SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const TOKEN = '6f1ed002ab5595859014ebf0951522d9';
const CALL = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';

main(async () => {
  if (args.includes('--sandbox-only')) return sandboxSection(args);
  const dist = path.join(root, 'dist', 'src', 'index.js');
  step('Bundle sizes (esbuild, minified, tree-shaken, gzip -9; scripts/lib/bundle.ts settings), from dist/');
  // Per runtime that takes one bundled file: a browser page and a Cloudflare module worker (scripts/lib/bundle.ts).
  const sdkEntry = `export { createClient } from ${JSON.stringify(dist)};`;
  const wholeEntry = `export * from ${JSON.stringify(dist)};`;
  const [sdk, sdkWorker, whole, wholeWorker] = await Promise.all([
    bundleSize(sdkEntry, 'browser'),
    bundleSize(sdkEntry, 'worker'),
    bundleSize(wholeEntry, 'browser'),
    bundleSize(wholeEntry, 'worker'),
  ]);
  const fetchOnly = await bundleSize(`export { default } from 'openapi-fetch';`, 'browser');

  step('Import cost: `import(\'restcomm-cpaas\')` (dist/) against an empty module, 21 fresh processes each, alternating');
  const scratch = await mkdtemp(path.join(tmpdir(), 'restcomm-bench-'));
  const empty = path.join(scratch, 'empty.mjs');
  await writeFile(empty, 'export {};\n');
  const imports = await importTimes({ empty: pathToFileURL(empty).href, sdk: pathToFileURL(dist).href }, 21);
  await rm(scratch, { recursive: true, force: true });
  const importCost = imports.sdk! - imports.empty!;

  step(`Time per request against a loopback server (${rounds} rounds × ${requests} requests each, alternating)`);
  const body = JSON.stringify({ sid: CALL, account_sid: SID, status: 'completed', to: '+15126002188', from: '+15125550100' });
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/restcomm/2012-04-24`;

  const { createClient } = (await import(dist)) as typeof import('../src/index.js');
  const client = createClient({ accountSid: SID, authToken: TOKEN, baseUrl: base });
  const authorization = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
  const raw = async () => {
    const res = await fetch(`${base}/Accounts/${encodeURIComponent(SID)}/Calls/${encodeURIComponent(CALL)}.json`, { headers: { Authorization: authorization } });
    if (!res.ok) throw new Error(String(res.status));
    return (await res.json()) as { sid: string };
  };
  const viaSdk = () => client.calls.fetch(CALL);

  async function time(fn: () => Promise<{ sid: string }>): Promise<number> {
    const start = process.hrtime.bigint();
    for (let i = 0; i < requests; i++) if ((await fn()).sid !== CALL) throw new Error('wrong answer');
    return Number(process.hrtime.bigint() - start) / 1e3 / requests; // µs per request
  }
  await time(raw);
  await time(viaSdk); // warm-up
  const rawTimes: number[] = [];
  const sdkTimes: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    // Alternate which side goes first, so neither always runs right after a GC the other caused.
    let rawUs: number;
    let sdkUs: number;
    if (r % 2 === 0) {
      rawUs = await time(raw);
      sdkUs = await time(viaSdk);
    } else {
      sdkUs = await time(viaSdk);
      rawUs = await time(raw);
    }
    rawTimes.push(rawUs);
    sdkTimes.push(sdkUs);
    ratios.push(sdkUs / rawUs);
  }
  server.close();
  const rawUs = median(rawTimes);
  const sdkUs = median(sdkTimes);
  const ratio = median(ratios);
  const kb = (n: number) => `${(n / 1024).toFixed(2)} kB`;
  const size = (b: BundleSize) => `${kb(b.gzip)} (${kb(b.min)} min)`;
  const table = [
    '| measure | figure | target |',
    '| --- | --- | --- |',
    `| SDK (\`createClient\` + openapi-fetch), min+gzip: browser page / Cloudflare module worker | ${size(sdk)} / ${size(sdkWorker)} | ≤ 12 kB |`,
    `| whole root entry, min+gzip: browser page / Cloudflare module worker | ${size(whole)} / ${size(wholeWorker)} | — |`,
    `| openapi-fetch alone, min+gzip | ${kb(fetchOnly.gzip)} | — |`,
    `| time per request, hand-written fetch | ${rawUs.toFixed(1)} µs | — |`,
    `| time per request, SDK (\`client.calls.fetch\`) | ${sdkUs.toFixed(1)} µs | — |`,
    `| SDK / fetch (median of the per-batch ratios) | ${ratio.toFixed(3)}× | ≤ 1.10× |`,
    `| \`import('restcomm-cpaas')\` over an empty module (median of 21 fresh processes) | ${importCost.toFixed(1)} ms (${imports.sdk!.toFixed(1)} against ${imports.empty!.toFixed(1)} ms) | ≤ 8 ms |`,
  ].join('\n');
  process.stdout.write(`\n${table}\n\n(${rounds} alternating batches of ${requests} sequential GETs each, medians; Node ${process.version}, ${(await import('node:os')).cpus().length} cores)\n`);
  await sandboxSection(args);
  if (args.includes('--write-readme')) {
    const readmePath = path.join(root, 'README.md');
    const readme = await readFile(readmePath, 'utf8');
    const note = `Measured with \`npm run bench\` on Node ${process.version}, ${(await import('node:os')).cpus().length} cores: ${rounds} alternating batches of ${requests} sequential GETs each against a loopback server; medians.`;
    const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${table}\n\n${note}\n<!-- bench:end -->`);
    if (updated === readme) throw new Error('README.md has no <!-- bench:start --> … <!-- bench:end --> section');
    await writeFile(readmePath, updated);
    step('README.md benchmark table updated');
  }
});
