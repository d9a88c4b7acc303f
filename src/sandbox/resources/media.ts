// Recordings and transcriptions (reference core/recordings.yaml, transcriptions.yaml). Only RCML creates them
// (Record), so here they are read and deleted. Conferences and participants are in conferences.ts.
import { empty, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { dateRange, filterBy, owned, paged, sortBy } from './common.js';

/** A valid, silent, 0.1 s WAV (8 kHz, 8-bit mono): what the media endpoints serve for a stored recording. */
export function silentWav(): Uint8Array {
  const samples = 800;
  const buffer = Buffer.alloc(44 + samples, 0x80);
  buffer.write('RIFF', 0, 'ascii');
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write('WAVEfmt ', 8, 'ascii');
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(8000, 24);
  buffer.writeUInt32LE(8000, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write('data', 36, 'ascii');
  buffer.writeUInt32LE(samples, 40);
  return new Uint8Array(buffer);
}

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
  fetchRecordingMediaWav: (ctx) => ({ status: 200, type: 'audio/x-wav', body: (owned(ctx, 'recordings', ctx.path.RecordingSid), silentWav()) }),
  fetchRecordingMediaMp4: (ctx) => ({ status: 200, type: 'audio/x-wav', body: (owned(ctx, 'recordings', ctx.path.RecordingSid), silentWav()) }),

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
