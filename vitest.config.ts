import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm test`: what the SDK, the RCML and webhook code, the sandbox and the spec do, in five projects side by side.
// Only `contract` starts Prism; `types` runs the type tests (`*.test-d.ts`, tsconfig.types.json). `npx vitest run --project unit` runs one of them. The build gates (lint, drift,
// API report, the built package, the scripts) are `npm run test:tooling` (vitest.tooling.config.ts).
// The README examples import the package by name, as users do.
export const alias = {
  'restcomm-cpaas/sandbox': fileURLToPath(new URL('./src/sandbox/index.ts', import.meta.url)),
  'restcomm-cpaas/rcml': fileURLToPath(new URL('./src/rcml/index.ts', import.meta.url)),
  'restcomm-cpaas/webhooks': fileURLToPath(new URL('./src/webhooks/index.ts', import.meta.url)),
  'restcomm-cpaas/codes': fileURLToPath(new URL('./src/codes.ts', import.meta.url)),
  'restcomm-cpaas/tooling': fileURLToPath(new URL('./src/tooling.ts', import.meta.url)),
  'restcomm-cpaas': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
};
/** The unit project's files (also what `npm run mutation` runs, see vitest.mutation.config.ts). */
export const unitTests = ['test/unit/**/*.test.ts', 'test/hostile/**/*.test.ts', 'test/rcml/**/*.test.ts', 'test/webhooks/**/*.test.ts'];
/** Tests of the build and the scripts rather than of the code: they run in `npm run test:tooling`. */
export const toolingTests = [
  'test/tooling/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/consumer/**/*.test.ts',
  // starts `npm run mock` and signals it
  'test/hostile/mock-signals.test.ts',
  // imports the sandbox from dist/
  'test/sandbox/package.test.ts',
  // `npm run sandbox` in a child process: a test of the script.
  'test/sandbox/script.test.ts',
];

/** What both configs share. */
export const shared = {
  resolve: { alias },
  test: {
    // Worker threads sharing their module graph: the files do not leave global state behind (timers, stubs and
    // env are restored by each test), and this halves vitest's own CPU time.
    pool: 'threads' as const,
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
};

export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    exclude: ['**/node_modules/**', ...toolingTests],
    projects: [
      // The SDK, RCML and webhook code on its own: fetch is injected and time is fake, so no server and no waiting.
      { extends: true, test: { name: 'unit', include: unitTests } },
      // The stateful sandbox (src/sandbox/) in process, on its own fake clock.
      { extends: true, test: { name: 'sandbox', include: ['test/sandbox/**/*.test.ts'] } },
      // The spec's own facts: examples valid against strict schemas, what generators depend on, inferred markers.
      { extends: true, test: { name: 'spec', include: ['test/spec/**/*.test.ts'] } },
      // Everything that talks to the Prism mock of the spec: the one Prism of the run.
      {
        extends: true,
        // Runs after the others (groupOrder 1), so that Prism, launched by the global setup, starts while they run.
        test: {
          name: 'contract',
          include: ['test/contract/**/*.test.ts', 'test/readme/**/*.test.ts'],
          globalSetup: ['test/setup/prism-global.ts'],
          setupFiles: ['test/setup/prism-ready.ts'],
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          // tsc over the type tests and what they import (tsconfig.types.json). The whole repo's type-check is a build
          // gate, like the SDK build that compiles src/: `npm run typecheck`, run by `npm run test:tooling`.
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.types.json' },
        },
      },
    ],
  },
});
