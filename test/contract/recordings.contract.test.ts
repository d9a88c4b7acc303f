import { describe, it } from 'vitest';
import { api, contract, ACCOUNT_SID } from './harness.js';

const RECORDING_SID = 'RE336c8b831bc242388cf0c02ffe6defcc';
const CALL_SID = 'ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA482230efe98144d3a0cfa23a6772f56f';
const TRANSCRIPTION_SID = 'TRddf38229b81947fdaed09694ca419aa1';

describe('Recordings', () => {
  it('listRecordings', () =>
    contract('listRecordings', (headers) =>
      api.GET('/Accounts/{AccountSid}/Recordings.json', {
        params: {
          path: { AccountSid: ACCOUNT_SID },
          query: { Page: 0, PageSize: 50, StartTime: '2024-03-01', EndTime: '2024-03-31', CallSid: CALL_SID, SortBy: 'Duration:desc', SubAccounts: true },
        },
        headers,
      }),
    ));

  it('fetchRecording', () =>
    contract('fetchRecording', (headers) =>
      api.GET('/Accounts/{AccountSid}/Recordings/{RecordingSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, RecordingSid: RECORDING_SID } },
        headers,
      }),
    ));

  it('deleteRecording', () =>
    contract('deleteRecording', (headers) =>
      api.DELETE('/Accounts/{AccountSid}/Recordings/{RecordingSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, RecordingSid: RECORDING_SID } },
        headers,
      }),
    ));

  it('fetchRecordingMediaWav', () =>
    contract('fetchRecordingMediaWav', (headers) =>
      api.GET('/Accounts/{AccountSid}/Recordings/{RecordingSid}.wav', {
        params: { path: { AccountSid: ACCOUNT_SID, RecordingSid: RECORDING_SID } },
        parseAs: 'blob',
        headers,
      }),
    ));

  it('fetchRecordingMediaMp4', () =>
    contract('fetchRecordingMediaMp4', (headers) =>
      api.GET('/Accounts/{AccountSid}/Recordings/{RecordingSid}.mp4', {
        params: { path: { AccountSid: ACCOUNT_SID, RecordingSid: RECORDING_SID } },
        parseAs: 'blob',
        headers,
      }),
    ));

  it('listCallRecordings', () =>
    contract('listCallRecordings', (headers) =>
      api.GET('/Accounts/{AccountSid}/Calls/{CallSid}/Recordings.json', {
        params: { path: { AccountSid: ACCOUNT_SID, CallSid: CALL_SID } },
        headers,
      }),
    ));

  it('fetchRecording on S3 with security level NONE', () =>
    contract(
      'fetchRecording',
      (headers) =>
        api.GET('/Accounts/{AccountSid}/Recordings/{RecordingSid}.json', {
          params: { path: { AccountSid: ACCOUNT_SID, RecordingSid: 'RE5c2781f44a4f4e92bab56ca6f4d14ae6' } },
          headers,
        }),
      { example: 'onS3' },
    ));

  it('listRecordings answers 400 with a JSON error body', () =>
    contract(
      'listRecordings',
      (headers) =>
        api.GET('/Accounts/{AccountSid}/Recordings.json', {
          params: { path: { AccountSid: ACCOUNT_SID }, query: { SortBy: 'DateCreated:asc' } },
          headers,
        }),
      { status: 400 },
    ));
});

describe('Transcriptions', () => {
  it('listTranscriptions', () =>
    contract('listTranscriptions', (headers) =>
      api.GET('/Accounts/{AccountSid}/Transcriptions.json', {
        params: {
          path: { AccountSid: ACCOUNT_SID },
          query: { Page: 0, PageSize: 50, StartTime: '2024-03-01', EndTime: '2024-03-31', TranscriptionText: 'invoice' },
        },
        headers,
      }),
    ));

  it('fetchTranscription', () =>
    contract('fetchTranscription', (headers) =>
      api.GET('/Accounts/{AccountSid}/Transcriptions/{TranscriptionSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, TranscriptionSid: TRANSCRIPTION_SID } },
        headers,
      }),
    ));

  it('deleteTranscription', () =>
    contract('deleteTranscription', (headers) =>
      api.DELETE('/Accounts/{AccountSid}/Transcriptions/{TranscriptionSid}.json', {
        params: { path: { AccountSid: ACCOUNT_SID, TranscriptionSid: TRANSCRIPTION_SID } },
        headers,
      }),
    ));
});
