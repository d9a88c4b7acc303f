// Against the Prism mock: when it refuses a request, the error says what it refused (its sl-violations header).
import { describe, expect, inject, it } from 'vitest';
import { createClient, RestcommHttpError } from '../../src/index.js';
import { MOCK_ACCOUNT_SID } from '../../scripts/lib/mock-client.js';

describe('errors from the mock', () => {
  it('carry what the mock rejected in the message and in violations', async () => {
    const client = createClient({ baseUrl: inject('mockUrl'), accountSid: MOCK_ACCOUNT_SID, authToken: 'mock-token' });
    const err = await client.calls.list({ PageSize: -5 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestcommHttpError);
    const failure = err as RestcommHttpError;
    expect(failure.violations.length).toBeGreaterThan(0);
    expect(failure.message).toMatch(/the mock rejected the request: .*pagesize must be >= 1/);
  });
});
