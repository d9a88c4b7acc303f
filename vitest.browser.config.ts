import { defineConfig } from 'vitest/config';

// The browser test of the built site: no Prism, real Chromium.
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
