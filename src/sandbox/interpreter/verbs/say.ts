// <Say>: speaks its text (rcml.yaml verbs.Say). The sandbox has no speech engine: speaking takes virtual time.
import type { VerbHandler } from '../verb.js';
import { loopCount } from './loop.js';
import { skipVerb } from './skip.js';

/** Speaking takes virtual time: about 15 characters a second, at least one second. */
export function speechMs(words: string): number {
  return Math.max(1000, Math.round((words.length / 15) * 1000));
}

/** Executes <Say>. */
export const say: VerbHandler = async (el, ctx) => {
  const text = ctx.text(el);
  // Empty text: the server skips the verb (rcml.yaml verbs.Say.text).
  if (!text) return skipVerb(el, ctx, 'no text to speak');
  const nested = ctx.parent === 'Gather';
  let voice = ctx.attr(el, 'voice') ?? 'man';
  if (voice !== 'man' && voice !== 'woman') {
    ctx.notify(nested ? 13321 : 13511, 'warning', `${voice} is an invalid voice value.`);
    voice = 'man';
  }
  const loop = loopCount(el, ctx, nested ? 13322 : 13510);
  const language = ctx.attr(el, 'language') ?? 'en';
  ctx.record({ type: 'verb', verb: 'Say', outcome: 'done', text, voice, language, loop });
  await ctx.session.sleep(speechMs(text) * Math.max(1, loop));
  return { next: true };
};
