import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

const SMS_MESSAGE_SID = 'SM86708733a98e55275912e7cb595c6ffc';

describe('SMS Messages', () => {
  it('listSmsMessages', () =>
    contract('listSmsMessages', (headers) =>
      api.GET('/Accounts/{AccountSid}/SMS/Messages.json', {
        params: {
          path: { AccountSid: ACCOUNT_SID },
          query: {
            Page: 0,
            PageSize: 50,
            From: '+15558675310',
            To: '+15551234567',
            StartTime: '2024-03-01',
            EndTime: '2024-03-31',
            Body: 'verification code',
            Status: 'sent',
            SortBy: 'DateCreated:desc',
            SubAccounts: true,
          },
        },
        headers,
      }),
    ));

  it('createSmsMessage', () =>
    contract('createSmsMessage', (headers) =>
      api.POST('/Accounts/{AccountSid}/SMS/Messages.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: {
          From: '+15558675310',
          To: '+15551234567',
          Body: 'Your Acme verification code is 482913',
          Encoding: 'GSM',
          StatusCallback: 'https://hooks.acme-tel.example/sms/status',
        },
        headers,
      }),
    ));

  it('fetchSmsMessage', () =>
    contract('fetchSmsMessage', (headers) =>
      api.GET('/Accounts/{AccountSid}/SMS/Messages/{SmsMessageSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, SmsMessageSid: SMS_MESSAGE_SID } },
        headers,
      }),
    ));

  it('createSmsMessage refused by the SMS service (403 SMS_LIMIT_EXCEEDED)', () =>
    contract(
      'createSmsMessage',
      (headers) =>
        api.POST('/Accounts/{AccountSid}/SMS/Messages.json', {
          params: { path: { AccountSid: ACCOUNT_SID } },
          body: { From: '+15558675310', To: '+15551234567', Body: 'Your Acme verification code is 482913' },
          headers,
        }),
      { status: 403 },
    ));
});

describe('Email', () => {
  it('createEmailMessage', () =>
    contract('createEmailMessage', (headers) =>
      api.POST('/Accounts/{AccountSid}/Email/Messages.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: {
          From: 'noreply@acme-tel.example',
          To: 'jane.doe@example.com',
          Subject: 'Your Acme invoice',
          Body: 'Your March invoice is ready in the customer portal.',
          CC: 'accounts@acme-tel.example,sales@acme-tel.example',
        },
        headers,
      }),
    ));
});
