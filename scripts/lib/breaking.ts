// The breaking-change gate: `redocly diff <release> <bundle> --check-version` (diff-recommended rules) decides, and
// this adds the breaks it cannot see because they are in what the SDK generates, not in the HTTP contract.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonObject } from '../../tools/spec.js';
import { buildOperationsTable } from './operations-table.js';
import { bin, root } from './paths.js';
import { run } from './run.js';

/** The bundle of the last release: the baseline the gate compares against (`npm run release:baseline` writes it). */
export const releasedJson = path.join(root, 'releases', 'openapi.json');
const diffConfig = path.join(root, 'releases', 'diff.yaml');

/**
 * Breaks redocly diff does not rate: a renamed SDK method (`x-sdk`, or a path segment the name comes from) and an array
 * form field that changes how it travels (`encoding.explode`: repeated keys or one comma-joined field). Both keep the
 * HTTP description valid for old clients on paper while breaking the code they run.
 */
export function sdkBreaks(base: JsonObject, revision: JsonObject): string[] {
  const before = buildOperationsTable(base);
  const after = buildOperationsTable(revision);
  const breaks: string[] = [];
  for (const [id, old] of Object.entries(before)) {
    const now = after[id];
    if (!now) continue; // a removed operation is redocly's to report
    const [was, is] = [old, now].map((o) => [...o.sdk.namespace, o.sdk.method].join('.'));
    if (was !== is) breaks.push(`${id}: the SDK method client.${was} would become client.${is}`);
    for (const [field, style] of Object.entries(old.formArrays)) {
      const next = now.formArrays[field];
      if (next && next !== style) breaks.push(`${id}: form field ${field} would travel as ${next === 'comma' ? 'one comma-joined field' : 'repeated keys'} instead of ${style === 'comma' ? 'one comma-joined field' : 'repeated keys'}`);
    }
  }
  return breaks;
}

const major = (doc: JsonObject) => Number(/^\s*v?(\d+)/.exec(String((doc.info as JsonObject | undefined)?.version ?? ''))?.[1] ?? NaN);

export interface GateResult {
  ok: boolean;
  /** What redocly diff printed: every change with its rating, file and line, and its version verdict. */
  diff: string;
  /** Breaks redocly diff does not see, and whether the version allows them. */
  sdk: { breaks: string[]; allowed: boolean };
}

/** Runs the gate on two bundles. Throws when redocly cannot compare them at all. */
export async function checkRelease(basePath: string, revisionPath: string): Promise<GateResult> {
  const args = ['diff', basePath, revisionPath, '--check-version', '--fail-on', 'none', '--config', diffConfig, '--lint-config', 'off'];
  const result = await run(bin('redocly'), args, { quiet: true });
  const diff = (result.stdout + result.stderr).trim();
  if (result.code !== 0 && !/info\.version/.test(diff)) throw new Error(`redocly diff could not compare the descriptions (exit ${result.code}):\n${diff}`);
  const [base, revision] = await Promise.all([basePath, revisionPath].map(async (f) => JSON.parse(await readFile(f, 'utf8')) as JsonObject));
  const breaks = sdkBreaks(base!, revision!);
  const allowed = breaks.length === 0 || major(revision!) > major(base!);
  return { ok: result.code === 0 && allowed, diff, sdk: { breaks, allowed } };
}
