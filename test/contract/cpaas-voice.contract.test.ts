import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

// The cloud's record APIs are JSON-only and addressed without a `.json` suffix.
const SAY_SID = 'SA2c0bd8c5536447eab7227b5e0adca447';
const PLAY_SID = 'PL7b1e0c93a5d84f26b0c4e8a91f3d5c27';
const RESUME_SID = 'RM4e8d2a6f19c0473bb5a7e3d91c6f0b58';
const GATHER_SID = 'GA9c3f5e7a1b2d4860a4e6c8f0b2d4a6c8';
const REFER_SID = 'RFc377eb0e657e415383de087ab38797db';
// Trace SIDs have no documented format; any string is accepted.
const TRACE_SID = '5d0c4f1e9a7b42c3b8e6d1f0a2c4e6b8';

describe('Says', () => {
  it('listSayRecords', () =>
    contract('listSayRecords', (headers) =>
      api.GET('/Accounts/{AccountSid}/Says', { params: { path: { AccountSid: ACCOUNT_SID } }, headers })));

  it('fetchSayRecord', () =>
    contract('fetchSayRecord', (headers) =>
      api.GET('/Accounts/{AccountSid}/Says/{SaySid}', {
        params: { path: { AccountSid: ACCOUNT_SID, SaySid: SAY_SID } },
        headers,
      })));
});

describe('Plays', () => {
  it('listPlayRecords', () =>
    contract('listPlayRecords', (headers) =>
      api.GET('/Accounts/{AccountSid}/Plays', { params: { path: { AccountSid: ACCOUNT_SID } }, headers })));

  it('fetchPlayRecord', () =>
    contract('fetchPlayRecord', (headers) =>
      api.GET('/Accounts/{AccountSid}/Plays/{PlaySid}', {
        params: { path: { AccountSid: ACCOUNT_SID, PlaySid: PLAY_SID } },
        headers,
      })));
});

describe('Resumes', () => {
  it('listResumeRecords', () =>
    contract('listResumeRecords', (headers) =>
      api.GET('/Accounts/{AccountSid}/Resumes', { params: { path: { AccountSid: ACCOUNT_SID } }, headers })));

  it('fetchResumeRecord', () =>
    contract(
      'fetchResumeRecord',
      (headers) =>
        api.GET('/Accounts/{AccountSid}/Resumes/{ResumeSid}', {
          params: { path: { AccountSid: ACCOUNT_SID, ResumeSid: RESUME_SID } },
          headers,
        }),
      { example: 'noAnswer' },
    ));
});

describe('Speech Gathers', () => {
  it('listGatherSpeechRecords', () =>
    contract('listGatherSpeechRecords', (headers) =>
      api.GET('/Accounts/{AccountSid}/Gathers/Speech', { params: { path: { AccountSid: ACCOUNT_SID } }, headers })));

  it('fetchGatherSpeechRecord', () =>
    contract('fetchGatherSpeechRecord', (headers) =>
      api.GET('/Accounts/{AccountSid}/Gathers/Speech/{GatherSid}', {
        params: { path: { AccountSid: ACCOUNT_SID, GatherSid: GATHER_SID } },
        headers,
      })));
});

describe('Refers', () => {
  it('listReferRecords', () =>
    contract('listReferRecords', (headers) =>
      api.GET('/Accounts/{AccountSid}/Refers', {
        params: { path: { AccountSid: ACCOUNT_SID }, query: { Page: 0, PageSize: 50 } },
        headers,
      })));

  it('fetchReferRecord', () =>
    contract('fetchReferRecord', (headers) =>
      api.GET('/Accounts/{AccountSid}/Refers/{ReferSid}', {
        params: { path: { AccountSid: ACCOUNT_SID, ReferSid: REFER_SID } },
        headers,
      })));
});

describe('Trace Records', () => {
  it('listTraceRecords', () =>
    contract('listTraceRecords', (headers) =>
      api.GET('/Accounts/{AccountSid}/Traces', {
        params: { path: { AccountSid: ACCOUNT_SID }, query: { PageSize: 20 } },
        headers,
      })));

  it('fetchTraceRecord', () =>
    contract('fetchTraceRecord', (headers) =>
      api.GET('/Accounts/{AccountSid}/Traces/{TraceSid}', {
        params: { path: { AccountSid: ACCOUNT_SID, TraceSid: TRACE_SID } },
        headers,
      })));
});
