// What `npm run mutation` (Stryker) runs against each mutant of src/: the unit project alone (no Prism, fake time),
// with fewer property-test samples.
import { defineConfig } from 'vitest/config';
import { alias, toolingTests, unitTests } from './vitest.config.js';

export default defineConfig({ resolve: { alias }, test: { include: unitTests, exclude: ['**/node_modules/**', ...toolingTests], setupFiles: ['test/setup/mutation.ts'], testTimeout: 60_000 } });
