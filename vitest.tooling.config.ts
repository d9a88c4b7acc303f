// `npm run test:tooling`: the build gates and the scripts, run by CI as its own step after `npm test`. The spec lints
// clean, generated/ and docs/ match it, the API report matches the built entries, the whole repo type-checks, what `npm pack` ships, a strict consumer compiles against dist/, `npm run mock` stops
// Prism on signals, the release gate, the live contract checker and the lint rules. Its global setup builds dist/ once.
// The clean-clone pack test is `npm run test:pack`.
import { defineConfig } from 'vitest/config';
import { shared, toolingTests } from './vitest.config.js';

export default defineConfig({
  ...shared,
  test: {
    ...shared.test,
    name: 'tooling',
    include: toolingTests,
    exclude: ['test/package/clean-pack.test.ts'],
    globalSetup: ['test/setup/build-sdk.ts'],
  },
});
