// Placeholder (owned by the `media` branch, which replaces it): <Email> is recorded as skipped.
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Executes <Email>. */
export const email: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
