// Recordings and transcriptions (reference core/recordings.yaml, transcriptions.yaml). Only RCML creates them
// (Record), so here they are read and deleted. Conferences and participants are in conferences.ts.
import { empty, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import type { Row } from '../store.js';
import { dateRange, filterBy, owned, paged, sortBy } from './common.js';

/** The longest audio the media endpoints serve: a longer recording's file is cut here, so that an answer stays under 2.4 MB. */
export const MAX_WAV_SECONDS = 300;
const SAMPLE_RATE = 8000;

/**
 * A valid, silent WAV of `seconds` (8 kHz, 8-bit unsigned PCM, mono; at most MAX_WAV_SECONDS, at least one sample):
 * what the media endpoints serve for a stored recording, as long as its `duration`.
 */
export function silentWav(seconds: number): Uint8Array {
  const length = Number.isFinite(seconds) ? Math.min(Math.max(seconds, 0), MAX_WAV_SECONDS) : 0;
  const samples = Math.max(1, Math.round(length * SAMPLE_RATE));
  const buffer = Buffer.alloc(44 + samples, 0x80);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(SAMPLE_RATE, 24);
  buffer.writeUInt32LE(SAMPLE_RATE, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples, 40);
  return new Uint8Array(buffer);
}

/** The audio of a recording: silence as long as its `duration` says. */
const recordingAudio = (row: Row) => ({ status: 200, type: 'audio/x-wav', body: silentWav(Number(row.duration)) });

export const mediaHandlers: HandlerTable = {
  listRecordings(ctx) {
    let rows = filterBy(ctx.engine.store.list('recordings', ctx.accountSid), ctx.query, { CallSid: 'call_sid' });
    rows = sortBy(dateRange(rows, ctx.query), ctx.query, { DateCreated: 'date_created', Duration: 'duration', CallSid: 'call_sid' });
    return json(paged(ctx, rows, 'request'));
  },
  fetchRecording: (ctx) => jsonRow(owned(ctx, 'recordings', ctx.path.RecordingSid)),
  deleteRecording(ctx) {
    const row = owned(ctx, 'recordings', ctx.path.RecordingSid);
    ctx.engine.store.delete('recordings', row.sid);
    return empty(200);
  },
  // The file served depends on the stored file, not on the extension asked for (core/recordings.yaml).
  fetchRecordingMediaWav: (ctx) => recordingAudio(owned(ctx, 'recordings', ctx.path.RecordingSid)),
  fetchRecordingMediaMp4: (ctx) => recordingAudio(owned(ctx, 'recordings', ctx.path.RecordingSid)),

  listTranscriptions(ctx) {
    let rows = dateRange(ctx.engine.store.list('transcriptions', ctx.accountSid), ctx.query);
    const text = ctx.query.TranscriptionText;
    if (text !== undefined) rows = rows.filter((r) => String(r.transcription_text ?? '').includes(String(text)));
    return json(paged(ctx, rows, 'request'));
  },
  fetchTranscription: (ctx) => jsonRow(owned(ctx, 'transcriptions', ctx.path.TranscriptionSid)),
  deleteTranscription(ctx) {
    // 200 with no body, even when the transcription does not exist.
    const row = ctx.engine.store.get('transcriptions', ctx.path.TranscriptionSid!);
    if (row?.account_sid === ctx.accountSid) ctx.engine.store.delete('transcriptions', row.sid);
    return empty(200);
  },
};
