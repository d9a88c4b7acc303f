// Every operation the sandbox simulates, by operation id.
import type { HandlerTable } from '../context.js';
import { accountHandlers } from './accounts.js';
import { applicationHandlers } from './applications.js';
import { callHandlers } from './calls.js';
import { logHandlers } from './logs.js';
import { mediaHandlers } from './media.js';
import { messagingHandlers } from './messaging.js';
import { numberHandlers } from './numbers.js';

export const handlers: HandlerTable = {
  ...accountHandlers,
  ...applicationHandlers,
  ...numberHandlers,
  ...callHandlers,
  ...mediaHandlers,
  ...messagingHandlers,
  ...logHandlers,
};
