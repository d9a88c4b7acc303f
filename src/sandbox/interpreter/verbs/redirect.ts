// <Redirect>: the document at its URL replaces the rest of this one (rcml.yaml verbs.Redirect).
import type { WebhookKind } from '../../../webhooks/index.js';
import type { RcmlContext, VerbHandler } from '../verb.js';
import { resolveUrl } from './attributes.js';
import { skipVerb } from './skip.js';

/** The webhook a Redirect sends, by context: the voice or SMS request parameters, to the Redirect's URL. */
const KIND: Partial<Record<RcmlContext, WebhookKind>> = { voice: 'voiceRedirect', 'call-screening': 'screeningRedirect', sms: 'smsRedirect' };

/** Executes <Redirect>. */
export const redirect: VerbHandler = async (el, ctx) => {
  const text = ctx.text(el);
  // Empty text: the server goes on with the next verb.
  if (!text) return skipVerb(el, ctx, 'no URL to redirect to');
  const kind = KIND[ctx.context];
  if (!kind) return skipVerb(el, ctx, `Redirect is not executed in the ${ctx.context} context`);
  const url = resolveUrl(ctx, text);
  if (url === undefined) return skipVerb(el, ctx, `${text} is not a URL`);
  const raw = ctx.attr(el, 'method');
  let method: 'GET' | 'POST' = 'POST';
  if (raw !== undefined) {
    const upper = raw.toUpperCase();
    if (upper === 'GET' || upper === 'POST') method = upper;
    else ctx.notify(13710, 'warning', `${raw} is not a valid method value.`);
  }
  ctx.record({ type: 'verb', verb: 'Redirect', outcome: 'done', url, method });
  return { fetch: { url, method, kind } };
};
