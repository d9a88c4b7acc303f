import path from 'node:path';
import { bin } from './paths.js';
import { mustRun, step } from './run.js';

/** Renders the reference site for a bundled spec with Redocly (deterministic: same bundle, same bytes). */
export async function buildSite(bundle: string, out: string): Promise<void> {
  step(`Building the reference site from ${path.relative(process.cwd(), bundle)} into ${path.relative(process.cwd(), out)} (redocly build-docs)`);
  await mustRun(bin('redocly'), ['build-docs', bundle, '--output', out], { quiet: true });
}
