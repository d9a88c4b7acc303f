// The contract project's global setup: one Prism mock of the bundle for all its files. It is launched, not awaited:
// Prism takes about 3 s to start, which the projects that run before `contract` (see vitest.config.ts) overlap, and
// the contract files wait for it in `prism-ready.ts`.
import type { TestProject } from 'vitest/node';
import { launchPrism } from '../../tools/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await launchPrism();
  mock.ready.catch((error: unknown) => console.error(String(error)));
  project.provide('mockUrl', mock.url);
  return async () => {
    await mock.ready.catch(() => {});
    await mock.stop();
  };
}
