// Anything marked x-inferred must say so, and why, where readers look: its description starts an **Inferred:** sentence.
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../../tools/spec.js';
import { bundle } from '../support/spec.js';

function inferredNodes(node: Json, path: string, out: { path: string; node: JsonObject }[]): void {
  if (Array.isArray(node)) node.forEach((v, i) => inferredNodes(v, `${path}/${i}`, out));
  else if (node && typeof node === 'object') {
    if (node['x-inferred'] === true) out.push({ path, node });
    for (const [k, v] of Object.entries(node)) inferredNodes(v, `${path}/${k}`, out);
  }
}

describe('inferred facts', () => {
  const found: { path: string; node: JsonObject }[] = [];
  inferredNodes(bundle, '#', found);

  it('exist (the cloud digests mark several)', () => {
    expect(found.length).toBeGreaterThan(10);
  });

  it('each carry an **Inferred:** explanation in their description', () => {
    const silent = found.filter(({ node }) => !String(node.description ?? '').includes('**Inferred:**')).map(({ path }) => path);
    expect(silent).toEqual([]);
  });
});
