// The one way this repo starts Prism: `npm run mock`, the contract tests' global setup and `npm run contract -- --mock`.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { bundleJson } from './spec.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface RunningPrism {
  url: string;
  /** Everything Prism printed so far (for a failure message). */
  output(): string;
  stop(): Promise<void>;
}

/** A TCP port on the loopback interface that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface PrismOptions {
  spec?: string;
  port?: number;
  echo?: boolean;
  timeoutMs?: number;
}

/**
 * Starts `prism mock` on the bundle (a free loopback port unless one is given) and resolves once it answers HTTP.
 * `echo` passes Prism's own log through (the mock script); otherwise its warnings and errors are kept for error messages.
 */
export async function startPrism(options: PrismOptions = {}): Promise<RunningPrism> {
  const launched = await launchPrism(options);
  await launched.ready;
  return launched;
}

/**
 * Spawns Prism and returns at once, with `ready` settling when it answers HTTP (or rejecting when it exits or misses
 * the deadline, after stopping it). The test run starts Prism this way so that its 3 s start-up overlaps the tests
 * that do not need it.
 */
export async function launchPrism(options: PrismOptions = {}): Promise<RunningPrism & { ready: Promise<void> }> {
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  // Prism's per-request info lines are for a person watching `npm run mock`; unwatched, only its warnings and errors
  // are kept (a sixth of its CPU time in the contract suite went into the log).
  const args = ['mock', options.spec ?? bundleJson, '--port', String(port), '--host', '127.0.0.1', '--verboseLevel', options.echo ? 'info' : 'warn'];
  const child = spawn(path.join(root, 'node_modules', '.bin', 'prism'), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d: Buffer) => {
      output += d.toString();
      if (options.echo) process.stdout.write(d);
    });
  }
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let spawnError: Error | undefined;
  child.once('error', (err) => (spawnError = err));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || spawnError) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  const timeoutMs = options.timeoutMs ?? 60_000;
  const ready = (async () => {
    const answered = await waitForHttp(url, timeoutMs, () => {
      if (spawnError) throw new Error(`Could not start Prism: ${spawnError.message}. Run npm ci.`);
      if (child.exitCode !== null) throw new Error(`Prism exited with ${child.exitCode} before it was ready:\n${output}`);
    });
    if (!answered) {
      await stop();
      throw new Error(`Prism did not answer on ${url} in time:\n${output}`);
    }
  })();
  ready.catch(() => {}); // awaited by whoever needs Prism; an unawaited failure must not crash the process
  return { url, output: () => output, stop, ready };
}

/**
 * Polls `url` until it gives any HTTP answer (Prism says 404 for `/`): `true`, or `false` once `timeoutMs` has passed.
 * `check` runs before each try and may throw to stop waiting (the server's process has died).
 */
export async function waitForHttp(url: string, timeoutMs: number, check: () => void = () => {}): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    check();
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return true;
    } catch {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
