import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

const CONFERENCE_SID = 'CF6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d';
const CALL_SID = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9';

describe('Conferences', () => {
  it('listConferences', () =>
    contract('listConferences', (headers) =>
      api.GET('/Accounts/{AccountSid}/Conferences.json', {
        params: {
          path: { AccountSid: ACCOUNT_SID },
          query: { Status: 'COMPLETED', DateCreated: '2024-03-01', DateUpdated: '2024-03-31', FriendlyName: 'weekly-standup', Page: 0, PageSize: 50 },
        },
        headers,
      }),
    ));

  it('listConferences with a LIKE pattern and no match', () =>
    contract(
      'listConferences',
      (headers) =>
        api.GET('/Accounts/{AccountSid}/Conferences.json', {
          params: { path: { AccountSid: ACCOUNT_SID }, query: { Status: 'RUNNING%' } },
          headers,
        }),
      { example: 'noMatch' },
    ));

  it('fetchConference', () =>
    contract('fetchConference', (headers) =>
      api.GET('/Accounts/{AccountSid}/Conferences/{ConferenceSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ConferenceSid: CONFERENCE_SID } },
        headers,
      }),
    ));
});

describe('Conference Participants', () => {
  it('listParticipants', () =>
    contract('listParticipants', (headers) =>
      api.GET('/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ConferenceSid: CONFERENCE_SID }, query: { Page: 0, PageSize: 50 } },
        headers,
      }),
    ));

  it('fetchParticipant', () =>
    contract('fetchParticipant', (headers) =>
      api.GET('/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ConferenceSid: CONFERENCE_SID, CallSid: CALL_SID } },
        headers,
      }),
    ));

  it('updateParticipant', () =>
    contract('updateParticipant', (headers) =>
      api.POST('/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, ConferenceSid: CONFERENCE_SID, CallSid: CALL_SID } },
        body: { Mute: true },
        headers,
      }),
    ));

  it('updateParticipant for an unknown call', () =>
    contract(
      'updateParticipant',
      (headers) =>
        api.POST('/Accounts/{AccountSid}/Conferences/{ConferenceSid}/Participants/{CallSid}.json', {
          params: { path: { AccountSid: ACCOUNT_SID, ConferenceSid: CONFERENCE_SID, CallSid: 'CA7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b' } },
          body: { Mute: false },
          headers,
        }),
      { status: 406 },
    ));
});
