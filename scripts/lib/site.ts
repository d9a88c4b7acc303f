// The reference site: the bundle, decorated for readers (guides and generated pages, code samples, inferred markers,
// the RCML reference), rendered by Redocly build-docs through our page template into one self-contained HTML file
// (scripts inlined: it works offline, from file:// and from any static host), with the spec files beside it.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { diffConfig, releasedJson } from './breaking.js';
import { bin, guidesDir, root } from './paths.js';
import { mustRun, step } from './run.js';
import { buildCodeSamples } from './code-samples.js';
import { buildOperationsTable } from './operations-table.js';
import { rcmlReferenceMarkdown } from './rcml-reference.js';
import { changelogPage, downloadsPage, errorCodesPage, readGuides, type Download, type Page } from './site-pages.js';
import { finishHtml } from './site-html.js';
import { deref, listOperations, type Json, type JsonObject } from '../../tools/spec.js';

const template = path.join(root, 'scripts', 'lib', 'site-template.hbs');

/** The route Redoc gives a tag (its name, slugified): what links to a page use. */
export const tagRoute = (name: string) => `#/${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}`;

/** Descriptions are hard-wrapped at 120 columns in the spec; Redoc's search index joins the lines without a space
 * ("opens\nand" became "opensand"). Join the lines of each paragraph; lists, tables, headings, quotes and code keep
 * their lines. */
export function unwrapMarkdown(text: string): string {
  const out: string[] = [];
  let fenced = false;
  const keepsLine = (line: string) => /^\s*([-*+]\s|\d+[.)]\s|\||#|>|```|~~~|<)/.test(line) || /^\s{4,}\S/.test(line) || line.trim() === '';
  for (const line of text.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const previous = out.length ? out[out.length - 1]! : '';
    // A continuation line joins the line above when both are prose (or the above is a list item being continued).
    const joinable = !fenced && !/^\s*(```|~~~)/.test(line) && !keepsLine(line) && previous.trim() !== '' && !/^\s*(\||#|```|~~~|<)/.test(previous);
    if (joinable && out.length) out[out.length - 1] = `${previous.trimEnd()} ${line.trim()}`;
    else out.push(line);
  }
  return out.join('\n');
}

function unwrapDescriptions(node: Json): void {
  if (Array.isArray(node)) node.forEach(unwrapDescriptions);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') node[key] = unwrapMarkdown(value);
      else unwrapDescriptions(value);
    }
  }
}

/** Redoc shows a form-encoded example as one percent-encoded line (`CallSid=CA…&AccountSid=AC…`), up to nine times
 * wider than its panel. Give the site's copy of each form example as text, one decoded `Key=value` per line (a
 * repeated key once per value); the schema beside it still documents the encoding. */
function readableFormExamples(doc: JsonObject): void {
  const bodies: Json[] = [];
  for (const group of [doc.paths, doc.webhooks] as (JsonObject | undefined)[]) {
    for (const item of Object.values(group ?? {})) {
      for (const op of Object.values(deref(doc, item) ?? {})) if (op && typeof op === 'object' && !Array.isArray(op)) bodies.push(op.requestBody ?? null);
    }
  }
  for (const body of bodies) {
    const media = (deref(doc, body)?.content as JsonObject | undefined)?.['application/x-www-form-urlencoded'] as JsonObject | undefined;
    if (!media?.examples) continue;
    media.examples = Object.fromEntries(
      Object.entries(media.examples as JsonObject).map(([key, ref]) => {
        const example = deref(doc, ref)!;
        const value = example.value as JsonObject | undefined;
        if (!value || typeof value !== 'object') return [key, example];
        const lines = Object.entries(value).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((item) => `${k}=${typeof item === 'string' ? item : JSON.stringify(item)}`));
        return [key, { ...example, value: lines.join('\n') }];
      }),
    );
  }
}

/** Bodies whose members are not documented render as a bare "property name* any" and a `{}` sample, and Redoc does
 * not show a body's own description. Say why where Redoc shows it: the object's description goes on its open-ended
 * member, and an empty example gets its summary as description. */
