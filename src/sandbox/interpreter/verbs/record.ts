// Placeholder (owned by the `media` branch, which replaces it): <Record> is recorded as skipped.
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Executes <Record>. */
export const record: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
