// npm run test:runtimes: the packed SDK, installed as a user installs it, runs one smoke program
// (test/runtimes/smoke.ts) under every runtime in runtimes/package.json, against a loopback server that this script
// starts. Prints one PASS/FAIL line per runtime with its version and exits non-zero when any fails.
// Usage: npm run test:runtimes [-- node20 deno …]   (a subset by name)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleFor } from '../lib/bundle.js';
import { root } from '../lib/paths.js';
import { main, mustRun, step } from '../lib/run.js';
import type { SmokeCheck } from '../../test/runtimes/smoke.js';
import { startSmokeServer, type SmokeServer } from './server.js';

const runtimesDir = path.join(root, 'runtimes');
const workDir = path.join(runtimesDir, '.work');
const consumerDir = path.join(workDir, 'consumer');
const installed = (p: string) => path.join(runtimesDir, 'node_modules', p);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Per runtime: a stuck one fails instead of hanging CI. */
const RUNTIME_DEADLINE_MS = 120_000;

interface Outcome {
  version: string;
  checks: SmokeCheck[];
}

interface Runtime {
  name: string;
  /** The package in runtimes/ whose version the runtime must report: proof that the pinned binary ran. */
  pinnedBy?: string;
  run(server: SmokeServer): Promise<Outcome>;
}

/** Installs the pinned runtimes unless an install newer than runtimes/package-lock.json is there (.ci/run installs first). */
async function ensureRuntimes(): Promise<void> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`runtimes/package.json pins the linux-x64 builds; this machine is ${process.platform}-${process.arch}`);
  }
  const lock = await stat(path.join(runtimesDir, 'package-lock.json'));
  const done = await stat(installed('.package-lock.json')).catch(() => undefined); // written by npm at the end of an install
  if (done && done.mtimeMs >= lock.mtimeMs) return;
  step('Installing the pinned runtimes from the npm registry (npm ci --prefix runtimes --ignore-scripts)');
  // No install scripts: every binary ships inside its registry package, and nothing may download one at install.
  await mustRun('npm', ['ci', '--prefix', runtimesDir, '--ignore-scripts', '--no-audit', '--no-fund'], { quiet: true });
}

/** `npm pack`, then a project that installs the tarball: the SDK exactly as a user gets it. */
async function installPackedSdk(): Promise<void> {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(consumerDir, { recursive: true });
  const packed = await mustRun('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', workDir], { quiet: true });
  const tarball = (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename;
  await writeFile(path.join(consumerDir, 'package.json'), JSON.stringify({ name: 'smoke-consumer', private: true, type: 'module', dependencies: { 'restcomm-cpaas': `file:../${tarball}` } }, null, 2));
  await mustRun('npm', ['install', '--prefix', consumerDir, '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'], { quiet: true });
  // The smoke program, compiled as is: the package stays an import, resolved from the consumer's node_modules.
  await build({
    entryPoints: [path.join(root, 'test', 'runtimes', 'smoke.ts')],
    outfile: path.join(consumerDir, 'smoke.mjs'),
    bundle: true,
    external: ['restcomm-cpaas', 'restcomm-cpaas/*'],
    platform: 'neutral',
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
  });
  // The command-line entry for the runtimes that run files: Node, Bun, Deno.
  await writeFile(
    path.join(consumerDir, 'main.mjs'),
    `import { runSmoke } from './smoke.mjs';
const { Deno, Bun } = globalThis;
const version = Deno ? \`deno \${Deno.version.deno}\` : Bun ? \`bun \${Bun.version}\` : \`node \${process.versions.node}\`;
const checks = await runSmoke((Deno ? Deno.args : process.argv.slice(2))[0]);
console.log('SMOKE ' + JSON.stringify({ version, checks }));
Deno ? Deno.exit(0) : process.exit(0);
`,
  );
}

/** Runs a command that prints `SMOKE {json}` and reads the outcome from it. */
function runSmokeProcess(command: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: consumerDir, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), RUNTIME_DEADLINE_MS);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => (clearTimeout(timer), reject(err)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('SMOKE '));
      if (line) return resolve(JSON.parse(line.slice('SMOKE '.length)) as Outcome);
      const why = signal ? `killed (${signal}) after ${RUNTIME_DEADLINE_MS / 1000} s` : `exited with ${code}`;
      reject(new Error(`${path.basename(command)} ${why} without a result\n${(stderr || stdout).trim().split('\n').slice(-15).join('\n')}`));
    });
  });
}

/** The work's result, or a rejection naming what hung once the per-runtime deadline passes. */
async function withDeadline<T>(work: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), RUNTIME_DEADLINE_MS)));
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

const nodeRuntime = (major: 20 | 22 | 24): Runtime => ({
  name: `node${major}`,
  pinnedBy: `node${major}`,
  run: (server) => runSmokeProcess(installed(`node${major}/bin/node`), ['main.mjs', server.apiBase]),
});

