// The README's code is these example files, word for word, and each one runs: against the Prism mock, or against a
// scripted server where the example is about a failure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, inject, it, vi } from 'vitest';
import { empty, scriptedFetch } from '../support/scripted-fetch.js';
import { mockClientLine } from '../../scripts/lib/mock-client.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

/** `<!-- example: test/readme/examples/x.ts -->` followed by a ```ts block. */
const blocks = [...readme.matchAll(/<!-- example: (\S+) -->\s*```ts\n([\s\S]*?)```/g)].map((m) => ({ file: m[1]!, code: m[2]! }));

function useServer(baseUrl: string) {
  vi.stubEnv('RESTCOMM_ACCOUNT_SID', 'AC9f46b62376f96e83cc19ed9502987c78');
  vi.stubEnv('RESTCOMM_AUTH_TOKEN', '6f1ed002ab5595859014ebf0951522d9');
  vi.stubEnv('RESTCOMM_DOMAIN', '');
  vi.stubEnv('RESTCOMM_BASE_URL', baseUrl);
}

const scripted = scriptedFetch();
// The failure example runs on a scripted global fetch; no other test may see it.
afterEach(() => vi.unstubAllGlobals());
afterAll(() => vi.unstubAllEnvs());

describe('README examples', () => {
  it('shows every example file, exactly as it is', () => {
    expect(blocks.map((b) => b.file).sort()).toEqual(
      ['create-call.ts', 'handle-error.ts', 'ivr.ts', 'mock.ts', 'page-sms.ts', 'status-callback.ts'].map((f) => `test/readme/examples/${f}`).sort(),
    );
    for (const block of blocks) expect(block.code, block.file).toBe(readFileSync(path.join(root, block.file), 'utf8'));
  });

  it('creates a call against the mock', async () => {
    useServer(inject('mockUrl'));
    const { legs } = await import('./examples/create-call.js');
    expect(legs.length).toBeGreaterThan(0);
    for (const leg of legs) expect(leg.sid).toMatch(/^(ID[0-9a-f]{32}-)?CA[0-9a-f]{32}$/);
  });

  it('pages through SMS against the mock', async () => {
    useServer(inject('mockUrl'));
    const { undelivered } = await import('./examples/page-sms.js');
    expect(undelivered.length).toBeGreaterThan(0);
    expect(undelivered[0]).toMatch(/^SM[0-9a-f]{32} to /);
  });

  it('hangs up a call against the mock, and handles a 410 for a call that already ended', async () => {
    useServer(inject('mockUrl'));
    expect((await import('./examples/handle-error.js')).outcome).toBe('hung up');
    vi.resetModules(); // run the example's top level again, against a server that answers 410
    scripted.script(empty(410, 'Gone'));
    useServer(scripted.baseUrl);
    vi.stubGlobal('fetch', scripted.fetch); // the example takes the global fetch
    const { outcome } = await import('./examples/handle-error.js');
    expect(outcome).toBe('the call had already ended');
    expect(scripted.received).toHaveLength(1);
  });

  it('parses a status callback, and names what is missing from a bad one', async () => {
    const { onCallStatus } = await import('./examples/status-callback.js');
    const body = new URLSearchParams({
      InstanceId: 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0',
      AccountSid: 'AC9f46b62376f96e83cc19ed9502987c78',
      CallSid: 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CAe41f0a9b8c7d6e5f4a3b2c1d0e9f8a7b',
      From: '+15125550100',
      To: '+15125550177',
      Direction: 'outbound-api',
      CallerName: '+15125550100',
      ForwardedFrom: '',
      CallStatus: 'completed',
      CallDuration: '42',
      Timestamp: 'Mon, 04 Mar 2024 11:30:12 UTC',
      CallbackSource: 'call-progress-events',
      SequenceNumber: '3',
    });
    expect(onCallStatus(body.toString())).toBe('ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CAe41f0a9b8c7d6e5f4a3b2c1d0e9f8a7b lasted 42 s');
    expect(onCallStatus('CallStatus=completed')).toMatch(/^rejected: .*missing required parameters InstanceId, AccountSid, CallSid/);
  });

  it('runs the line `npm run mock` prints, as the README shows it, against the mock', async () => {
    const example = blocks.find((b) => b.file.endsWith('/mock.ts'))!.code;
    expect(example).toContain(mockClientLine(4010));
    // The example names the mock's default port; this suite's mock runs on a free one.
    const realFetch = globalThis.fetch;
    vi.stubGlobal('fetch', (input: string, init?: RequestInit) => realFetch(input.replace('http://127.0.0.1:4010', inject('mockUrl')), init));
    try {
      const { first } = await import('./examples/mock.js');
      expect(first?.sid).toMatch(/^(ID[0-9a-f]{32}-)?CA[0-9a-f]{32}$/);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('builds a valid IVR answer', async () => {
    const { xml } = await import('./examples/ivr.js');
    expect(xml).toContain('<Gather action="/ivr/choice" numDigits="1" timeout="5"><Say voice="woman" language="en">');
  });
});
