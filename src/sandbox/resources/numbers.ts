// Incoming phone numbers bought from the seeded stock, and the stock itself (reference core/incoming-phone-numbers.yaml,
// core/available-phone-numbers.yaml). Numbers always carry every member, with explicit nulls.
import { empty, HttpError, json, jsonRow } from '../answers.js';
import type { HandlerContext, HandlerTable } from '../context.js';
import type { NumberKind } from '../inventory.js';
import type { Row } from '../store.js';
import { baseRow, method, owned, paged, sortBy, str, updated } from './common.js';

const urlFields = ['Voice', 'VoiceFallback', 'StatusCallback', 'Sms', 'SmsFallback', 'Ussd', 'UssdFallback', 'Refer'] as const;
const snake = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

/** Form field → member for everything a create or update may set. */
const fields: Record<string, string> = {
  FriendlyName: 'friendly_name',
  VoiceCallerIdLookup: 'voice_caller_id_lookup',
  VoiceApplicationSid: 'voice_application_sid',
  SmsApplicationSid: 'sms_application_sid',
  UssdApplicationSid: 'ussd_application_sid',
  ReferApplicationSid: 'refer_application_sid',
};
for (const f of urlFields) {
  const url = f === 'StatusCallback' ? 'StatusCallback' : `${f}Url`;
  fields[url] = snake(url);
  fields[`${f}Method`] = `${snake(f)}_method`;
}

function apply(ctx: HandlerContext, row: Row): void {
  for (const [field, member] of Object.entries(fields)) {
    const value = ctx.body[field];
    if (value === undefined) continue;
    // An empty value clears a URL or an application (the spec's *UrlOrEmpty / *ApplicationSidOrEmpty).
    row[member] = value === '' ? null : member.endsWith('_method') ? method(value) : value;
    if (member.endsWith('_url') || member === 'status_callback') {
      const methodMember = member === 'status_callback' ? 'status_callback_method' : member.replace(/_url$/, '_method');
      if (row[member] !== null && row[methodMember] === null) row[methodMember] = 'POST';
    }
  }
  for (const kind of ['voice', 'sms', 'ussd', 'refer']) {
    const appSid = row[`${kind}_application_sid`] as string | null;
    const app = appSid ? ctx.engine.store.get('applications', appSid) : undefined;
    if (appSid && (!app || app.account_sid !== ctx.accountSid)) throw new HttpError(400, `${kind} application ${appSid} not found`);
    row[`${kind}_application_name`] = app ? (app.friendly_name as string) : null;
  }
  const caps = row.capabilities as Record<string, boolean>;
  for (const [field, member] of [['VoiceCapable', 'voice_capable'], ['SmsCapable', 'sms_capable'], ['MmsCapable', 'mms_capable'], ['FaxCapable', 'fax_capable']] as const) {
    if (ctx.body[field] !== undefined) caps[member] = ctx.body[field] === true;
  }
}

function taken(ctx: HandlerContext, phoneNumber: string): boolean {
  for (const n of ctx.engine.store.tables.incomingPhoneNumbers.values()) if (n.phone_number === phoneNumber) return true;
  return false;
}

function buy(kind: NumberKind | undefined) {
  return (ctx: HandlerContext) => {
    const phoneNumber = str(ctx.body.PhoneNumber)!;
    const sip = ctx.body.isSIP === true;
    const stock = ctx.engine.inventory.find(phoneNumber);
    // The server answers a number it cannot sell (unknown, taken, wrong kind) with the bare text 21452.
    if (taken(ctx, phoneNumber) || (!sip && (!stock || (kind && stock.kind !== kind)))) throw new HttpError(400, '21452');
    const row: Row = {
      ...baseRow(ctx, 'PN', 'IncomingPhoneNumbers'),
      friendly_name: stock?.friendlyName ?? phoneNumber,
      phone_number: phoneNumber,
      voice_caller_id_lookup: false,
      capabilities: { voice_capable: true, sms_capable: true, mms_capable: false, fax_capable: false },
      $kind: stock?.kind ?? 'Sip',
    };
    for (const member of Object.values(fields)) if (!(member in row)) row[member] = null;
    for (const kindName of ['voice', 'sms', 'ussd', 'refer']) row[`${kindName}_application_name`] = null;
    apply(ctx, row);
    return jsonRow(ctx.engine.put('incomingPhoneNumbers', row));
  };
}

