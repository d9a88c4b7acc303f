// What an operation handler sees, and the registry type that maps operation ids to handlers.
import type { SandboxOperation } from './operations.js';
import type { Answer } from './contract.js';
import type { Engine } from './engine.js';
import type { Row } from './store.js';

export interface HandlerContext {
  readonly engine: Engine;
  readonly operationId: string;
  readonly entry: SandboxOperation;
  /** The authenticated account. */
  readonly caller: Row;
  /** The `{AccountSid}` of the path (checked: the caller or one of its sub-accounts), else the caller's SID. */
  readonly accountSid: string;
  readonly path: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: Readonly<Record<string, unknown>>;
  /** The request path as received, e.g. `/restcomm/2012-04-24/Accounts/AC…/SMS/Messages.json`. */
  readonly requestPath: string;
}

export type Handler = (ctx: HandlerContext) => Answer;
export type HandlerTable = Readonly<Record<string, Handler>>;
