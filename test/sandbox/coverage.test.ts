// Every operation of the REST API is simulated by the sandbox (or listed below with the reason it is not), and every
// one, called through its SDK method with the spec's own example arguments, gets an answer the spec declares: the
// sandbox's contract check would turn anything else into a 500 and a violation.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { runtimeOperations as operations, type RuntimeOperationId as OperationId } from '../../generated/runtime.js';
import { exampleRequest } from '../../tools/spec.js';
import { bundle, declaredResponse, specOperations } from '../support/spec.js';
import { handlers } from '../../src/sandbox/resources/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { useSandbox } from './fixture.js';

/** REST operations the sandbox answers with 501, and why. */
const notSimulated: Partial<Record<OperationId, string>> = {
  migrateIncomingPhoneNumbers: 'moving numbers between organizations needs organizations, which the sandbox does not model',
  createMessage: 'the cloud Messages API (beta): its callbacks and delivery are not published',
};
// The cloud's live-call and trace records (no route in the open-source server); their fetch operations declare no 404,
// so an unknown SID has no answer within the contract.
for (const id of Object.keys(operations) as OperationId[]) {
  if (/^(list|fetch)(Say|Play|Resume|GatherSpeech|Refer|Trace)Records?$/.test(id)) notSimulated[id] = 'cloud-only live-call and trace records';
}

const rest = (Object.keys(operations) as OperationId[]).filter((id) => !(operations[id] as { server?: string }).server);

describe('operation coverage', () => {
  it('has a handler for every REST API operation, or a stated reason', () => {
    const missing = rest.filter((id) => !handlers[id] && !notSimulated[id]);
    expect(missing).toEqual([]);
    expect(Object.keys(handlers).filter((id) => !rest.includes(id as OperationId))).toEqual([]);
  });

  /** Calls an operation through its SDK method with the spec's example arguments; `accountSid` as the example has it or not. */
  async function callExample(id: OperationId, client: unknown, withExampleAccount: boolean): Promise<Response> {
    const op = operations[id];
    const example = exampleRequest(bundle, specOperations.find((o) => o.operationId === id)!);
    let node = client as unknown as Record<string, unknown>;
    for (const part of op.sdk.namespace) node = node[part] as Record<string, unknown>;
    const positional = op.sdk.args.map((p) => example.path[p]);
    const payload = op.sdk.payload === 'body' ? [example.body] : op.sdk.payload === 'query' ? [example.query] : [];
    const options = withExampleAccount && typeof example.path.AccountSid === 'string' ? { accountSid: example.path.AccountSid } : {};
    const result = (await (node[op.sdk.method] as (...a: unknown[]) => Promise<{ response: Response }>)(...positional, ...payload, options)) as { response: Response };
    return result.response;
  }

  const t = useSandbox();
  it.each(rest.filter((id) => !notSimulated[id]))('%s answers within the contract for the spec example', async (id) => {
    const { sandbox } = t;
    const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl, errors: 'result' });
    // In an empty sandbox the example's SIDs name nothing: the answer is whatever the spec declares for that.
    const status = (await callExample(id, client, false)).status;
    expect(declaredResponse(id, status), `${id} declares ${status}`).toBeDefined();
    expect(status, `${id}: not a server error`).toBeLessThan(500);
    expect(sandbox.violations).toEqual([]);
  });

  /** With the examples' own resources loaded, what does not succeed, and why (the server's answer to that state). */
  const expectedRefusals: Partial<Record<OperationId, [number, string]>> = {
    createAccount: [409, 'the example email belongs to the example sub-account, which is loaded'],
    createClient: [409, 'the example login belongs to the example client, which is loaded'],
    createIncomingPhoneNumber: [400, 'the example number is not for sale (21452)'],
    createLocalIncomingPhoneNumber: [400, 'the example number is not for sale (21452)'],
    createTollFreeIncomingPhoneNumber: [400, 'the example number is not for sale (21452)'],
    createMobileIncomingPhoneNumber: [400, 'the example number is not for sale (21452)'],
    updateCall: [410, 'the example call has ended'],
  };
  it.each(rest.filter((id) => !notSimulated[id]))("%s with seed 'spec-examples': the example request succeeds", async (id) => {
    const sandbox = await startSandbox({ seed: 'spec-examples' });
    try {
      expect(sandbox.accountSid).toBe('AC9f46b62376f96e83cc19ed9502987c78');
      // The credentials the project's contract tests send.
      const client = createClient({ accountSid: sandbox.accountSid, authToken: 'token', baseUrl: sandbox.baseUrl, errors: 'result' });
      const status = (await callExample(id, client, true)).status;
      expect(status).toBe(expectedRefusals[id]?.[0] ?? successStatus(id));
      sandbox.assertNoViolations();
    } finally {
      await sandbox.close();
    }
  });
});

function successStatus(id: OperationId): number {
  const op = specOperations.find((o) => o.operationId === id)!;
  return Number(Object.keys(op.operation.responses as object).find((code) => /^2\d\d$/.test(code)));
}
