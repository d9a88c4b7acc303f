import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The README examples import the package by name, as users do.
    alias: {
      'restcomm-cpaas/sandbox': fileURLToPath(new URL('./src/sandbox/index.ts', import.meta.url)),
      'restcomm-cpaas/rcml': fileURLToPath(new URL('./src/rcml/index.ts', import.meta.url)),
      'restcomm-cpaas/webhooks': fileURLToPath(new URL('./src/webhooks/index.ts', import.meta.url)),
      'restcomm-cpaas/codes': fileURLToPath(new URL('./src/codes.ts', import.meta.url)),
      'restcomm-cpaas/tooling': fileURLToPath(new URL('./src/tooling.ts', import.meta.url)),
      'restcomm-cpaas': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // The browser test runs on its own (npm run test:browser): it needs Chromium, not Prism.
    exclude: [...configDefaults.exclude, 'test/browser/**'],
    globalSetup: ['test/setup/prism-global.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
