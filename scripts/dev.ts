// npm run dev: the spec editor's loop. Watches openapi/; on each save it bundles and regenerates generated/ (types,
// tables, SDK types), then writes the service bundles, lints, rebuilds the site and restarts the mock side by side, printing each problem with its
// file and line. The site is served on http://127.0.0.1:4011 (SITE_PORT) and reloads itself when it is rebuilt; the
// mock listens on http://127.0.0.1:4010 (PORT).
import { readdirSync, watch } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import path from 'node:path';
import { startPrism, type RunningPrism } from '../tools/prism.js';
import { bundleSpec, generateAll } from './lib/generate.js';
import { writeServiceBundles } from './lib/service-bundles.js';
import { bin, bundleJson, docsDir, generatedDir, root, specRoot } from './lib/paths.js';
import { run, step } from './lib/run.js';
import { buildSite } from './lib/site.js';

const mockPort = Number(process.env.PORT ?? 4010);
const sitePort = Number(process.env.SITE_PORT ?? 4011);
const sitePath = path.join(docsDir, 'index.html');

// The served page listens for a rebuild and reloads; the file on disk stays exactly what `npm run docs` writes.
const reloadScript = `<script>new EventSource('/__reload').onmessage = () => location.reload();</script>`;
const listeners = new Set<ServerResponse>();
const site = createServer((req, res) => {
  if (req.url === '/__reload') {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' }).write('\n');
    listeners.add(res);
    req.on('close', () => listeners.delete(res));
    return;
  }
  if (req.url !== '/' && req.url !== '/index.html') return void res.writeHead(404).end();
  readFile(sitePath, 'utf8').then(
    (html) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html.replace('</body>', `${reloadScript}</body>`)),
    (err: Error) => res.writeHead(500, { 'Content-Type': 'text/plain' }).end(err.message),
  );
});

let mock: RunningPrism | undefined;
async function restartMock(): Promise<void> {
  await mock?.stop();
  mock = await startPrism({ port: mockPort });
}

/** One pass after a save: regenerate first (what the editor waits for), then the slower checks side by side. */
async function cycle(savedAt: number, what: string): Promise<void> {
  step(`${what} changed`);
  let doc;
  try {
    doc = await bundleSpec();
    await generateAll(generatedDir, doc, { services: false });
  } catch (err) {
    process.stderr.write(`✖ ${err instanceof Error ? err.message : String(err)}\n`);
    return;
  }
  step(`Regenerated the types and tables in generated/ ${Math.round(performance.now() - savedAt)} ms after the save`);
  const [lint] = await Promise.allSettled([
    run(bin('redocly'), ['lint', path.relative(root, specRoot)], { quiet: true }),
    writeServiceBundles(doc, generatedDir),
    buildSite(bundleJson, sitePath).then(() => {
      for (const res of listeners) res.write('data: reload\n\n');
    }),
    restartMock(),
  ]).then((results) => {
    for (const r of results) if (r.status === 'rejected') process.stderr.write(`✖ ${r.reason instanceof Error ? r.reason.message : String(r.reason)}\n`);
    return results;
  });
  // Redocly prints each problem with its file, line and column, and the lines around it.
  if (lint.status === 'fulfilled') process.stdout.write(lint.value.code === 0 ? '✓ lint clean\n' : `${lint.value.stdout}${lint.value.stderr}`);
  step(`Service bundles, site, lint and mock done ${Math.round(performance.now() - savedAt)} ms after the save; waiting for the next one`);
}

// Saves come in bursts (editors write, rename, touch): one pass per burst, and never two at once.
let pending: { at: number; what: string } | undefined;
let running: Promise<void> | undefined;
function schedule(file: string): void {
  const first = !pending;
  pending = { at: pending?.at ?? performance.now(), what: path.join('openapi', file) };
  if (!first || running) return;
  setTimeout(function next() {
    const job = pending!;
    pending = undefined;
    running = cycle(job.at, job.what).finally(() => {
      running = undefined;
      if (pending) setTimeout(next, 0);
    });
  }, 50);
}

site.listen(sitePort, '127.0.0.1', () => step(`Site on http://127.0.0.1:${sitePort} (reloads on rebuild); mock on http://127.0.0.1:${mockPort}`));
// One watcher per folder, not on files: editors replace a file on save (a new inode a file watcher would lose), and
// Node 20's recursive watch on Linux loses files the same way.
const specDir = path.dirname(specRoot);
const watched = new Set<string>();
function watchTree(dir: string): void {
  if (watched.has(dir)) return;
  watched.add(dir);
  watch(dir, (_event, file) => {
    if (!file) return;
    if (/\.(ya?ml|json)$/.test(file)) schedule(path.relative(specDir, path.join(dir, file)));
    else void stat(path.join(dir, file)).then((s) => s.isDirectory() && watchTree(path.join(dir, file)), () => {});
  });
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) watchTree(path.join(dir, entry.name));
}
watchTree(specDir);
schedule('openapi.yaml');
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    site.close();
    for (const res of listeners) res.end();
    void (mock?.stop() ?? Promise.resolve()).then(() => process.exit(0));
  });
}