function explainUndocumented(doc: JsonObject): void {
  const seen = new Set<Json>();
  const visit = (node: Json): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) return node.forEach(visit);
    const open = node.additionalProperties;
    if (open === true || (open && typeof open === 'object' && !Array.isArray(open))) {
      const own = open === true ? {} : open;
      if (!node.properties && !own.description && typeof node.description === 'string') node.additionalProperties = { ...own, description: firstSentences(node.description) };
    }
    if (node.value && typeof node.value === 'object' && !Array.isArray(node.value) && Object.keys(node.value).length === 0 && typeof node.summary === 'string') {
      node.description ??= node.summary;
    }
    Object.values(node).forEach(visit);
  };
  visit(doc);
}

const firstSentences = (text: string) => text.replace(/\*\*Inferred:\*\*\s*/, '').split(/(?<=\.)\s/).slice(0, 2).join(' ');

export interface SitePages {
  guides: Page[];
  /** Reference pages generated at build time (error codes, downloads, changelog). */
  resources: Page[];
}

export function decorateForSite(bundle: JsonObject, pages: SitePages): JsonObject {
  const doc = structuredClone(bundle);
  const samples = buildCodeSamples(doc, buildOperationsTable(doc));
  for (const { operationId, operation } of listOperations(doc)) {
    operation['x-codeSamples'] = samples[operationId]!.flatMap((sample) => {
      // One pair per named example, labelled with the example's key in words ("clientWithHeaders": "client with
      // headers"), short enough for the sample menu beside the path.
      const words = sample.exampleKey?.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
      return [
        { lang: 'Shell', label: words ? `curl: ${words}` : 'curl', source: sample.curl },
        // TypeScript is shown under JavaScript's highlighting, which Redoc 3 knows.
        { lang: 'JavaScript', label: words ? `TypeScript: ${words}` : 'TypeScript SDK', source: sample.typescript },
      ];
    });
    // One marker for inferred operations, the same everywhere: a badge (the description says why).
    if (operation['x-inferred'] === true) operation['x-badges'] = [{ name: 'Inferred', color: '#8a4500' }];
  }
  readableFormExamples(doc);
  explainUndocumented(doc);
  const tags = (doc.tags ?? []) as JsonObject[];
  const rcml = tags.find((t) => t.name === 'RCML');
  if (rcml) rcml.description = `${String(rcml.description ?? '')}\n${rcmlReferenceMarkdown()}`;
  unwrapDescriptions(doc);

  // Guides first, then the reference; the generated pages close the navigation.
  const guideTitles = pages.guides.map((g) => g.title);
  const others = (title: string) =>
    pages.guides
      .filter((g) => g.title !== title)
      .map((g) => `- [${g.title}](${tagRoute(g.title)})`)
      .join('\n');
  const asTag = (page: Page, markdown = page.markdown): JsonObject => ({ name: page.title, 'x-traitTag': true, description: markdown });
  doc.tags = [
    ...pages.guides.map((g) => asTag(g, g.markdown.replace('<!-- guides -->', others(g.title)))),
    ...tags,
    ...pages.resources.map((p) => asTag(p)),
  ];
  const groups = (doc['x-tagGroups'] ?? []) as JsonObject[];
  doc['x-tagGroups'] = [
    ...(guideTitles.length ? [{ name: 'Guides', tags: guideTitles }] : []),
    ...groups,
    { name: 'Resources', tags: pages.resources.map((p) => p.title) },
  ];
  return doc;
}

/** The files a reader can download, copied next to the page: the bundle (JSON and YAML) and every per-service bundle
 * that exists beside it (`services/<service>.openapi.json`). */
async function copyDownloads(bundlePath: string, outDir: string): Promise<{ downloads: Download[]; files: string[] }> {
  const from = path.dirname(bundlePath);
  const wanted: { name: string; label: string }[] = [
    { name: 'openapi.json', label: 'The whole API description, bundled (JSON)' },
    { name: 'openapi.yaml', label: 'The whole API description, bundled (YAML)' },
  ];
  const services = (await readdir(path.join(from, 'services')).catch(() => [] as string[])).filter((n) => n.endsWith('.openapi.json')).sort();
  for (const name of services) wanted.push({ name: `services/${name}`, label: `Only the ${name.replace(/\.openapi\.json$/, '')} service` });
  // Service bundles that no longer exist must not linger beside the page.
  await rm(path.join(outDir, 'services'), { recursive: true, force: true });
  const downloads: Download[] = [];
  for (const { name, label } of wanted) {
    const source = path.join(from, name);
    const info = await stat(source).catch(() => undefined);
    if (!info) continue;
    await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
    await copyFile(source, path.join(outDir, name));
    downloads.push({ href: name, label, bytes: info.size });
  }
  return { downloads, files: downloads.map((d) => d.href) };
}

