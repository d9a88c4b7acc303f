// The server's PUT updates (the twin of each POST update) and the Outgoing Caller IDs resource, against the mock.
import { describe, expect, it } from 'vitest';
import { api, contract, mockUrl, ACCOUNT_SID } from './harness.js';

const SUB_ACCOUNT = 'ACe0d2e82a089d5686d85f728e245bc7da';
const APPLICATION_SID = 'AP8d5a4b1f0c3e4d2a9b6f7e1c2d3a4b5c';
const CLIENT_SID = 'CL2c7f9e1a3b5d4c6e8f0a1b2c3d4e5f60';
const PHONE_NUMBER_SID = 'PN4e3c2b1a0f9e8d7c6b5a493827160504';
const CALLER_ID_SID = 'PN7b1e4c9a2d3f4e5a8b6c0d1e2f3a4b5c';

/** A form request the typed client would refuse to build, straight to the mock. */
const sendForm = (method: string, route: string, body: string) =>
  fetch(`${mockUrl}${route}`, {
    method,
    headers: { Authorization: `Basic ${btoa(`${ACCOUNT_SID}:secret`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body,
  });

describe('PUT updates', () => {
  it('putAccount', () =>
    contract('putAccount', (headers) =>
      api.PUT('/Accounts/{AccountSid}.json', { params: { path: { AccountSid: SUB_ACCOUNT } }, body: { FriendlyName: 'Acme support (EU)' }, headers }),
    ));

  it('putApplication', () =>
    contract('putApplication', (headers) =>
      api.PUT('/Accounts/{AccountSid}/Applications/{ApplicationSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ApplicationSid: APPLICATION_SID } },
        body: { FriendlyName: 'Front desk IVR (after hours)', RcmlUrl: 'https://rcml.acme-tel.example/ivr/after-hours.xml' },
        headers,
      }),
    ));

  it('putClient', () =>
    contract('putClient', (headers) =>
      api.PUT('/Accounts/{AccountSid}/Clients/{ClientSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ClientSid: CLIENT_SID } },
        body: { Status: 0, VoiceApplicationSid: '' },
        headers,
      }),
    ));

  it('putIncomingPhoneNumber', () =>
    contract('putIncomingPhoneNumber', (headers) =>
      api.PUT('/Accounts/{AccountSid}/IncomingPhoneNumbers/{PhoneNumberSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, PhoneNumberSid: PHONE_NUMBER_SID } },
        body: { FriendlyName: 'Support line (EU)', SmsMethod: 'GET' },
        headers,
      }),
    ));

  it('checks PUT bodies: a Kind outside the list gets Prism\'s 422 naming the field', async () => {
    const res = await sendForm('PUT', `/Accounts/${ACCOUNT_SID}/Applications/${APPLICATION_SID}.json`, 'Kind=fax');
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { validation: { location: string[] }[] };
    expect(problem.validation.map((v) => v.location.join('.'))).toContain('body.Kind');
  });
});

describe('Outgoing Caller IDs', () => {
  it('listOutgoingCallerIds', () =>
    contract('listOutgoingCallerIds', (headers) =>
      api.GET('/Accounts/{AccountSid}/OutgoingCallerIds.json', { params: { path: { AccountSid: ACCOUNT_SID } }, headers }),
    ));

  it('createOutgoingCallerId', () =>
    contract('createOutgoingCallerId', (headers) =>
      api.POST('/Accounts/{AccountSid}/OutgoingCallerIds.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: { PhoneNumber: '+15125550147', FriendlyName: 'Support line' },
        headers,
      }),
    ));

  it('createOutgoingCallerId without PhoneNumber is refused by the mock', async () => {
    const res = await sendForm('POST', `/Accounts/${ACCOUNT_SID}/OutgoingCallerIds.json`, 'FriendlyName=Support+line');
    // The operation declares 400 for this, so Prism answers it (with the documented plain-text message).
    expect(res.status).toBe(400);
    expect(res.headers.get('sl-violations') ?? '').toContain('PhoneNumber');
  });

  it('fetchOutgoingCallerId', () =>
    contract('fetchOutgoingCallerId', (headers) =>
      api.GET('/Accounts/{AccountSid}/OutgoingCallerIds/{OutgoingCallerIdSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, OutgoingCallerIdSid: CALLER_ID_SID } },
        headers,
      }),
    ));

  it('updateOutgoingCallerId', () =>
    contract('updateOutgoingCallerId', (headers) =>
      api.PUT('/Accounts/{AccountSid}/OutgoingCallerIds/{OutgoingCallerIdSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, OutgoingCallerIdSid: CALLER_ID_SID } },
        body: { FriendlyName: 'Support line (EU)' },
        headers,
      }),
    ));

  it('deleteOutgoingCallerId', () =>
    contract('deleteOutgoingCallerId', (headers) =>
      api.DELETE('/Accounts/{AccountSid}/OutgoingCallerIds/{OutgoingCallerIdSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, OutgoingCallerIdSid: CALLER_ID_SID } },
        headers,
      }),
    ));
});
