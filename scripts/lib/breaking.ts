// The breaking-change gate: compares two bundled descriptions with `redocly diff` and decides whether the revision
// may ship. Breaking (major) changes fail unless the revision's info.version has a higher major than the base's.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bin, root } from './paths.js';
import { run } from './run.js';

/** The bundle of the last release, kept in the repo: the baseline the gate compares against. */
export const releasedJson = path.join(root, 'openapi', 'released', 'openapi.json');

export type Impact = 'major' | 'minor' | 'patch';
export const impacts: readonly Impact[] = ['major', 'minor', 'patch'];

/** One change between the two descriptions, as the gate reports it. */
export interface Change {
  impact: Impact;
  /** added | removed | modified */
  kind: string;
  /** Where the change is, readably: `GET /Accounts.json › query DomainName`. */
  location: string;
  /** The JSON pointer of what changed: a `#/components/...` pointer when it is a shared component. */
  definedAt: string;
  /** What changed, in words. */
  message: string;
  /** The redocly diff rules that rated the change (empty for unrated additions and edits). */
  rules: string[];
}

export interface BreakingResult {
  ok: boolean;
  /** Every change, major first. */
  changes: Change[];
  /** The major changes. */
  breaking: Change[];
  versions: { base: string; revision: string; baseMajor: number; revisionMajor: number };
  /** True when the revision's leading version number is higher than the base's, which allows breaking changes. */
  majorBumped: boolean;
  /** The verdict in words: a summary when ok, what is wrong and how to proceed when not. */
  message: string;
}

type Json = Record<string, unknown>;

// ---- redocly diff's JSON report (reportVersion 1), only the parts used here ----
interface DiffLocation {
  file: string;
  pointer: string;
  line: number;
  col: number;
}
interface DiffSide extends DiffLocation {
  value: unknown;
}
interface DiffChange {
  path: string;
  typeName: string;
  kind: string;
  impact: Impact;
  property?: string;
  verdicts: { ruleId: string; impact: Impact; message: string; location: DiffLocation }[];
  base?: DiffSide;
  revision?: DiffSide;
}
interface DiffReport {
  reportVersion: string;
  changes: DiffChange[];
}

// The repo's redocly.yaml is the lint policy and turns no diff rules on; without them redocly diff rates every removal
// a patch and every addition a minor, so the gate would never fire. The gate therefore runs with a config of its own.
const diffConfig = 'extends:\n  - diff-recommended\n';

/**
 * The major of a semver-like version: its leading number. `2.1.0` → 2, `v3` → 3, and the API-date style this spec
 * uses, `2012-04-24.0`, → 2012 (so a breaking release moves to a later year's date). Undefined when there is none.
 */
export function leadingMajor(version: string): number | undefined {
  const match = /^\s*v?(\d+)/i.exec(version);
  return match ? Number(match[1]) : undefined;
}

function majorOf(version: string | undefined, which: string): number {
  const major = version === undefined ? undefined : leadingMajor(version);
  if (major === undefined) {
    throw new Error(
      `info.version of the ${which} is ${version === undefined ? 'missing' : JSON.stringify(version)}, which has no leading number, ` +
        `so the breaking-change gate cannot tell its major. Start info.version with a number (for example 2.0.0 or 2012-04-24.0; ` +
        `the leading number is the major).`,
    );
  }
  return major;
}

async function readDoc(file: string): Promise<Json> {
  return JSON.parse(await readFile(file, 'utf8')) as Json;
}

function versionOf(doc: Json): string | undefined {
  const version = (doc.info as Json | undefined)?.version;
  return typeof version === 'string' ? version : version === undefined ? undefined : String(version);
}

