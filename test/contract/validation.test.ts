// What the mock does with requests the spec forbids: missing credentials, missing or malformed parameters, wrong body type.
import { describe, expect, inject, it } from 'vitest';
import { operations } from '../../src/operations.js';
import { declaredResponse } from '../support/spec.js';

const ACCOUNT_SID = 'AC9f46b62376f96e83cc19ed9502987c78';
const mockUrl = inject('mockUrl');
const auth = `Basic ${btoa(`${ACCOUNT_SID}:token`)}`;
const form = 'application/x-www-form-urlencoded';

describe('requests the spec rejects', () => {
  it('answers 401 when credentials are missing, for every secured operation, with the challenge each declares', async () => {
    const secured = Object.entries(operations).filter(([, op]) => op.secured && op.pathParams.length === 0);
    expect(secured.length).toBeGreaterThan(10);
    for (const [id, op] of secured) {
      const res = await fetch(`${mockUrl}${op.path}`, { method: op.method });
      expect(res.status, id).toBe(401);
      // The core server's challenge names its realm; the cloud services' 401s are documented without one.
      const challenge = (declaredResponse(id, 401)?.headers as Record<string, unknown> | undefined)?.['WWW-Authenticate'];
      expect(res.headers.get('WWW-Authenticate'), id).toBe(challenge ? 'Basic realm="Restcomm realm"' : null);
    }
    const res = await fetch(`${mockUrl}/Accounts/${ACCOUNT_SID}.json`);
    expect(res.status).toBe(401);
  });

  it("answers Prism's 422 naming the parameter when a path parameter breaks its pattern and the operation declares no 400", async () => {
    expect(declaredResponse('fetchAccount', 400)).toBeUndefined();
    const res = await fetch(`${mockUrl}/Accounts/not-a-sid.json`, { headers: { Authorization: auth } });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { validation: { location: string[]; code: string }[] };
    expect(problem.validation.some((v) => v.location.join('.') === 'path.accountsid' && v.code === 'pattern')).toBe(true);
  });

  it("answers Prism's 422 naming the parameter when a required query parameter is missing", async () => {
    expect(operations.deleteVisualDesignerMedia.queryRequired).toBe(true);
    expect(declaredResponse('deleteVisualDesignerMedia', 400)).toBeUndefined();
    const res = await fetch(`${mockUrl}/visual-designer/services/projects/AP54fd249e3e668ba36ca41c596cd6a009/wavs`, {
      method: 'DELETE',
      headers: { Authorization: auth },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { validation: { location: string[]; code: string }[] };
    expect(problem.validation).toContainEqual(expect.objectContaining({ location: ['query'], code: 'required' }));
  });

  it("answers the operation's own 400 and names the missing field when a required body field is absent", async () => {
    expect(declaredResponse('createAccount', 400)).toBeDefined();
    const res = await fetch(`${mockUrl}/Accounts.json`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': form },
      body: 'FriendlyName=No+email',
    });
    expect(res.status).toBe(400);
    const violations = JSON.parse(res.headers.get('sl-violations') ?? '[]') as { message: string }[];
    expect(violations.map((v) => v.message).join('\n')).toMatch(/required property 'EmailAddress'/);
  });

  it('refuses a JSON body where the server reads form fields', async () => {
    const res = await fetch(`${mockUrl}/Accounts.json`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ EmailAddress: 'a@acme-tel.example', Password: 'Rc0m-Supp0rt!desk' }),
    });
    expect(res.status).toBe(415);
  });

  it("answers Prism's 422 naming the field when a PUT body value is outside its enum", async () => {
    const res = await fetch(`${mockUrl}/Accounts/${ACCOUNT_SID}/Applications/AP8d5a4b1f0c3e4d2a9b6f7e1c2d3a4b5c.json`, {
      method: 'PUT',
      headers: { Authorization: auth, 'Content-Type': form },
      body: 'Kind=fax',
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { validation: { location: string[] }[] };
    expect(problem.validation.map((v) => v.location.join('.'))).toContain('body.Kind');
  });

  it("answers createOutgoingCallerId's own 400 naming PhoneNumber when it is missing", async () => {
    const res = await fetch(`${mockUrl}/Accounts/${ACCOUNT_SID}/OutgoingCallerIds.json`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': form },
      body: 'FriendlyName=Support+line',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('sl-violations') ?? '').toContain('PhoneNumber');
  });
});
