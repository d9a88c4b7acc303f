import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

// A call SID in the 69-character form current servers write (instance ID, dash, CA + 32 hex).
const CALL_SID = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('Calls', () => {
  it('listCalls', () =>
    contract('listCalls', (headers) =>
      api.GET('/Accounts/{AccountSid}/Calls.json', {
        params: {
          path: { AccountSid: ACCOUNT_SID },
          query: { Status: 'completed', SortBy: 'DateCreated:desc', Page: 0, PageSize: 50 },
        },
        headers,
      })));

  it('createCall', () =>
    contract('createCall', (headers) =>
      api.POST('/Accounts/{AccountSid}/Calls.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: {
          From: '+15125550100',
          To: '+15126002188',
          Url: 'https://rcml.acme-tel.example/outbound/welcome.xml',
          Method: 'GET',
          StatusCallback: 'https://hooks.acme-tel.example/restcomm/call-status',
          StatusCallbackEvent: ['initiated', 'completed'],
          Timeout: 30,
        },
        headers,
      })));

  it('fetchCall', () =>
    contract('fetchCall', (headers) =>
      api.GET('/Accounts/{AccountSid}/Calls/{CallSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, CallSid: CALL_SID } },
        headers,
      })));

  it('updateCall', () =>
    contract('updateCall', (headers) =>
      api.POST('/Accounts/{AccountSid}/Calls/{CallSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, CallSid: CALL_SID } },
        body: { Url: 'https://rcml.acme-tel.example/ivr/transfer-to-sales.xml', Method: 'GET' },
        headers,
      })));
});