/** Runs `redocly diff <base> <revision> --format json` with the diff rules on and returns its parsed report. */
export async function redoclyDiff(basePath: string, revisionPath: string): Promise<DiffReport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'restcomm-diff-'));
  try {
    const config = path.join(dir, 'redocly.yaml');
    await writeFile(config, diffConfig);
    // --fail-on none: the verdict is the gate's (it knows about version bumps); a non-zero exit then means redocly
    // itself could not do the comparison (an unreadable file, unresolved $refs, ...).
    const args = ['diff', basePath, revisionPath, '--format', 'json', '--fail-on', 'none', '--config', config, '--lint-config', 'off'];
    const result = await run(bin('redocly'), args, { quiet: true });
    const output = result.stdout + result.stderr;
    if (result.code !== 0) throw new Error(`redocly diff could not compare the descriptions (exit ${result.code}):\n${output.trim()}`);
    if (/No diff rules are on/.test(output)) throw new Error('redocly diff ran without diff rules, so it cannot rate breaking changes');
    const start = result.stdout.indexOf('{');
    if (start < 0) throw new Error(`redocly diff printed no JSON report:\n${output.trim()}`);
    const report = JSON.parse(result.stdout.slice(start)) as DiffReport;
    if (report.reportVersion !== '1') throw new Error(`unexpected redocly diff report version ${report.reportVersion}`);
    return report;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

function segments(pointer: string): string[] {
  return pointer
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Follows a local `$ref` (one or a chain) inside the document. */
function deref(doc: Json, node: unknown): unknown {
  for (let hops = 0; hops < 20 && node && typeof node === 'object' && typeof (node as Json).$ref === 'string'; hops++) {
    let next: unknown = doc;
    for (const key of segments((node as Json).$ref as string)) next = next && typeof next === 'object' ? (next as Json)[key] : undefined;
    node = next;
  }
  return node;
}

/**
 * Makes a pointer's segments readable: `parameters › 4` becomes the parameter it points at (`query SortBy`, looked up
 * in the documents, first match wins) and `$ref` hops disappear.
 */
function nameSegments(segs: string[], docs: Json[]): string[] {
  const named: string[] = [];
  for (const [i, seg] of segs.entries()) {
    if (seg === '$ref') continue;
    if (segs[i - 1] === 'parameters' && /^\d+$/.test(seg)) {
      const param = docs
        .map((doc) => deref(doc, segs.slice(0, i + 1).reduce<unknown>((node, key) => (deref(doc, node) as Json | undefined)?.[key], doc)))
        .find((p): p is Json => !!p && typeof (p as Json).name === 'string');
      if (param) {
        named.splice(-1, 1, `${String(param.in)} ${String(param.name)}`);
        continue;
      }
    }
    named.push(seg);
  }
  return named;
}

/** `#/paths/~1Accounts.json/get/parameters/2` → `GET /Accounts.json › query DomainName` (docs name the parameter). */
export function readableLocation(pointer: string, docs: Json[] = []): string {
  const named = nameSegments(segments(pointer), docs);
  const [top, name, method, ...rest] = named;
  if ((top === 'paths' || top === 'webhooks') && name !== undefined) {
    const where = top === 'paths' ? name : `webhook ${name}`;
    if (method === undefined) return where;
    if (!methods.has(method)) return [where, method, ...rest].join(' › ');
    // `content` and `schema` are structure, not information, in a location a person reads.
    const tail = rest.filter((s, i) => !(s === 'content' && i > 0) && s !== 'schema');
    return [`${method.toUpperCase()} ${where}`, ...tail].join(' › ');
  }
  return named.join(' › ') || 'the document';
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** A sentence for a change that no diff rule rated (additions and harmless edits). */
function describe(change: DiffChange): string {
  const value = (change.revision ?? change.base)?.value as Record<string, unknown> | undefined;
  const segs = segments(change.path);
  const last = segs[segs.length - 1] ?? '';
  const verb = change.kind === 'added' ? 'added' : change.kind === 'removed' ? 'removed' : 'changed';
  if (change.kind === 'modified') {
    return `${change.typeName} \`${change.property ?? last}\` changed: ${brief(change.base?.value)} → ${brief(change.revision?.value)}`;
  }
  switch (change.typeName) {
    case 'Parameter': {
      const p = value ?? {};
      return `${p.required === true ? 'Required' : 'Optional'} ${String(p.in ?? '')} parameter \`${String(p.name ?? last)}\` ${verb}`;
    }
    case 'Operation':
      return `Operation ${readableLocation(change.path)}${value?.operationId ? ` (${String(value.operationId)})` : ''} ${verb}`;
    case 'PathItem':
      return `Path \`${segs[1] ?? last}\` ${verb}`;
    case 'Schema':
      return segs[segs.length - 2] === 'properties' ? `Property \`${last}\` ${verb}` : `Schema \`${last}\` ${verb}`;
    default:
      return `${change.typeName} \`${typeof value?.name === 'string' ? value.name : last}\` ${verb}`;
  }
}

function toChange(change: DiffChange, docs: Json[]): Change {
  const rated = change.verdicts.filter((v) => v.message);
  const side = change.revision ?? change.base;
  return {
    impact: change.impact,
    kind: change.kind,
    location: readableLocation(change.path, docs) + (change.kind === 'modified' && change.property ? ` · ${change.property}` : ''),
    definedAt: rated[0]?.location.pointer ?? side?.pointer ?? change.path,
    message: rated.length ? rated.map((v) => v.message).join(' ') : describe(change),
    rules: [...new Set(rated.map((v) => v.ruleId))],
  };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Compares a revision with the released base and decides whether it may ship. Throws when it cannot decide. */
export async function checkBreaking(basePath: string, revisionPath: string): Promise<BreakingResult> {
  const [baseDoc, revisionDoc] = await Promise.all([readDoc(basePath), readDoc(revisionPath)]);
  const [baseVersion, revisionVersion] = [versionOf(baseDoc), versionOf(revisionDoc)];
  const show = (file: string): string => {
    const rel = path.relative(root, file);
    return rel && !rel.startsWith('..') ? rel : file;
  };
  const baseMajor = majorOf(baseVersion, `released description (${show(basePath)})`);
  const revisionMajor = majorOf(revisionVersion, `current description (${show(revisionPath)})`);
  const report = await redoclyDiff(basePath, revisionPath);

  // A removed thing is named from the base, anything else from the revision.
  const changes = report.changes
    .map((c) => toChange(c, c.kind === 'removed' ? [baseDoc, revisionDoc] : [revisionDoc, baseDoc]))
    .sort((a, b) => impacts.indexOf(a.impact) - impacts.indexOf(b.impact));
  const breaking = changes.filter((c) => c.impact === 'major');
  const majorBumped = revisionMajor > baseMajor;
  const versions = { base: baseVersion ?? '', revision: revisionVersion ?? '', baseMajor, revisionMajor };
  const counts = impacts.map((i) => `${changes.filter((c) => c.impact === i).length} ${i}`).join(', ');
  const since = `since the released ${versions.base}`;

  let ok = true;
  let message: string;
  if (!changes.length) {
    message = `No changes ${since}.`;
  } else if (!breaking.length) {
    message = `No breaking changes ${since} (${counts}).`;
  } else if (majorBumped) {
    message =
      `${plural(breaking.length, 'breaking change')} ${since}, allowed: info.version went ${versions.base} → ${versions.revision} ` +
      `(major ${baseMajor} → ${revisionMajor}). Changes: ${counts}.`;
  } else {
    ok = false;
    message = [
      `${plural(breaking.length, 'breaking change')} ${since} (info.version ${versions.revision}, major ${revisionMajor}, not above ${baseMajor}):`,
      ...breaking.map((c) => `  - ${c.location}: ${c.message}`),
      'To proceed, either:',
      '  - make the change backward compatible (keep the operation, field or enum value and deprecate it; make a new',
      '    parameter or field optional), then run `npm run generate`; or',
      `  - if the break is intended, raise the leading number of info.version in openapi/openapi.yaml above ${baseMajor}`,
      `    (it is ${versions.revision}), run \`npm run generate\`, and cut a release with \`npm run release:baseline\`.`,
    ].join('\n');
  }
  return { ok, changes, breaking, versions, majorBumped, message };
}

/** Every change, grouped by impact, for printing. */
export function formatChanges(changes: Change[]): string {
  const lines: string[] = [];
  for (const impact of impacts) {
    const group = changes.filter((c) => c.impact === impact);
    if (!group.length) continue;
    lines.push(`${impact.toUpperCase()}${impact === 'major' ? ' (breaking)' : ''}: ${group.length}`);
    for (const c of group) {
      lines.push(`  ${c.kind.padEnd(8)} ${c.location}`);
      lines.push(`           ${c.message}${c.rules.length ? ` [${c.rules.join(', ')}]` : ''}`);
      // A shared component is reported at one place that uses it; say where to edit it.
      if (c.definedAt.startsWith('#/components/')) lines.push(`           defined at ${c.definedAt}`);
    }
  }
  return lines.join('\n');
}
