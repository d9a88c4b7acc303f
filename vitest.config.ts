import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Five projects in one run. Only `contract` starts Prism; `types` is the type-check of the whole repo (tsc, with the
// `*.test-d.ts` files as its tests). `npx vitest run --project unit` runs one of them.
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
// Starts `npm run mock` (Prism) itself: a tooling test.
export const mockSignals = 'test/hostile/mock-signals.test.ts';
// Imports the sandbox from dist/: a tooling test (its global setup builds dist/).
const sandboxPackage = 'test/sandbox/package.test.ts';

export default defineConfig({
  resolve: { alias },
  test: {
    // Worker threads sharing their module graph: the files do not leave global state behind (timers, stubs and
    // env are restored by each test), and this halves vitest's own CPU time.
    pool: 'threads',
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // The SDK, RCML and webhook code on its own: fetch is injected and time is fake, so no server and no waiting.
        test: { name: 'unit', include: unitTests, exclude: [mockSignals] },
      },
      {
        extends: true,
        // The stateful sandbox (src/sandbox/) in process, on its own fake clock. Its packed form is a tooling test.
        test: { name: 'sandbox', include: ['test/sandbox/**/*.test.ts'], exclude: [sandboxPackage] },
      },
      {
        extends: true,
        // Everything that talks to the Prism mock of the spec.
        test: { name: 'contract', include: ['test/contract/**/*.test.ts', 'test/readme/**/*.test.ts'], globalSetup: ['test/setup/prism-global.ts'] },
      },
      {
        extends: true,
        // The spec's own checks and the build tooling: lint, drift, lint rules, the release gate, the built package
        // (its global setup builds dist/ once), the mock script. The clean-clone pack test is npm run test:pack.
        test: {
          name: 'tooling',
          include: ['test/spec/**/*.test.ts', 'test/tooling/**/*.test.ts', 'test/package/**/*.test.ts', 'test/consumer/**/*.test.ts', mockSignals, sandboxPackage],
          exclude: ['test/package/clean-pack.test.ts'],
          globalSetup: ['test/setup/build-sdk.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          // tsc over tsconfig.json (src, generated, scripts, tools, tests): a type error anywhere fails the run.
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
        },
      },
    ],
  },
});
