// Runs the smoke worker in workerd through miniflare, then prints the worker's answer on stdout for the runner
// (scripts/runtimes/run.ts). Started with the registry Node 24 from runtimes/ (miniflare needs Node 22+), with type
// stripping, so it uses erasable TypeScript only.
// Usage: node workerd-host.ts <runtimes dir> <worker.mjs> <api base>
import { createRequire } from 'node:module';
import path from 'node:path';

interface MiniflareLike {
  ready: Promise<unknown>;
  dispatchFetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
type MiniflareClass = new (options: Record<string, unknown>) => MiniflareLike;

const [runtimesDir, scriptPath, apiBase] = process.argv.slice(2);
if (!runtimesDir || !scriptPath || !apiBase) throw new Error('usage: workerd-host.ts <runtimes dir> <worker.mjs> <api base>');
const require = createRequire(path.join(path.resolve(runtimesDir), 'package.json'));
const { Miniflare } = require('miniflare') as { Miniflare: MiniflareClass };
const workerdVersion = (require('workerd/package.json') as { version: string }).version;

const mf = new Miniflare({
  modules: true,
  scriptPath: path.resolve(scriptPath),
  // workerd's own date: the newest behaviour this build knows.
  compatibilityDate: (require('workerd') as { compatibilityDate: string }).compatibilityDate,
});
try {
  await mf.ready;
  const response = await mf.dispatchFetch(`http://smoke.local/?base=${encodeURIComponent(apiBase)}`);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`the worker answered ${response.status}: ${text.slice(0, 2000)}`);
  process.stdout.write(`SMOKE ${JSON.stringify({ version: `workerd ${workerdVersion}`, checks: JSON.parse(text) })}\n`);
} finally {
  await mf.dispose();
}
