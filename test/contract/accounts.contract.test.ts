import { describe, it } from 'vitest';
import { api, contract } from './harness.js';

const SUB_ACCOUNT = 'ACe0d2e82a089d5686d85f728e245bc7da';

describe('Accounts', () => {
  it('listAccounts', () => contract('listAccounts', (headers) => api.GET('/Accounts.json', { headers })));

  it('createAccount', () =>
    contract('createAccount', (headers) =>
      api.POST('/Accounts.json', {
        body: { EmailAddress: 'support@acme-tel.example', Password: 'Rc0m-Supp0rt!desk', FriendlyName: 'Acme support desk' },
        headers,
      }),
    ));

  it('fetchAccount', () =>
    contract('fetchAccount', (headers) => api.GET('/Accounts/{AccountSid}.json', { params: { path: { AccountSid: SUB_ACCOUNT } }, headers })));

  it('fetchAccount by email address', () =>
    contract('fetchAccount', (headers) =>
      api.GET('/Accounts/{AccountSid}.json', { params: { path: { AccountSid: 'support@acme-tel.example' } }, headers }),
    ));

  it('updateAccount', () =>
    contract('updateAccount', (headers) =>
      api.POST('/Accounts/{AccountSid}.json', { params: { path: { AccountSid: SUB_ACCOUNT } }, body: { Status: 'closed' }, headers }),
    ));

  it('migrateAccount', () =>
    contract('migrateAccount', (headers) =>
      api.POST('/Accounts/migrate/{AccountSid}.json', {
        params: { path: { AccountSid: SUB_ACCOUNT } },
        body: { Organization: 'eu.acme-tel.example' },
        headers,
      }),
    ));

  it('createAccount answers 409 with a plain-text message', () =>
    contract(
      'createAccount',
      (headers) => api.POST('/Accounts.json', { body: { EmailAddress: 'support@acme-tel.example', Password: 'Rc0m-Supp0rt!desk' }, headers }),
      { status: 409 },
    ));
});
