import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

describe('Available Phone Numbers', () => {
  it('listAvailableLocalPhoneNumbers', () => contract('listAvailableLocalPhoneNumbers', (headers) =>
    api.GET('/Accounts/{AccountSid}/AvailablePhoneNumbers/{IsoCountryCode}/Local.json', {
      params: {
        path: { AccountSid: ACCOUNT_SID, IsoCountryCode: 'US' },
        query: { AreaCode: '305', Contains: '555*1*', SmsEnabled: true, VoiceEnabled: true, RangeSize: 10 },
      },
      headers,
    })));

  it('listAvailableTollFreePhoneNumbers', () => contract('listAvailableTollFreePhoneNumbers', (headers) =>
    api.GET('/Accounts/{AccountSid}/AvailablePhoneNumbers/{IsoCountryCode}/TollFree.json', {
      params: {
        path: { AccountSid: ACCOUNT_SID, IsoCountryCode: 'US' },
        query: { AreaCode: '844' },
      },
      headers,
    })));

  it('listAvailableMobilePhoneNumbers', () => contract('listAvailableMobilePhoneNumbers', (headers) =>
    api.GET('/Accounts/{AccountSid}/AvailablePhoneNumbers/{IsoCountryCode}/Mobile.json', {
      params: {
        path: { AccountSid: ACCOUNT_SID, IsoCountryCode: 'GB' },
        query: { SmsEnabled: true },
      },
      headers,
    })));
});

describe('Notifications', () => {
  it('listNotifications', () => contract('listNotifications', (headers) =>
    api.GET('/Accounts/{AccountSid}/Notifications.json', {
      params: {
        path: { AccountSid: ACCOUNT_SID },
        query: { Page: 0, PageSize: 50, StartTime: '2024-03-01', EndTime: '2024-03-31', SortBy: 'DateCreated:desc' },
      },
      headers,
    })));

  it('fetchNotification', () => contract('fetchNotification', (headers) =>
    api.GET('/Accounts/{AccountSid}/Notifications/{NotificationSid}.json', {
      params: { path: { AccountSid: ACCOUNT_SID, NotificationSid: 'NO3d2c1b0a9f8e7d6c5b4a39281706f5e4' } },
      headers,
    })));
});

describe('Usage Records', () => {
  it('listUsageRecords', () => contract('listUsageRecords', (headers) =>
    api.GET('/Accounts/{AccountSid}/Usage/Records/{Subresource}.json', {
      params: {
        path: { AccountSid: ACCOUNT_SID, Subresource: 'Daily' },
        query: { Category: 'CALLS', StartDate: '2024-03-01', EndDate: '2024-03-31' },
      },
      headers,
    })));
});
