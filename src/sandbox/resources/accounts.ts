// Accounts and sub-accounts (reference core/accounts.yaml).
import { HttpError, json, jsonRow } from '../answers.js';
import type { HandlerTable } from '../context.js';
import { md5Hex } from '../ids.js';
import { view } from '../store.js';
import { assign, str } from './common.js';

const MAX_DEPTH = 3; // top, child, grandchild

export const accountHandlers: HandlerTable = {
  listAccounts(ctx) {
    const rows = [...ctx.engine.store.tables.accounts.values()].filter((a) => a.sid !== ctx.caller.sid && ctx.engine.isWithin(a.sid, ctx.caller.sid));
    const org = str(ctx.query.OrganizationSid);
    return json(rows.filter((a) => org === undefined || a.organization === org).map(view));
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
    if (ctx.caller.$parent) throw new HttpError(403, 'Only Administrator allowed');
    const row = ctx.engine.store.get('accounts', ctx.accountSid)!;
    if (!row.$parent) throw new HttpError(400, 'A top-level account cannot be migrated');
    const org = str(ctx.body.Organization)!;
    if (!/^OR[0-9a-zA-Z]{32}$/.test(org)) throw new HttpError(412, 'Organization not found');
    row.organization = org;
    ctx.engine.touch(row);
    return jsonRow(row);
  },
};