function listNumbers(ctx: HandlerContext) {
  let rows = ctx.engine.store.list('incomingPhoneNumbers', ctx.accountSid);
  const number = str(ctx.query.PhoneNumber);
  const name = str(ctx.query.FriendlyName);
  if (number) rows = rows.filter((r) => (r.phone_number as string).includes(number));
  if (name) rows = rows.filter((r) => (r.friendly_name as string).includes(name));
  // Numbers sort with their own scheme: SortBy=PhoneNumber|FriendlyName, Reverse=true for descending.
  const by = str(ctx.query.SortBy);
  if (by === 'PhoneNumber' || by === 'FriendlyName') rows = sortBy(rows, { SortBy: by === 'PhoneNumber' ? 'P' : 'F' }, { P: 'phone_number', F: 'friendly_name' });
  if (ctx.query.Reverse === true) rows = [...rows].reverse();
  return json(paged(ctx, rows, 'api'));
}

function available(kind: NumberKind) {
  return (ctx: HandlerContext) => {
    const size = ctx.query.RangeSize === undefined ? 40 : Number(ctx.query.RangeSize);
    const numbers = ctx.engine.inventory.available(str(ctx.path.IsoCountryCode)!, kind, {
      ...(ctx.query.AreaCode !== undefined ? { areaCode: str(ctx.query.AreaCode)! } : {}),
      ...(ctx.query.Contains !== undefined ? { contains: str(ctx.query.Contains)! } : {}),
      taken: (n) => taken(ctx, n),
      limit: Math.max(1, Math.min(size, 200)),
    });
    return json(
      numbers.map((n) => ({
        friendlyName: n.friendlyName,
        phoneNumber: n.phoneNumber,
        ...(n.lata !== undefined ? { lata: n.lata } : {}),
        ...(n.rateCenter !== undefined ? { rateCenter: n.rateCenter } : {}),
        ...(n.region !== undefined ? { region: n.region } : {}),
        ...(n.postalCode !== undefined ? { postalCode: n.postalCode } : {}),
        isoCountry: n.isoCountry,
        cost: n.cost,
        voiceCapable: true,
        smsCapable: true,
        mmsCapable: false,
        faxCapable: false,
      })),
    );
  };
}

export const numberHandlers: HandlerTable = {
  listIncomingPhoneNumbers: listNumbers,
  listLocalIncomingPhoneNumbers: listNumbers,
  listTollFreeIncomingPhoneNumbers: listNumbers,
  listMobileIncomingPhoneNumbers: listNumbers,
  createIncomingPhoneNumber: buy(undefined),
  createLocalIncomingPhoneNumber: buy('Local'),
  createTollFreeIncomingPhoneNumber: buy('TollFree'),
  createMobileIncomingPhoneNumber: buy('Mobile'),
  fetchIncomingPhoneNumber: (ctx) => jsonRow(owned(ctx, 'incomingPhoneNumbers', ctx.path.PhoneNumberSid)),
  updateIncomingPhoneNumber: (ctx) => updated(ctx, 'incomingPhoneNumbers', ctx.path.PhoneNumberSid, (row) => apply(ctx, row)),
  deleteIncomingPhoneNumber(ctx) {
    // Released numbers go back to the stock (the stock is computed from what is held).
    const row = owned(ctx, 'incomingPhoneNumbers', ctx.path.PhoneNumberSid);
    ctx.engine.store.delete('incomingPhoneNumbers', row.sid);
    return empty(204);
  },
  listAvailableCountries: (ctx) => json(ctx.engine.inventory.countries()),
  listAvailableLocalPhoneNumbers: available('Local'),
  listAvailableTollFreePhoneNumbers: available('TollFree'),
  listAvailableMobilePhoneNumbers: available('Mobile'),
};
