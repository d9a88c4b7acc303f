// Applications and SIP clients (reference core/applications.yaml, core/clients.yaml).
import { empty, HttpError, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { API_VERSION, newSid } from '../ids.js';
import { view, type Row } from '../store.js';
import { assign, method, owned, str } from './common.js';

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
    const sid = newSid('AP');
    const apiVersion = str(ctx.body.ApiVersion) ?? API_VERSION;
    const row: Row = { sid, ...ctx.engine.stamps(), friendly_name: '', account_sid: ctx.accountSid, api_version: apiVersion, voice_caller_id_lookup: false, uri: `/${apiVersion}/Accounts/${ctx.accountSid}/Applications/${sid}.json` };
    assign(row, ctx.body, appFields);
    return jsonRow(ctx.engine.put('applications', row));
  },
  fetchApplication: (ctx) => jsonRow(owned(ctx, 'applications', ctx.path.ApplicationSid)),
  updateApplication(ctx) {
    const row = owned(ctx, 'applications', ctx.path.ApplicationSid);
    assign(row, ctx.body, appFields);
    ctx.engine.touch(row);
    return jsonRow(row);
  },
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
    const sid = newSid('CL');
    const apiVersion = str(ctx.body.ApiVersion) ?? API_VERSION;
    const row: Row = {
      sid,
      ...ctx.engine.stamps(),
      account_sid: ctx.accountSid,
      api_version: apiVersion,
      friendly_name: login,
      login,
      password: '',
      status: '1',
      uri: `/${apiVersion}/Accounts/${ctx.accountSid}/Clients/${sid}.json`,
    };
    assign(row, ctx.body, clientFields);
    if (row.voice_url !== undefined) row.voice_method = method(row.voice_method);
    return jsonRow(ctx.engine.put('clients', row));
  },
  fetchClient: (ctx) => jsonRow(owned(ctx, 'clients', ctx.path.ClientSid)),
  updateClient(ctx) {
    const row = owned(ctx, 'clients', ctx.path.ClientSid);
    assign(row, ctx.body, clientFields);
    ctx.engine.touch(row);
    return jsonRow(row);
  },
  deleteClient(ctx) {
    const row = owned(ctx, 'clients', ctx.path.ClientSid);
    ctx.engine.store.delete('clients', row.sid);
    return empty(200);
  },
};
