// Placeholder (owned by the `dial` branch, which replaces it): <Hold>, <Resume> and <Refer> are recorded as skipped.
import type { VerbHandler } from '../verb.js';
import { skipVerb } from './skip.js';

/** Executes <Hold>. */
export const hold: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
/** Executes <Resume>. */
export const resume: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
/** Executes <Refer>. */
export const refer: VerbHandler = async (el, ctx) => skipVerb(el, ctx, 'not yet implemented');
