// Placeholder (owned by the `media` branch, which replaces it): <Sms> is recorded as skipped.
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Executes <Sms>. */
export const sms: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
