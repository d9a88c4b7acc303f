// The breaking-change gate: fails when generated/openapi.json breaks clients of the last release
// (openapi/released/openapi.json) without a higher major in info.version. Run `npm run generate` first.
import path from 'node:path';
import { checkBreaking, formatChanges, releasedJson } from './lib/breaking.js';
import { bundleJson, root } from './lib/paths.js';
import { main, step } from './lib/run.js';

main(async () => {
  const show = (file: string): string => path.relative(root, file);
  step(`Comparing ${show(bundleJson)} with the last release, ${show(releasedJson)} (redocly diff, diff-recommended rules)`);
  const result = await checkBreaking(releasedJson, bundleJson);
  process.stdout.write(`info.version: released ${result.versions.base} (major ${result.versions.baseMajor}), ` +
    `current ${result.versions.revision} (major ${result.versions.revisionMajor})\n`);
  if (result.changes.length) process.stdout.write(`\n${formatChanges(result.changes)}\n`);
  if (!result.ok) throw new Error(result.message);
  step(result.message);
});
