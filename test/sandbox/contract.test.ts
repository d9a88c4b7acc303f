// The sandbox is held to the spec: an answer or a webhook of its own that breaks the spec is an error naming the
// violation, never something a client or an app has to cope with.
import { describe, expect, it } from 'vitest';
import { createClient, RestcommHttpError } from '../../src/index.js';
import { ContractViolationError, startSandbox } from '../../src/sandbox/index.js';
import { checkWebhookRequest } from '../../src/sandbox/webhook-sender.js';

describe('contract violations of the sandbox itself', () => {
  it('refuses to send an answer that breaks the spec: 500 naming the violation, kept in sandbox.violations', async () => {
    // A faulty handler: a call whose status is not one of the spec's, and without its required uri.
    const sandbox = await startSandbox({
      handlers: {
        fetchCall: (ctx) => ({ status: 200, type: 'application/json', body: { sid: ctx.path.CallSid, status: 'ringing-ish' } }),
      },
    });
    try {
      const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });
      const error = await client.calls.fetch('ID' + 'a'.repeat(32) + '-CA' + 'b'.repeat(32)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RestcommHttpError);
      expect((error as RestcommHttpError).status).toBe(500);
      expect(sandbox.violations).toHaveLength(1);
      const violation = sandbox.violations[0]!;
      expect(violation).toBeInstanceOf(ContractViolationError);
      expect(violation.where).toBe('fetchCall (GET /Accounts/{AccountSid}/Calls/{CallSid}.json) → 200');
      expect(violation.violations).toContain('body.status: must be equal to one of the allowed values');
      expect(violation.violations).toContain("body: must have required property 'uri'");
      expect(() => sandbox.assertNoViolations()).toThrow(/Sandbox contract violation in fetchCall/);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses an undeclared status', async () => {
    const sandbox = await startSandbox({ handlers: { listClients: () => ({ status: 201, type: 'application/json', body: [] }) } });
    try {
      const response = await fetch(`${sandbox.baseUrl}/Accounts/${sandbox.accountSid}/Clients.json`, {
        headers: { Authorization: `Basic ${Buffer.from(`${sandbox.accountSid}:${sandbox.authToken}`).toString('base64')}` },
      });
      expect(response.status).toBe(500);
      expect(await response.text()).toContain('status 201 is not declared');
    } finally {
      await sandbox.close();
    }
  });

  it('refuses to send a webhook that breaks the spec', () => {
    const good: [string, string][] = [
      ['InstanceId', 'ID' + 'a'.repeat(32)],
      ['AccountSid', 'AC' + 'a'.repeat(32)],
      ['CallSid', 'ID' + 'a'.repeat(32) + '-CA' + 'b'.repeat(32)],
      ['From', '+15125550100'],
      ['To', '+15125550177'],
      ['Direction', 'outbound-api'],
      ['CallerName', '+15125550100'],
      ['ForwardedFrom', ''],
      ['CallStatus', 'answered'],
      ['Timestamp', 'Wed, 04 Mar 2026 11:30:00 UTC'],
      ['CallbackSource', 'call-progress-events'],
      ['SequenceNumber', '2'],
    ];
    expect(() => checkWebhookRequest({ kind: 'callStatusCallback', url: 'http://127.0.0.1/', method: 'POST', params: good })).not.toThrow();
    const bad = good.map(([k, v]): [string, string] => (k === 'CallStatus' ? [k, 'in-progress'] : k === 'Timestamp' ? [k, '2026-03-04T11:30:00Z'] : [k, v]));
    let caught: unknown;
    try {
      checkWebhookRequest({ kind: 'callStatusCallback', url: 'http://127.0.0.1/', method: 'POST', params: bad });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContractViolationError);
    expect((caught as ContractViolationError).where).toBe('webhook callStatusCallback');
    expect((caught as ContractViolationError).message).toMatch(/CallStatus="in-progress" is not one of the allowed values/);
    // What the webhook parser does not judge (a bound) is caught by the schema check (Ajv) behind it.
    const negative = [...good.map(([k, v]): [string, string] => (k === 'CallStatus' ? [k, 'completed'] : [k, v])), ['CallDuration', '-5'] as [string, string]];
    expect(() => checkWebhookRequest({ kind: 'callStatusCallback', url: 'http://127.0.0.1/', method: 'POST', params: negative })).toThrow(
      /webhook callStatusCallback: params.CallDuration: must be >= 0/,
    );
  });

  it('refuses options that cannot work, naming them', async () => {
    await expect(startSandbox({ handlers: { fetchCallz: () => ({ status: 200 }) } })).rejects.toThrow('handlers.fetchCallz is not an operation of the spec');
    await expect(startSandbox({ webhookTimeoutMs: -5 })).rejects.toThrow('webhookTimeoutMs must be an integer from 1 to 600000, got -5');
    await expect(startSandbox({ host: '0.0.0.0' })).rejects.toThrow('host must be a loopback address');
    await expect(startSandbox({ authToken: 'secret' })).rejects.toThrow('authToken must be 32 lowercase hex digits');
  });
});
