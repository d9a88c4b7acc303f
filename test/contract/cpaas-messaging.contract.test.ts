import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

describe('Messages API', () => {
  it('createMessage', () =>
    contract('createMessage', (headers) =>
      api.POST('/Accounts/{AccountSid}/Messages', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: {
          from: 'sms:+15558675310',
          to: 'sms:+15551234567',
          body: 'Your Acme order 1042 has shipped.',
          status_callback: 'https://hooks.acme-tel.example/messages/status',
        },
        headers,
      }),
    ));
});

describe('SMS Messages (cloud additions)', () => {
  it('createSmsMessage with the cloud-only StatusCallbackMethod', () =>
    contract('createSmsMessage', (headers) =>
      api.POST('/Accounts/{AccountSid}/SMS/Messages.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: {
          From: '+15558675310',
          To: '+15551234567',
          Body: 'Your Acme order 1042 has shipped',
          StatusCallback: 'https://hooks.acme-tel.example/sms/status',
          StatusCallbackMethod: 'POST',
        },
        headers,
      }),
    ));
});
