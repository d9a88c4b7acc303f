// npm run breaking: fails when generated/openapi.json needs a higher info.version than it has, compared with the last
// release (releases/openapi.json). Run `npm run generate` first.
import path from 'node:path';
import { checkRelease, releasedJson } from './lib/breaking.js';
import { bundleJson, root } from './lib/paths.js';
import { main, step } from './lib/run.js';

main(async () => {
  step(`Comparing ${path.relative(root, bundleJson)} with the last release, ${path.relative(root, releasedJson)} (redocly diff --check-version)`);
  const gate = await checkRelease(releasedJson, bundleJson);
  process.stdout.write(`${gate.diff}\n`);
  if (gate.sdk.breaks.length) {
    process.stdout.write(`\nSDK breaks redocly diff does not rate (they need a major bump):\n${gate.sdk.breaks.map((b) => `  - ${b}`).join('\n')}\n`);
  }
  if (!gate.ok) throw new Error('the release gate failed: raise info.version in openapi/openapi.yaml as asked above (or make the change compatible), then `npm run generate`');
  step('Release gate passed');
});
