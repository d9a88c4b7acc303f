// The reference site: the bundle, decorated for readers (code samples, inferred markers, the RCML reference), rendered
// by Redocly into one self-contained HTML file (scripts inlined: it works offline and from any static host).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin } from './paths.js';
import { mustRun, step } from './run.js';
import { buildCodeSamples } from './code-samples.js';
import { buildOperationsTable } from './operations-table.js';
import { rcmlReferenceMarkdown } from './rcml-reference.js';
import { listOperations, type JsonObject } from '../../tools/spec.js';

export function decorateForSite(bundle: JsonObject): JsonObject {
  const doc = structuredClone(bundle);
  const samples = buildCodeSamples(doc, buildOperationsTable(doc));
  for (const { operationId, operation } of listOperations(doc)) {
    const sample = samples[operationId]!;
    operation['x-codeSamples'] = [
      { lang: 'Shell', label: 'curl', source: sample.curl },
      // Redoc 3 lists only the languages it knows; TypeScript is shown under JavaScript's highlighting.
      { lang: 'JavaScript', label: 'TypeScript SDK', source: sample.typescript },
    ];
    if (operation['x-inferred'] === true) {
      // Visible in the navigation and the heading, not only in the description.
      operation.summary = `[Inferred] ${String(operation.summary ?? operationId)}`;
      operation['x-badges'] = [{ name: 'Inferred', color: '#b45309' }];
    }
  }
  const rcml = ((doc.tags ?? []) as JsonObject[]).find((t) => t.name === 'RCML');
  if (rcml) rcml.description = `${String(rcml.description ?? '')}\n${rcmlReferenceMarkdown()}`;
  return doc;
}

// The one asset Redoc still loads from Redocly's CDN is its logo; inline a neutral one so the page makes no request
// off its own host (it works offline and behind strict networks), and give it an empty favicon for the same reason.
const logo = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" rx="3" fill="#5b6472"/></svg>')}`;

export function selfContained(html: string): string {
  const out = html
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini-full.svg', logo)
    .replaceAll('https://cdn.redoc.ly/redoc/logo-mini.svg', logo)
    .replace('<head>', '<head>\n    <link rel="icon" href="data:,">');
  if (!out.includes('<link rel="icon" href="data:,">')) throw new Error('build-docs output has no <head>: cannot add the favicon');
  return out;
}

/** Renders the reference site for a bundled spec (deterministic: same bundle, same bytes). */
export async function buildSite(bundlePath: string, out: string): Promise<void> {
  step(`Building the reference site from ${path.relative(process.cwd(), bundlePath)} into ${path.relative(process.cwd(), out)} (redocly build-docs)`);
  const dir = await mkdtemp(path.join(tmpdir(), 'restcomm-site-'));
  try {
    const decorated = path.join(dir, 'site.json');
    await writeFile(decorated, JSON.stringify(decorateForSite(JSON.parse(await readFile(bundlePath, 'utf8')) as JsonObject)));
    // Telemetry off: otherwise the page reports readers' visits to Redocly from their browsers.
    await mustRun(bin('redocly'), ['build-docs', decorated, '--output', out, '--inlineBundle', '--title', 'Restcomm CPaaS API reference'], {
      quiet: true,
      env: { REDOCLY_TELEMETRY: 'off' },
    });
    await writeFile(out, selfContained(await readFile(out, 'utf8')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
