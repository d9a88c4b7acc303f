// Fails, naming the files, when generated/ or the docs/ site differ from what the spec produces now.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { docsDir, generatedDir } from './lib/paths.js';
import { buildSite } from './lib/site.js';
import { generateAll } from './lib/generate.js';
import { main, step } from './lib/run.js';

main(async () => {
  const fresh = await mkdtemp(path.join(tmpdir(), 'restcomm-generated-'));
  try {
    const files = (await generateAll(fresh)).map((f) => path.relative(fresh, f));
    step('Comparing with the committed generated/');
    const drifted: string[] = [];
    for (const file of files) {
      const want = await readFile(path.join(fresh, file), 'utf8');
      const have = await readFile(path.join(generatedDir, file), 'utf8').catch(() => null);
      if (have !== want) drifted.push(`generated/${file}${have === null ? ' (missing)' : ''}`);
    }
    // A service bundle left behind by a service that no longer exists is drift too.
    const services = await readdir(path.join(generatedDir, 'services')).catch(() => [] as string[]);
    for (const file of services.map((f) => path.join('services', f))) {
      if (!files.includes(file)) drifted.push(`generated/${file} (no longer generated: delete it)`);
    }
    await buildSite(path.join(fresh, 'openapi.json'), path.join(fresh, 'index.html'));
    const site = await readFile(path.join(docsDir, 'index.html'), 'utf8').catch(() => null);
    if (site !== (await readFile(path.join(fresh, 'index.html'), 'utf8'))) drifted.push(`docs/index.html${site === null ? ' (missing)' : ''}`);
    if (drifted.length) {
      throw new Error(`generated output is out of date with openapi/:\n  ${drifted.join('\n  ')}\nRun \`npm run generate\` and commit the result.`);
    }
    step('generated/ and docs/ are in sync with the spec');
  } finally {
    await rm(fresh, { recursive: true, force: true });
  }
});
