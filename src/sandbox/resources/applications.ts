// Applications and SIP clients (reference core/applications.yaml, core/clients.yaml).
import { empty, HttpError, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { view, type Row } from '../store.js';
import { assign, baseRow, method, owned, str, updated } from './common.js';

const appFields = { FriendlyName: 'friendly_name', VoiceCallerIdLookup: 'voice_caller_id_lookup', RcmlUrl: 'rcml_url', Kind: 'kind' };
const clientFields = {
  FriendlyName: 'friendly_name',
  Password: 'password',
  Status: 'status',
  VoiceUrl: 'voice_url',
  VoiceMethod: 'voice_method',
  VoiceFallbackUrl: 'voice_fallback_url',
  VoiceFallbackMethod: 'voice_fallback_method',
  VoiceApplicationSid: 'voice_application_sid',
};

/** The numbers that use an application (`includeNumbers=true`). */
function numbersOf(rows: Iterable<Row>, appSid: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const n of rows) {
    const uses = ['voice_application_sid', 'sms_application_sid', 'ussd_application_sid', 'refer_application_sid'].filter((k) => n[k] === appSid);
    if (uses.length) out.push({ sid: n.sid, friendly_name: n.friendly_name, phone_number: n.phone_number, ...Object.fromEntries(uses.map((k) => [k, appSid])) });
  }
  return out;
}

export const applicationHandlers: HandlerTable = {
  listApplications(ctx) {
    const rows = ctx.engine.store.list('applications', ctx.accountSid);
    const withNumbers = String(ctx.query.includeNumbers) === 'true';
    return json(rows.map((r) => (withNumbers ? { ...view(r), numbers: numbersOf(ctx.engine.store.tables.incomingPhoneNumbers.values(), r.sid) } : view(r))));
  },
  createApplication(ctx) {
    const row: Row = { ...baseRow(ctx, 'AP', 'Applications'), friendly_name: '', voice_caller_id_lookup: false };
    assign(row, ctx.body, appFields);
    return jsonRow(ctx.engine.put('applications', row));
  },
  fetchApplication: (ctx) => jsonRow(owned(ctx, 'applications', ctx.path.ApplicationSid)),
  updateApplication: (ctx) => updated(ctx, 'applications', ctx.path.ApplicationSid, (row) => assign(row, ctx.body, appFields)),
  deleteApplication(ctx) {
    // 200 with no body, even when the application does not exist.
    const row = ctx.engine.store.get('applications', ctx.path.ApplicationSid!);
    if (row?.account_sid === ctx.accountSid) ctx.engine.store.delete('applications', row.sid);
    return empty(200);
  },

  listClients: (ctx) => json(ctx.engine.store.list('clients', ctx.accountSid).map(view)),
  createClient(ctx) {
    const login = str(ctx.body.Login)!;
    if (!/^[A-Za-z0-9_.@+-]{1,64}$/.test(login)) throw new HttpError(400, 'Login contains characters that are not allowed');
    const existing = [...ctx.engine.store.tables.clients.values()].find((c) => c.login === login);
    if (existing) throw new HttpError(409, 'The login is already in use');
    const row: Row = { ...baseRow(ctx, 'CL', 'Clients'), friendly_name: login, login, password: '', status: '1' };
    assign(row, ctx.body, clientFields);
    if (row.voice_url !== undefined) row.voice_method = method(row.voice_method);
    return jsonRow(ctx.engine.put('clients', row));
  },
  fetchClient: (ctx) => jsonRow(owned(ctx, 'clients', ctx.path.ClientSid)),
  updateClient: (ctx) => updated(ctx, 'clients', ctx.path.ClientSid, (row) => assign(row, ctx.body, clientFields)),
  deleteClient(ctx) {
    const row = owned(ctx, 'clients', ctx.path.ClientSid);
    ctx.engine.store.delete('clients', row.sid);
    return empty(200);
  },
};
