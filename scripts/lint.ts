// Lints the hand-authored spec with the policy in redocly.yaml; warnings fail too (the bar is 0/0).
import { bin, specRoot } from './lib/paths.js';
import { main, run, step } from './lib/run.js';

main(async () => {
  step(`Linting ${specRoot.replace(process.cwd() + '/', '')} (redocly.yaml: recommended-strict + house rules)`);
  const result = await run(bin('redocly'), ['lint', specRoot, '--format=stylish']);
  const text = result.stdout + result.stderr;
  const warnings = /(\d+) warnings?/.exec(text);
  if (result.code !== 0) throw new Error('lint found errors (listed above)');
  if (warnings && Number(warnings[1]) > 0) throw new Error(`lint found ${warnings[1]} warning(s); the bar is 0 errors, 0 warnings`);
  step('Lint clean: 0 errors, 0 warnings');
});
