/** Typed parsing of the requests Restcomm sends to your server (webhooks), driven by the table generated from the spec. */
import { webhooks as table, type WebhookKind } from '../../generated/webhooks.js';
import type { WebhookEntry } from './entry.js';
import { createWebhookParser, type WebhookPayloads } from './parse.js';

/** The generated table (plain data), checked here against the row type the parser reads. */
export const webhooks: { readonly [K in WebhookKind]: (typeof table)[K] & WebhookEntry } = table;

/**
 * Parses the parameters of a request Restcomm sent for webhook `kind` (a `URLSearchParams`, a form or query string,
 * or the object a body parser produced) into its typed payload; see `createWebhookParser` for the rules. Throws a
 * `WebhookError` for an unknown kind, missing required parameters or values that do not fit.
 */
export const parseWebhook = createWebhookParser<typeof webhooks, WebhookPayloads>(webhooks);

export type { WebhookKind } from '../../generated/webhooks.js';
export { createWebhookParser, WebhookError } from './parse.js';
export type { WebhookInput, WebhookValue, WebhookExtras, WebhookPayload, WebhookPayloads, ParsedWebhook, WebhookProblem } from './parse.js';
