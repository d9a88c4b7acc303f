// npm run test:pack: a clean clone of HEAD installs, packs and the tarball imports (a minute or more: npm ci in the
// clone), so it runs in CI after npm test rather than in it.
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/package/clean-pack.test.ts'], testTimeout: 300_000 } });
