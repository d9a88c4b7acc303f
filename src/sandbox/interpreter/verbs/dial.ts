// Placeholder (owned by the `dial` branch, which replaces it): <Dial> is recorded as skipped.
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Executes <Dial> with its nouns (Number, Client, Sip, Conference). */
export const dial: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
