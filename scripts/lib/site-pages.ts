// The site's pages that are not operations: hand-written guides from docs/guides/, and pages generated from the spec
// (the error-code table, the downloads list, the changelog). Each becomes a tag whose description is the page.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildCodesTable, codeSchemas } from './codes-table.js';
import { deref, listOperations, type JsonObject } from '../../tools/spec.js';

export interface Page {
  /** The navigation label and the page's heading. */
  title: string;
  /** The page body in Markdown. */
  markdown: string;
}

/** Guide files are `NN-slug.md`; anything else in the folder is a mistake worth naming. */
const GUIDE_FILE = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/;
const MAX_GUIDE_BYTES = 200_000;
const MAX_GUIDES = 50;

/** The guides in file-name order. Each must start with a `# Title` line, which becomes its navigation label. */
export async function readGuides(dir: string): Promise<Page[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
  const wrong = names.filter((n) => !GUIDE_FILE.test(n));
  if (wrong.length) throw new Error(`${dir}: guide files must be named NN-slug.md (two digits, lower-case slug): ${wrong.join(', ')}`);
  if (names.length > MAX_GUIDES) throw new Error(`${dir}: ${names.length} guides, more than the ${MAX_GUIDES} the site allows`);
  const guides: Page[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    if ((await stat(file)).size > MAX_GUIDE_BYTES) throw new Error(`${file}: larger than ${MAX_GUIDE_BYTES} bytes`);
    const text = (await readFile(file, 'utf8')).replace(/\r\n/g, '\n');
    const match = /^# (.+)\n/.exec(text);
    if (!match) throw new Error(`${file}: the first line must be the page title, as "# Title"`);
    guides.push({ title: match[1]!.trim(), markdown: text.slice(match[0].length).trim() });
  }
  const titles = guides.map((g) => g.title);
  const duplicate = titles.find((t, i) => titles.indexOf(t) !== i);
  if (duplicate) throw new Error(`${dir}: two guides have the title "${duplicate}"`);
  return guides;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const firstParagraph = (s: unknown) => String(s ?? '').trim().split(/\n\s*\n/)[0]!;

/** HTTP error statuses as the operations answer them, then every code dictionary of the spec (the SDK's
 * `describeErrorCode` reads the same dictionaries, generated into generated/codes.ts). */
export function errorCodesPage(doc: JsonObject): Page {
  const out: string[] = [
    'Every error status the operations answer with, then every error-code list the spec documents value by value. The SDK',
    "returns the same meanings from `describeErrorCode(code)`. Entries marked *inferred* are deduced, not documented.",
    '',
    '## HTTP statuses',
    '',
    'Most error answers have an empty body: read the status first. Shared answers are described once; the others are',
    "described on each operation.",
    '',
    '| Status | Meaning | Operations |',
    '| --- | --- | --- |',
  ];
  const rows = new Map<string, { status: string; meaning: string; count: number }>();
  for (const { operation } of listOperations(doc)) {
    {
      const responses = (operation.responses ?? {}) as JsonObject;
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]/.test(status)) continue;
        const ref = (response as JsonObject).$ref as string | undefined;
        const key = `${status} ${ref ?? 'inline'}`;
        const meaning = ref ? firstParagraph(deref(doc, response)?.description) : 'Specific to the operation: see its description.';
        const row = rows.get(key) ?? { status, meaning, count: 0 };
        row.count += 1;
        rows.set(key, row);
      }
    }
  }
  for (const row of [...rows.values()].sort((a, b) => a.status.localeCompare(b.status) || b.count - a.count)) {
    out.push(`| \`${row.status}\` | ${cell(row.meaning)} | ${row.count} |`);
  }
  const schemas = codeSchemas(doc);
  // The error-code lists, as `describeErrorCode` searches them (src/codes.ts); status enums stay on their schemas.
  for (const [name, entries] of Object.entries(buildCodesTable(doc)).filter(([n]) => /ErrorCode$|^ReasonCode$/.test(n))) {
    const schema = schemas[name] as JsonObject;
    out.push('', `## ${codeListTitle(name)}`, '', `${cell(firstParagraph(schema.description))} (\`${name}\`)`, '', '| Code | Meaning |', '| --- | --- |');
    for (const [code, entry] of Object.entries(entries)) out.push(`| \`${code}\` | ${cell(entry.meaning)}${entry.inferred ? ' *(inferred)*' : ''} |`);
  }
  out.push(
    '',
    '## Notification error codes',
    '',
    "The `error_code` of a notification (the account's error log) is a Restcomm error code in the 10001–15004 range.",
    "The server's dictionary of them is not published value by value, so this reference does not list them; each",
    "notification's `more_info` names the page that describes its code.",
  );
  return { title: 'Error codes', markdown: out.join('\n') };
}

