// Outgoing caller IDs (the spec's OutgoingCallerIds): numbers an account records as its caller IDs, unverified.
import { empty, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { view } from '../store.js';
import { baseRow, owned, str, updated } from './common.js';

/** E.164 as the server normalizes it: a number without a country code is read as a US number. */
function e164(text: string): string {
  const digits = text.replace(/[^0-9]/g, '');
  if (text.trim().startsWith('+')) return `+${digits}`;
  return digits.length === 10 ? `+1${digits}` : `+${digits}`;
}

/** The national format of a US number, `(512) 555-0147`; other numbers keep their E.164 form. */
function national(number: string): string {
  return /^\+1\d{10}$/.test(number) ? `(${number.slice(2, 5)}) ${number.slice(5, 8)}-${number.slice(8)}` : number;
}

export const callerIdHandlers: HandlerTable = {
  listOutgoingCallerIds: (ctx) => json(ctx.engine.store.list('outgoingCallerIds', ctx.accountSid).map(view)),
  createOutgoingCallerId(ctx) {
    const phoneNumber = e164(str(ctx.body.PhoneNumber)!);
    const row = { ...baseRow(ctx, 'PN', 'OutgoingCallerIds'), friendly_name: str(ctx.body.FriendlyName) ?? national(phoneNumber), phone_number: phoneNumber };
    return jsonRow(ctx.engine.put('outgoingCallerIds', row));
  },
  fetchOutgoingCallerId: (ctx) => jsonRow(owned(ctx, 'outgoingCallerIds', ctx.path.OutgoingCallerIdSid)),
  updateOutgoingCallerId: (ctx) =>
    updated(ctx, 'outgoingCallerIds', ctx.path.OutgoingCallerIdSid, (row) => {
      if (ctx.body.FriendlyName !== undefined) row.friendly_name = str(ctx.body.FriendlyName);
    }),
  deleteOutgoingCallerId(ctx) {
    // 200 with no body, present or not (the operation declares no 404).
    const row = ctx.engine.store.get('outgoingCallerIds', ctx.path.OutgoingCallerIdSid!);
    if (row?.account_sid === ctx.accountSid) ctx.engine.store.delete('outgoingCallerIds', row.sid);
    return empty(200);
  },
};
