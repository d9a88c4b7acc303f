// Every operation of the REST API is simulated by the sandbox (or listed below with the reason it is not), and every
// one, called through its SDK method with the spec's own example arguments, gets an answer the spec declares: the
// sandbox's contract check would turn anything else into a 500 and a violation.
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { runtimeOperations as operations, type RuntimeOperationId as OperationId } from '../../generated/runtime.js';
import { exampleRequest } from '../../scripts/lib/examples.js';
import { bundle, declaredResponse, specOperations } from '../support/spec.js';
import { handlers } from '../../src/sandbox/resources/index.js';
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

  const t = useSandbox();
  it.each(rest.filter((id) => !notSimulated[id]))('%s answers within the contract for the spec example', async (id) => {
    const { sandbox } = t;
    const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl, errors: 'result' });
    const op = operations[id];
    const example = exampleRequest(bundle, specOperations.find((o) => o.operationId === id)!);
    let node = client as unknown as Record<string, unknown>;
    for (const part of op.sdk.namespace) node = node[part] as Record<string, unknown>;
    const positional = op.sdk.args.map((p) => example.path[p]);
    const payload = op.sdk.payload === 'body' ? [example.body] : op.sdk.payload === 'query' ? [example.query] : [];
    // The example's account is someone else's: act on the sandbox's own account instead.
    const result = (await (node[op.sdk.method] as (...a: unknown[]) => Promise<{ response: Response }>)(...positional, ...payload, {})) as { response: Response };
    const status = result.response.status;
    expect(declaredResponse(id, status), `${id} declares ${status}`).toBeDefined();
    expect(status, `${id}: not a server error`).toBeLessThan(500);
    expect(sandbox.violations).toEqual([]);
  });
});