/** `SmsErrorCode` as "SMS error codes", `ReasonCode` as "Reason codes". */
function codeListTitle(name: string): string {
  const words = name.split(/(?<=[a-z])(?=[A-Z])/).map((w, i) => (w === 'Sms' ? 'SMS' : i === 0 ? w : w.toLowerCase()));
  return `${words.join(' ')}s`;
}

export interface Download {
  /** Relative link from the site's page. */
  href: string;
  label: string;
  bytes: number;
}

export function downloadsPage(files: Download[]): Page {
  const size = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1000))} kB`);
  const out = [
    'The OpenAPI 3.1 description behind this site, as one bundled file, and one file per service for tools that only',
    'need part of the API (code generators, mocks, API clients). They are the same files the SDK is generated from.',
    '',
    '| File | What it holds | Size |',
    '| --- | --- | --- |',
    ...files.map((f) => `| [${f.href}](${f.href}) | ${cell(f.label)} | ${size(f.bytes)} |`),
  ];
  return { title: 'Downloads', markdown: out.join('\n') };
}

/** The changelog: the API description's changes since the last release (`redocly diff`), then the package's own
 * changes (CHANGELOG.md). `specDiff` is redocly's Markdown report, or undefined when there is no released baseline. */
export function changelogPage(current: string, released: string | undefined, specDiff: string | undefined, packageChanges: string): Page {
  const out: string[] = [
    'What changed in the API description and in the package. The description follows semver (see',
    '[Versioning](#/versioning)): a major release for a change that can break a client, a minor one for additions.',
    '',
  ];
  out.push('## API description', '', 'Every change to the OpenAPI description since the last release, rated by `redocly diff`.', '');
  if (released === undefined || specDiff === undefined) out.push(`Version ${current}; no released description to compare with yet.`);
  else {
    const unreleased = current === released ? 'unreleased' : `${current}, unreleased`;
    out.push(`### Since ${released} (${unreleased})`, '', readableDiff(specDiff, released), '', `### ${released}`, '', 'The last released description: the baseline `npm run breaking` compares every change with.');
  }
  // CHANGELOG.md: its own title and introduction give way to this page's; its sections become subsections.
  const sections = packageChanges.replace(/\r\n/g, '\n').split(/^(?=## )/m).slice(1);
  out.push('', '## Package', '', 'Changes to the SDK, the RCML tools, the mock and this site (`CHANGELOG.md`).', '', ...sections.map((section) => section.replace(/^## /, '### ').trim() + '\n'));
  return { title: 'Changelog', markdown: out.join('\n') };
}

/** `#/paths/~1Calls.json/post/parameters/5 · description` as `POST /Calls.json › parameters › 5 › description`. */
function readablePointer(cell: string): string {
  const raw = cell.replace(/^`|`$/g, '');
  const parts = raw.replace(/^#\//, '').split(/\/| · /).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if ((parts[0] === 'paths' || parts[0] === 'webhooks') && parts.length > 2 && /^(get|put|post|delete|patch|head|options|trace)$/.test(parts[2]!)) {
    return `\`${parts[2]!.toUpperCase()} ${parts[1]}\` › ${parts.slice(3).join(' › ')}`.replace(/ › $/, '');
  }
  return `\`${parts.join(' › ')}\``;
}

/** redocly's report names the compared files and their line numbers, which mean nothing to a reader: keep the
 * counts and the table without its Location column. */
function readableDiff(markdown: string, released: string): string {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const split = (row: string) => row.split(/(?<!\\)\|/);
  const table = lines.filter((l) => l.startsWith('|'));
  const counts = lines.find((l) => /^\*\*\d+\*\* major/.test(l));
  if (table.length <= 2) return `No changes since the ${released} release.`;
  const header = split(table[0]!).map((c) => c.trim());
  const location = header.indexOf('Location');
  const pointer = header.indexOf('Pointer');
  const rows = table.map((row, i) => {
    const cells = split(row);
    if (i > 1 && pointer >= 0) cells[pointer] = ` ${readablePointer(cells[pointer]!.trim())} `;
    if (location >= 0) cells.splice(location, 1);
    return cells.join('|');
  });
  return [counts ?? '', '', ...rows].join('\n').trim();
}
