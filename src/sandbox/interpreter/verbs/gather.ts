// Placeholder (owned by the `media` branch, which replaces it): <Gather> is recorded as skipped.
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Executes <Gather>. */
export const gather: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
