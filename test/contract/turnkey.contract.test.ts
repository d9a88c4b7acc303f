import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

const OTP_SID = 'OTP4d1c7e9a02b34f6e8a5d3c1b9f7e2a60';
const LIMIT_SID = '7c0b5e2d9a4f4e1b8d6c3a2f1e0d9c8b';
const ENTERPRISE_SID = 'EN838bcdf35f9d421fad3ab516195b873b';
const MASKING_APPLICATION_SID = 'NMA3e8a1f0c7b2d4e6f9a5c1d3b7e0f2a48';
const PHONE_NUMBER_SID = 'PNd3c7a1b5e9f24c6a8b0d2e4f6a8c0e1b';

describe('Smart 2FA', () => {
  it('sendOtp', () =>
    contract('sendOtp', (headers) =>
      api.POST('/2fa/send', {
        body: {
          service: 'Acme Bank',
          from: '+15715550100',
          to: '+15715550123',
          body: 'Your Acme Bank verification code is: {code}',
          channel: 'sms',
          accountSid: ACCOUNT_SID,
          limits: { limit_on_ip: '203.0.113.17', limit_on_phone: '+15715550123' },
        },
        headers,
      }),
    ));

  it('verifyOtp', () =>
    contract('verifyOtp', (headers) =>
      api.POST('/2fa/verify', {
        body: { service: 'Acme Bank', number: '+15715550123', code: '294228' },
        headers,
      }),
    ));

  it('cancelOtp', () =>
    contract('cancelOtp', (headers) =>
      api.POST('/2fa/cancel', {
        body: { requestID: OTP_SID },
        headers,
      }),
    ));

  it('listTwoFactorSessionRecords', () =>
    contract('listTwoFactorSessionRecords', (headers) => api.GET('/2fa/search', { headers })));

  it('listFilteredTwoFactorSessionRecords', () =>
    contract('listFilteredTwoFactorSessionRecords', (headers) =>
      api.POST('/2fa/search', {
        body: {},
        headers,
      }),
    ));

  it('fetchTwoFactorSessionRecord', () =>
    contract('fetchTwoFactorSessionRecord', (headers) =>
      api.GET('/2fa/search/{otpSid}', {
        params: { path: { otpSid: OTP_SID } },
        headers,
      }),
    ));

  it('listTwoFactorUsageRecords', () =>
    contract('listTwoFactorUsageRecords', (headers) =>
      api.GET('/2fa/usage/records', {
        params: { query: { startDate: '2024-03-01', endDate: '2024-03-31' } },
        headers,
      }),
    ));

  it('listFilteredTwoFactorUsageRecords', () =>
    contract('listFilteredTwoFactorUsageRecords', (headers) =>
      api.POST('/2fa/usage/records', {
        body: {},
        headers,
      }),
    ));

  it('listTwoFactorUsageRecordsByPeriod', () =>
    contract('listTwoFactorUsageRecordsByPeriod', (headers) =>
      api.GET('/2fa/usage/records/{subresource}', {
        params: { path: { subresource: 'Daily' }, query: { startDate: '2024-03-04', endDate: '2024-03-05' } },
        headers,
      }),
    ));

  it('createTwoFactorLimit', () =>
    contract('createTwoFactorLimit', (headers) =>
      api.POST('/2fa/limits', {
        body: {
          name: 'limit_on_phone',
          account: ACCOUNT_SID,
          description: 'Stops code flooding of a single handset',
          buckets: [{ name: 'per_phone_burst', maxOtp: 5 }],
        },
        headers,
      }),
    ));

  it('listTwoFactorLimits', () =>
    contract('listTwoFactorLimits', (headers) => api.GET('/2fa/limits', { headers })));

  it('updateTwoFactorLimit', () =>
    contract('updateTwoFactorLimit', (headers) =>
      api.PUT('/2fa/limits/{limitSid}', {
        params: { path: { limitSid: LIMIT_SID } },
        body: { buckets: [{ name: 'per_phone_burst', maxOtp: 10 }] },
        headers,
      }),
    ));

  it('deleteTwoFactorLimit', () =>
    contract('deleteTwoFactorLimit', (headers) =>
      api.DELETE('/2fa/limits/{limitSid}', {
        params: { path: { limitSid: LIMIT_SID } },
        headers,
      }),
    ));
});

describe('Number Masking', () => {
  it('createNumberMaskingApplication', () =>
    contract('createNumberMaskingApplication', (headers) =>
      api.POST('/numbermasking/applications', {
        body: { enterpriseSid: ENTERPRISE_SID, name: 'Acme Rides driver-rider calls', ttl: 3600 },
        headers,
      }),
    ));

  it('listNumberMaskingApplications', () =>
    contract('listNumberMaskingApplications', (headers) => api.GET('/numbermasking/applications/search', { headers })));

  it('fetchNumberMaskingApplication', () =>
    contract('fetchNumberMaskingApplication', (headers) =>
      api.GET('/numbermasking/applications/search/{applicationSid}', {
        params: { path: { applicationSid: MASKING_APPLICATION_SID } },
        headers,
      }),
    ));

  it('updateNumberMaskingApplication', () =>
    contract('updateNumberMaskingApplication', (headers) =>
      api.PUT('/numbermasking/applications/{applicationSid}', {
        params: { path: { applicationSid: MASKING_APPLICATION_SID } },
        body: { ttl: 86400 },
        headers,
      }),
    ));

  it('deleteNumberMaskingApplication', () =>
    contract('deleteNumberMaskingApplication', (headers) =>
      api.DELETE('/numbermasking/applications/{applicationSid}', {
        params: { path: { applicationSid: MASKING_APPLICATION_SID } },
        headers,
      }),
    ));

  it('listNumberMaskingPhoneNumbers', () =>
    contract('listNumberMaskingPhoneNumbers', (headers) => api.GET('/numbermasking/phonenumbers/search', { headers })));

  it('fetchNumberMaskingPhoneNumber', () =>
    contract('fetchNumberMaskingPhoneNumber', (headers) =>
      api.GET('/numbermasking/phonenumbers/search/{phoneNumberSid}', {
        params: { path: { phoneNumberSid: PHONE_NUMBER_SID } },
        headers,
      }),
    ));
});

describe('Call Queuing', () => {
  it('createCallQueue', () =>
    contract('createCallQueue', (headers) =>
      api.POST('/callqueue/provisioning', {
        body: {
          applicationUrl: 'https://rcml.acme-tel.example/queues/support/customer.xml',
          applicationUrlMethod: 'POST',
          phoneNumber: '+15713316666',
          override: false,
          byoc: true,
        },
        headers,
      }),
    ));
});
