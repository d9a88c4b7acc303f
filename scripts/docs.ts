// Builds the reference site from the bundle into docs/: index.html and the downloadable spec files.
import path from 'node:path';
import { bundleJson, docsDir } from './lib/paths.js';
import { buildSite } from './lib/site.js';
import { main, step } from './lib/run.js';

main(async () => {
  const files = await buildSite(bundleJson, path.join(docsDir, 'index.html'));
  step(`Site built (${files.join(', ')}): open docs/index.html in a browser`);
});
