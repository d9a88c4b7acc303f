// npm run mutation: StrykerJS mutates src/ and runs the unit tests (vitest.mutation.config.ts) against each mutant;
// a mutant no test notices is a behaviour the suite does not pin down. The HTML report lands in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  // src/ but its declarative RCML table (data, not behaviour: the RCML tests check the table through the builder) and
  // the sandbox (a server of its own, tested by the sandbox project, not by the unit tests this runs).
  mutate: ['src/**/*.ts', '!src/rcml/schema.ts', '!src/sandbox/**'],
  // Mutants in module-level code would need every test re-run, one mutant at a time: skipped, and counted as such.
  ignoreStatic: true,
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  tempDirName: '.stryker-tmp',
  concurrency: 2,
  // A mutant that loops (the XML parser's scanners) is cut off this long after the time its tests normally take.
  timeoutMS: 3_000,
  // Only mutants in changed code, or covered by changed tests, are run again (reports/stryker-incremental.json);
  // `npm run mutation -- --force` runs them all.
  incremental: true,
  thresholds: { high: 80, low: 60, break: null },
};
