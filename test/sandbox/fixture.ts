// One sandbox and one local app per test, torn down after it; every test also fails on a contract violation.
import { afterEach, beforeEach } from 'vitest';
import { createClient, type RestcommClient } from '../../src/index.js';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox/index.js';
import { startApp, type LocalApp } from './app.js';

export const START = Date.UTC(2026, 2, 4, 11, 30);

export function useSandbox(options: SandboxOptions = {}) {
  const state = {} as { sandbox: Sandbox; app: LocalApp; client: RestcommClient };
  beforeEach(async () => {
    state.sandbox = await startSandbox({ startTime: START, ...options });
    state.app = await startApp();
    state.client = createClient({ accountSid: state.sandbox.accountSid, authToken: state.sandbox.authToken, baseUrl: state.sandbox.baseUrl });
  });
  afterEach(async () => {
    try {
      state.sandbox.assertNoViolations();
    } finally {
      await state.sandbox.close();
      await state.app.close();
    }
  });
  return state;
}

/** The one call a create answered with (a forked call answers with a list). */
export function single<T>(value: T | T[]): T {
  return Array.isArray(value) ? value[0]! : value;
}
