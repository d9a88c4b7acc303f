// Class 12: `npm run mock` ends Prism when npm gets SIGINT or SIGTERM (nothing keeps the port after it exits).
import { spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { connect } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../../tools/prism.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function until(what: string, check: () => Promise<boolean>, attempts: number): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Whether any process of the group is still alive (an orphaned Prism would be). */
const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Whether a Prism process runs in the group (spawned, not necessarily listening yet). */
const prismSpawned = (pgid: number) => {
  try {
    return execFileSync('pgrep', ['-g', String(pgid), '-f', 'prism mock'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

describe('npm run mock', () => {
  it('stops Prism when the signal comes while Prism is still starting', async () => {
    const port = await freePort();
    const npm = spawn('npm', ['run', 'mock', '--silent'], { cwd: root, env: { ...process.env, PORT: String(port) }, detached: true, stdio: 'ignore' });
    const exited = new Promise((resolve) => npm.once('exit', resolve));
    try {
      await until('Prism spawned', async () => prismSpawned(npm.pid!), 240);
      npm.kill('SIGTERM');
      await exited;
      await until('every process of the group ended', async () => !groupAlive(npm.pid!), 120);
      expect(groupAlive(npm.pid!)).toBe(false);
    } finally {
      try {
        process.kill(-npm.pid!, 'SIGKILL');
      } catch {
        // already gone, as it should be
      }
    }
  }, 90_000);

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops Prism when npm gets ${signal}`, async () => {
      const port = await freePort();
      // A process group of its own, so that whatever happens this test can clean up everything it started.
      const npm = spawn('npm', ['run', 'mock', '--silent'], { cwd: root, env: { ...process.env, PORT: String(port) }, detached: true, stdio: 'ignore' });
      const exited = new Promise((resolve) => npm.once('exit', resolve));
      try {
        await until(`Prism listening on ${port}`, () => listening(port), 240);
        npm.kill(signal);
        await exited;
        await until(`port ${port} released and every process of the group ended`, async () => !(await listening(port)) && !groupAlive(npm.pid!), 120);
        expect(await listening(port)).toBe(false);
      } finally {
        try {
          process.kill(-npm.pid!, 'SIGKILL');
        } catch {
          // already gone, as it should be
        }
      }
    }, 90_000);
  }
});
