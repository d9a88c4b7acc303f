// Placeholder (owned by the `dial` branch, which replaces it): a <Conference> noun is recorded as skipped.
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Joins the call to the conference of a <Conference> noun (called by `dial`, not by the registry). */
export const conference: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
