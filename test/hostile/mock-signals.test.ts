// Class 12: `npm run mock` ends Prism when npm gets SIGINT or SIGTERM (nothing keeps the port after it exits).
import { spawn } from 'node:child_process';
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

describe('npm run mock', () => {
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
        await until(`port ${port} released`, async () => !(await listening(port)), 40);
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
