// Accounts and sub-accounts (reference core/accounts.yaml).
import { HttpError, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { md5Hex } from '../ids.js';
import { view } from '../store.js';
import { assign, str } from './common.js';

const MAX_DEPTH = 3; // top, child, grandchild

export const accountHandlers: HandlerTable = {
  listAccounts(ctx) {
    let rows = [...ctx.engine.store.tables.accounts.values()].filter((a) => a.sid !== ctx.caller.sid && ctx.engine.isWithin(a.sid, ctx.caller.sid));
    const domain = str(ctx.query.DomainName);
    const orgSid = domain === undefined ? str(ctx.query.OrganizationSid) : ctx.engine.organization({ domain })?.sid;
    if (domain !== undefined && orgSid === undefined) throw new HttpError(404, `No organization with the domain ${domain}`);
    // Filtering by organization lists every account of it, and only a top-level account may do that.
    if (orgSid !== undefined) {
      if (ctx.caller.$parent) throw new HttpError(403, 'Only Administrator allowed');
      rows = [...ctx.engine.store.tables.accounts.values()].filter((a) => a.organization === orgSid);
    }
    return json(rows.map(view));
  },
  createAccount(ctx) {
    const email = str(ctx.body.EmailAddress)!;
    const password = str(ctx.body.Password)!;
    const taken = [...ctx.engine.store.tables.accounts.values()].some((a) => (a.email_address as string).toLowerCase() === email.toLowerCase());
    if (taken) throw new HttpError(409, 'The email address is already in use');
    let depth = 1;
    for (let a = ctx.caller; a.$parent; a = ctx.engine.store.get('accounts', a.$parent as string)!) depth++;
    if (depth >= MAX_DEPTH) throw new HttpError(400, 'This account is not allowed to have sub-accounts');
    const row = ctx.engine.createAccount({
      email,
      password,
      parentSid: ctx.caller.sid,
      organizationSid: str(ctx.body.OrganizationSid) ?? (ctx.caller.organization as string),
      ...(ctx.body.FriendlyName !== undefined ? { friendlyName: str(ctx.body.FriendlyName)! } : {}),
      ...(ctx.body.Status !== undefined ? { status: str(ctx.body.Status)! } : {}),
      ...(ctx.body.Role !== undefined ? { role: str(ctx.body.Role)! } : {}),
    });
    return jsonRow(row);
  },
  fetchAccount(ctx) {
    return jsonRow(ctx.engine.store.get('accounts', ctx.accountSid)!);
  },
  updateAccount(ctx) {
    const row = ctx.engine.store.get('accounts', ctx.accountSid)!;
    if (row.status === 'closed') throw new HttpError(400, 'Account is closed');
    assign(row, ctx.body, { FriendlyName: 'friendly_name', Status: 'status', Role: 'role' });
    if (ctx.body.Password !== undefined) {
      row.$password = str(ctx.body.Password);
      row.auth_token = md5Hex(row.$password as string);
    }
    ctx.engine.touch(row);
    return jsonRow(row);
  },
  migrateAccount(ctx) {
    // The organization is checked first, so an unknown one is 412 even for an unknown account.
    const target = str(ctx.body.Organization)!;
    const org = ctx.engine.organization({ sid: target, domain: target });
    if (!org) throw new HttpError(412, 'Missing Organization SID or Domain Name');
    if (ctx.caller.$parent) throw new HttpError(403, 'Only Administrator allowed');
    const row = ctx.engine.store.get('accounts', ctx.accountSid)!;
    if (row.$parent !== ctx.caller.sid) throw new HttpError(400, 'The account is not a direct child of the caller');
    if (row.organization === org.sid) throw new HttpError(400, 'Account already in the requested Organization');
    row.organization = org.sid;
    ctx.engine.touch(row);
    return jsonRow(row);
  },
};
