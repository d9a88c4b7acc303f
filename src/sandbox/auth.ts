// Basic authentication and account scoping as the server does them (reference core/common.yaml `authentication`).
import type { SandboxOperation } from './operations.js';
import { HttpError } from './answers.js';
import type { Engine } from './engine.js';
import type { Row } from './store.js';
import { timingSafeEqual } from 'node:crypto';

const challenge = { 'WWW-Authenticate': 'Basic realm="Restcomm realm"' };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The account the credentials belong to: user = account SID or email; secret = auth token or clear password. */
export function authenticate(engine: Engine, header: string | undefined): Row {
  const fail = () => new HttpError(401, 'Authentication failed', challenge);
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) throw fail();
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw fail();
  const user = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  const account =
    engine.store.get('accounts', user) ?? [...engine.store.tables.accounts.values()].find((a) => (a.email_address as string).toLowerCase() === user.toLowerCase());
  if (!account) throw fail();
  if (!same(secret, account.auth_token as string) && !same(secret, account.$password as string)) throw fail();
  // Closed, suspended and inactive accounts are refused; uninitialized ones pass on account-scoped paths.
  if (!['active', 'uninitialized'].includes(account.status as string)) throw new HttpError(403, 'Provided Account is not active');
  return account;
}

/**
 * The account the request acts on: the path's `{AccountSid}` must be the caller or one of its sub-accounts. The
 * server answers 403, except for Conferences and Participants, whose handlers turn the refusal into 401.
 */
export function authorize(engine: Engine, caller: Row, entry: SandboxOperation, pathAccountSid: string | undefined): string {
  if (pathAccountSid === undefined) return caller.sid;
  if (engine.isWithin(pathAccountSid, caller.sid) && engine.store.get('accounts', pathAccountSid)) return pathAccountSid;
  if (entry.path.includes('/Conferences')) throw new HttpError(401, 'Not allowed to access this account', challenge);
  throw new HttpError(403, 'Not allowed to access this account');
}