const runtimes: Runtime[] = [
  nodeRuntime(20),
  nodeRuntime(22),
  nodeRuntime(24),
  // No auto-install of missing packages; DO_NOT_TRACK: no crash reports or telemetry.
  { name: 'bun', pinnedBy: '@oven/bun-linux-x64', run: (server) => runSmokeProcess(installed('@oven/bun-linux-x64/bin/bun'), ['--no-install', 'main.mjs', server.apiBase], { DO_NOT_TRACK: '1' }) },
  {
    name: 'deno',
    pinnedBy: '@deno/linux-x64-glibc',
    // With a package.json beside it, Deno resolves `restcomm-cpaas` from node_modules; no update check, no prompt,
    // nothing fetched (--cached-only), network to the loopback server only, its cache inside the work folder.
    run: (server) =>
      runSmokeProcess(installed('@deno/linux-x64-glibc/deno'), ['run', '--cached-only', '--no-prompt', `--allow-net=${new URL(server.apiBase).host}`, '--allow-read=.', 'main.mjs', server.apiBase], {
        DENO_NO_UPDATE_CHECK: '1',
        DENO_DIR: path.join(workDir, 'deno-dir'),
      }),
  },
  {
    name: 'workerd',
    run: async (server) => {
      const worker = await bundleFor('worker', {
        resolveDir: consumerDir,
        contents: `import { runSmoke } from './smoke.mjs';
export default {
  async fetch(request) {
    return Response.json(await runSmoke(new URL(request.url).searchParams.get('base')));
  },
};`,
      });
      const workerPath = path.join(consumerDir, 'worker.mjs');
      await writeFile(workerPath, worker);
      // miniflare needs Node 22 or newer: run it on the registry Node 24.
      return runSmokeProcess(installed('node24/bin/node'), [path.join(root, 'scripts', 'runtimes', 'workerd-host.ts'), runtimesDir, workerPath, server.apiBase]);
    },
  },
  {
    name: 'chromium',
    run: async (server) => {
      if (!existsSync(chromiumPath)) throw new Error(`No Chromium at ${chromiumPath}: install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`);
      const page = await bundleFor('browser', { resolveDir: consumerDir, contents: `export { runSmoke } from './smoke.mjs';`, globalName: 'RestcommSmoke' });
      server.serve('smoke.js', 'text/javascript', new TextDecoder().decode(page));
      server.serve('index.html', 'text/html; charset=utf-8', '<!doctype html><meta charset="utf-8"><title>restcomm-cpaas smoke</title><link rel="icon" href="data:,"><script src="smoke.js"></script>');
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      });
      try {
        const tab = await browser.newPage();
        const pageErrors: string[] = [];
        tab.on('pageerror', (err) => pageErrors.push(err.message));
        await tab.goto(server.pageUrl('index.html'), { waitUntil: 'load' });
        // The page is on 127.0.0.1 and calls the API on localhost: every request is cross-origin, with a preflight.
        const checks = await tab.evaluate(
          (base) => (globalThis as unknown as { RestcommSmoke: { runSmoke(b: string): Promise<SmokeCheck[]> } }).RestcommSmoke.runSmoke(base),
          server.crossOriginApiBase,
        );
        for (const message of pageErrors) checks.push({ name: 'page error', ok: false, detail: message });
        return { version: `chromium ${browser.version()}`, checks };
      } finally {
        await browser.close();
      }
    },
  },
];

main(async () => {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !runtimes.some((r) => r.name === name));
  if (unknown.length) throw new Error(`unknown runtime ${unknown.join(', ')}; known: ${runtimes.map((r) => r.name).join(', ')}`);
  const selected = wanted.length ? runtimes.filter((r) => wanted.includes(r.name)) : runtimes;

  await ensureRuntimes();
  step('Packing the SDK (npm pack) and installing the tarball into runtimes/.work/consumer');
  await installPackedSdk();

  step(`Running the smoke program under ${selected.map((r) => r.name).join(', ')}`);
  const lines: string[] = [];
  let failed = 0;
  for (const runtime of selected) {
    const server = await startSmokeServer();
    let outcome: Outcome | undefined;
    let error: string | undefined;
    try {
      outcome = await withDeadline(runtime.run(server), `${runtime.name} gave no result within ${RUNTIME_DEADLINE_MS / 1000} s`);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    } finally {
      await server.close();
    }
    const checks = outcome?.checks ?? [];
    if (outcome && runtime.pinnedBy) {
      const pinned = (JSON.parse(await readFile(installed(`${runtime.pinnedBy}/package.json`), 'utf8')) as { version: string }).version;
      checks.push({ name: 'pinned version', ok: outcome.version.endsWith(` ${pinned}`), detail: `ran ${outcome.version}, runtimes/ pins ${runtime.pinnedBy}@${pinned}` });
    }
    const bad = checks.filter((c) => !c.ok);
    const ok = !error && checks.length > 0 && bad.length === 0 && server.problems.length === 0;
    if (!ok) failed++;
    const line = `${ok ? 'PASS' : 'FAIL'}  ${runtime.name.padEnd(9)} ${(outcome?.version ?? '?').padEnd(22)} ${checks.length - bad.length}/${checks.length} checks`;
    lines.push(line);
    process.stdout.write(`${line}\n`);
    for (const c of ok ? [] : bad) process.stdout.write(`      ✖ ${c.name}: ${c.detail}\n`);
    for (const p of ok ? [] : server.problems) process.stdout.write(`      ✖ server: ${p}\n`);
    if (error) process.stdout.write(`      ✖ ${error.replace(/\n/g, '\n        ')}\n`);
    if (process.env.VERBOSE) for (const c of checks) process.stdout.write(`      ${c.ok ? '✓' : '✖'} ${c.name}: ${c.detail}\n`);
  }
  // The per-runtime lines again when failure details came between them; then the count CI reads.
  if (failed) process.stdout.write(`\n${lines.join('\n')}\n`);
  process.stdout.write(`\n${selected.length - failed} passed, ${failed} failed\n`);
  if (failed) process.exit(1);
});
