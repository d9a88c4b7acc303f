// The contract project's global setup: one Prism mock of the bundle for all its files.
import type { TestProject } from 'vitest/node';
import { startPrism } from '../../tools/prism.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startPrism();
  project.provide('mockUrl', mock.url);
  return () => mock.stop();
}
