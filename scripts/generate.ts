import { generatedDir } from './lib/paths.js';
import { generateAll } from './lib/generate.js';
import { main } from './lib/run.js';

main(async () => {
  await generateAll(generatedDir);
});
