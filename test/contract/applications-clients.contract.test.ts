import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

const APPLICATION_SID = 'AP8d5a4b1f0c3e4d2a9b6f7e1c2d3a4b5c';
const CLIENT_SID = 'CL2c7f9e1a3b5d4c6e8f0a1b2c3d4e5f60';

describe('Applications', () => {
  it('listApplications', () =>
    contract('listApplications', (headers) =>
      api.GET('/Accounts/{AccountSid}/Applications.json', {
        params: { path: { AccountSid: ACCOUNT_SID }, query: { includeNumbers: true } },
        headers,
      }),
    ));

  it('createApplication', () =>
    contract('createApplication', (headers) =>
      api.POST('/Accounts/{AccountSid}/Applications.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: { FriendlyName: 'Front desk IVR', RcmlUrl: 'https://rcml.acme-tel.example/ivr/front-desk.xml', Kind: 'voice' },
        headers,
      }),
    ));

  it('fetchApplication', () =>
    contract('fetchApplication', (headers) =>
      api.GET('/Accounts/{AccountSid}/Applications/{ApplicationSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ApplicationSid: APPLICATION_SID } },
        headers,
      }),
    ));

  it('updateApplication', () =>
    contract('updateApplication', (headers) =>
      api.POST('/Accounts/{AccountSid}/Applications/{ApplicationSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ApplicationSid: APPLICATION_SID } },
        body: {
          FriendlyName: 'Front desk IVR (after hours)',
          RcmlUrl: 'https://rcml.acme-tel.example/ivr/after-hours.xml',
          VoiceCallerIdLookup: true,
        },
        headers,
      }),
    ));

  it('deleteApplication', () =>
    contract('deleteApplication', (headers) =>
      api.DELETE('/Accounts/{AccountSid}/Applications/{ApplicationSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ApplicationSid: APPLICATION_SID } },
        headers,
      }),
    ));
});

describe('Clients', () => {
  it('listClients', () =>
    contract('listClients', (headers) =>
      api.GET('/Accounts/{AccountSid}/Clients.json', { params: { path: { AccountSid: ACCOUNT_SID } }, headers }),
    ));

  it('createClient', () =>
    contract('createClient', (headers) =>
      api.POST('/Accounts/{AccountSid}/Clients.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: {
          Login: 'alice',
          Password: 'S1p-Phone!alice42',
          FriendlyName: 'Alice (front desk)',
          VoiceUrl: 'https://rcml.acme-tel.example/clients/alice.xml',
          VoiceMethod: 'POST',
        },
        headers,
      }),
    ));

  it('fetchClient', () =>
    contract('fetchClient', (headers) =>
      api.GET('/Accounts/{AccountSid}/Clients/{ClientSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ClientSid: CLIENT_SID } },
        headers,
      }),
    ));

  it('updateClient', () =>
    contract('updateClient', (headers) =>
      api.POST('/Accounts/{AccountSid}/Clients/{ClientSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ClientSid: CLIENT_SID } },
        body: { FriendlyName: 'Alice Moreau', Password: 'Fr0nt-Desk#2025sip', IsPushEnabled: true },
        headers,
      }),
    ));

  it('deleteClient', () =>
    contract('deleteClient', (headers) =>
      api.DELETE('/Accounts/{AccountSid}/Clients/{ClientSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ClientSid: CLIENT_SID } },
        headers,
      }),
    ));
});