/** Redoc's options: redocly.yaml's `openapi` section, with one code-sample language per sample label in use. Redoc 3
 * shows an `x-codeSamples` entry only when its label is a configured language, and lists in each operation's menu
 * only the languages that operation has; so the per-example samples ("curl: custom SIP headers") need their labels
 * listed here, which only the build knows. */
async function redocOptions(doc: JsonObject): Promise<JsonObject> {
  const config = (YAML.parse(await readFile(path.join(root, 'redocly.yaml'), 'utf8')) ?? {}) as JsonObject;
  const base = (config.openapi ?? {}) as JsonObject;
  const labels = new Map<string, JsonObject>();
  for (const { operation } of listOperations(doc)) {
    for (const sample of (operation['x-codeSamples'] ?? []) as JsonObject[]) labels.set(String(sample.label), { lang: sample.lang!, label: sample.label! });
  }
  return { ...base, codeSamples: { ...((base.codeSamples ?? {}) as JsonObject), languages: [...labels.values()] } };
}

/** `redocly diff` of the released baseline against this bundle, as Markdown (the breaking gate's rules, never failing). */
async function specDiff(bundlePath: string, dir: string): Promise<{ released?: string; markdown?: string }> {
  const released = await readFile(releasedJson, 'utf8').catch(() => undefined);
  if (released === undefined) return {};
  const report = path.join(dir, 'diff.md');
  await mustRun(bin('redocly'), ['diff', releasedJson, bundlePath, '--format', 'markdown', '--fail-on', 'none', '--config', diffConfig, '--output', report], {
    quiet: true,
    env: { REDOCLY_TELEMETRY: 'off' },
  });
  return { released: String((JSON.parse(released) as JsonObject & { info: JsonObject }).info.version), markdown: await readFile(report, 'utf8') };
}

/** Renders the reference site for a bundled spec into `out` (deterministic: same inputs, same bytes). Returns every
 * file written, relative to the output folder. */
export async function buildSite(bundlePath: string, out: string): Promise<string[]> {
  step(`Building the reference site from ${path.relative(process.cwd(), bundlePath)} into ${path.relative(process.cwd(), out)} (redocly build-docs)`);
  const dir = await mkdtemp(path.join(tmpdir(), 'restcomm-site-'));
  try {
    const bundle = JSON.parse(await readFile(bundlePath, 'utf8')) as JsonObject & { info: JsonObject };
    const { downloads, files } = await copyDownloads(bundlePath, path.dirname(out));
    const diff = await specDiff(bundlePath, dir);
    const packageChanges = await readFile(path.join(root, 'CHANGELOG.md'), 'utf8');
    const pages: SitePages = {
      guides: await readGuides(guidesDir),
      resources: [errorCodesPage(bundle), changelogPage(String(bundle.info.version), diff.released, diff.markdown, packageChanges), downloadsPage(downloads)],
    };
    const decorated = path.join(dir, 'site.json');
    const doc = decorateForSite(bundle, pages);
    await writeFile(decorated, JSON.stringify(doc));
    const options = path.join(dir, 'options.json');
    await writeFile(options, JSON.stringify(await redocOptions(doc)));
    // Telemetry off: otherwise the page reports readers' visits to Redocly from their browsers.
    await mustRun(bin('redocly'), ['build-docs', decorated, '--output', out, '--inlineBundle', '--template', template, '--openapi', options, '--title', 'Restcomm CPaaS API reference'], {
      quiet: true,
      env: { REDOCLY_TELEMETRY: 'off' },
    });
    await writeFile(out, finishHtml(await readFile(out, 'utf8')));
    return [path.basename(out), ...files];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
