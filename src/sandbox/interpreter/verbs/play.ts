// <Play>: plays an audio file (rcml.yaml verbs.Play). The sandbox does not download it; see PLAY_MS.
import type { VerbHandler } from '../verb.js';
import { resolveUrl } from './attributes.js';
import { loopCount } from './loop.js';
import { skipVerb } from './skip.js';

/** Virtual time one playing of a file takes: the sandbox does not fetch media, so it cannot know its length. */
export const PLAY_MS = 3000;

/** Executes <Play>. */
export const play: VerbHandler = async (el, ctx) => {
  const text = ctx.text(el);
  if (!text) return skipVerb(el, ctx, 'no URL to play');
  // An unusable URI: the server writes 11100 (invalid URI; 13325 inside Gather) and goes on.
  const url = resolveUrl(ctx, text, ctx.parent === 'Gather' ? 13325 : 11100);
  if (url === undefined) return skipVerb(el, ctx, `${text} is not a URL`);
  const loop = loopCount(el, ctx, 13410);
  ctx.record({ type: 'verb', verb: 'Play', outcome: 'done', url, loop });
  await ctx.session.sleep(PLAY_MS * Math.max(1, loop));
  return { next: true };
};
