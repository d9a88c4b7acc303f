// Every operation the sandbox simulates, by operation id.
import type { HandlerTable } from '../context.js';
import { accountHandlers } from './accounts.js';
import { applicationHandlers } from './applications.js';
import { callHandlers } from './calls.js';
import { callerIdHandlers } from './caller-ids.js';
import { conferenceHandlers } from './conferences.js';
import { logHandlers } from './logs.js';
import { mediaHandlers } from './media.js';
import { messagingHandlers } from './messaging.js';
import { numberHandlers } from './numbers.js';

const twins = { ...accountHandlers, ...applicationHandlers, ...numberHandlers };

export const handlers: HandlerTable = {
  ...accountHandlers,
  ...applicationHandlers,
  ...numberHandlers,
  ...callerIdHandlers,
  ...callHandlers,
  ...conferenceHandlers,
  ...mediaHandlers,
  ...messagingHandlers,
  ...logHandlers,
  // The PUT twins of the updates the server also takes as PUT.
  putAccount: twins.updateAccount!,
  putApplication: twins.updateApplication!,
  putClient: twins.updateClient!,
  putIncomingPhoneNumber: twins.updateIncomingPhoneNumber!,
};
