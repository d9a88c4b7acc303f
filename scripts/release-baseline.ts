// Records the current bundle as the last release, the baseline `npm run breaking` compares against. Run it when
// cutting a release, after `npm run generate`, and commit releases/openapi.json with the release.
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { releasedJson } from './lib/breaking.js';
import { bundleJson, root } from './lib/paths.js';
import { main, step } from './lib/run.js';

main(async () => {
  await copyFile(bundleJson, releasedJson);
  step(`Recorded ${path.relative(root, bundleJson)} as ${path.relative(root, releasedJson)}: commit it with the release`);
});
