import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

const PHONE_NUMBER_SID = 'PN4e3c2b1a0f9e8d7c6b5a493827160504';
// A sub-account of the caller: numbers can only be migrated from accounts that have a parent.
const SUB_ACCOUNT = 'ACe0d2e82a089d5686d85f728e245bc7da';

const providerNumber = {
  PhoneNumber: '+14155550123',
  FriendlyName: 'Support line',
  VoiceUrl: 'https://rcml.acme-tel.example/voice/support.xml',
  VoiceMethod: 'POST',
  StatusCallback: 'https://hooks.acme-tel.example/call-status',
  SmsUrl: 'https://rcml.acme-tel.example/sms/inbound',
  VoiceCapable: true,
  SmsCapable: true,
} as const;

const listQuery = { PhoneNumber: '555', SortBy: 'FriendlyName', Reverse: true, Page: 0, PageSize: 50 } as const;

describe('Incoming Phone Numbers', () => {
  it('listIncomingPhoneNumbers', () =>
    contract('listIncomingPhoneNumbers', (headers) =>
      api.GET('/Accounts/{AccountSid}/IncomingPhoneNumbers.json', {
        params: { path: { AccountSid: ACCOUNT_SID }, query: listQuery },
        headers,
      })));

  it('createIncomingPhoneNumber', () =>
    contract('createIncomingPhoneNumber', (headers) =>
      api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: providerNumber,
        headers,
      })));

  it('listLocalIncomingPhoneNumbers', () =>
    contract('listLocalIncomingPhoneNumbers', (headers) =>
      api.GET('/Accounts/{AccountSid}/IncomingPhoneNumbers/Local.json', {
        params: { path: { AccountSid: ACCOUNT_SID }, query: { FriendlyName: 'line' } },
        headers,
      })));

  it('createLocalIncomingPhoneNumber', () =>
    contract('createLocalIncomingPhoneNumber', (headers) =>
      api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers/Local.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: providerNumber,
        headers,
      })));

  it('listTollFreeIncomingPhoneNumbers', () =>
    contract('listTollFreeIncomingPhoneNumbers', (headers) =>
      api.GET('/Accounts/{AccountSid}/IncomingPhoneNumbers/TollFree.json', {
        params: { path: { AccountSid: ACCOUNT_SID }, query: { SortBy: 'PhoneNumber', Reverse: false } },
        headers,
      })));

  it('createTollFreeIncomingPhoneNumber', () =>
    contract('createTollFreeIncomingPhoneNumber', (headers) =>
      api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers/TollFree.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: { PhoneNumber: '+18005550147', FriendlyName: 'Hotline', VoiceUrl: 'https://rcml.acme-tel.example/voice/hotline.xml' },
        headers,
      })));

  it('listMobileIncomingPhoneNumbers', () =>
    contract('listMobileIncomingPhoneNumbers', (headers) =>
      api.GET('/Accounts/{AccountSid}/IncomingPhoneNumbers/Mobile.json', {
        params: { path: { AccountSid: ACCOUNT_SID }, query: { Page: 0, PageSize: 10 } },
        headers,
      })));

  it('createMobileIncomingPhoneNumber', () =>
    contract('createMobileIncomingPhoneNumber', (headers) =>
      api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers/Mobile.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        body: {
          PhoneNumber: '+14155550199',
          SmsUrl: 'https://rcml.acme-tel.example/sms/inbound',
          SmsMethod: 'GET',
          SmsCapable: true,
          MmsCapable: true,
        },
        headers,
      })));

  it('listAvailableCountries', () =>
    contract('listAvailableCountries', (headers) =>
      api.GET('/Accounts/{AccountSid}/IncomingPhoneNumbers/AvailableCountries.json', {
        params: { path: { AccountSid: ACCOUNT_SID } },
        headers,
      })));

  it('fetchIncomingPhoneNumber', () =>
    contract('fetchIncomingPhoneNumber', (headers) =>
      api.GET('/Accounts/{AccountSid}/IncomingPhoneNumbers/{PhoneNumberSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, PhoneNumberSid: PHONE_NUMBER_SID } },
        headers,
      })));

  it('updateIncomingPhoneNumber', () =>
    contract('updateIncomingPhoneNumber', (headers) =>
      api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers/{PhoneNumberSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, PhoneNumberSid: PHONE_NUMBER_SID } },
        body: {
          FriendlyName: 'Support line (EU)',
          VoiceUrl: 'https://eu.rcml.acme-tel.example/voice/support.xml',
          VoiceMethod: 'GET',
          SmsUrl: '',
        },
        headers,
      })));

  it('deleteIncomingPhoneNumber', () =>
    contract('deleteIncomingPhoneNumber', (headers) =>
      api.DELETE('/Accounts/{AccountSid}/IncomingPhoneNumbers/{PhoneNumberSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, PhoneNumberSid: PHONE_NUMBER_SID } },
        headers,
      })));

  it('migrateIncomingPhoneNumbers', () =>
    contract('migrateIncomingPhoneNumbers', (headers) =>
      api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers/migrate.json', {
        params: { path: { AccountSid: SUB_ACCOUNT } },
        body: { OrganizationSid: 'OR9f8e7d6c5b4a39281706f5e4d3c2b1a0' },
        headers,
      })));

  it('createIncomingPhoneNumber registers a pure SIP number', () =>
    contract(
      'createIncomingPhoneNumber',
      (headers) =>
        api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers.json', {
          params: { path: { AccountSid: ACCOUNT_SID } },
          body: {
            PhoneNumber: '7001',
            isSIP: 'true',
            FriendlyName: 'Reception desk',
            VoiceApplicationSid: 'AP8d5a4b1f0c3e4d2a9b6f7e1c2d3a4b5c',
            VoiceCapable: true,
          },
          headers,
        }),
      { example: 'sipNumber' },
    ));

  it('createLocalIncomingPhoneNumber answers 403 when an extension refuses the purchase', () =>
    contract(
      'createLocalIncomingPhoneNumber',
      (headers) =>
        api.POST('/Accounts/{AccountSid}/IncomingPhoneNumbers/Local.json', {
          params: { path: { AccountSid: ACCOUNT_SID } },
          body: providerNumber,
          headers,
        }),
      { status: 403, example: 'didQuotaExceeded' },
    ));
});
