// The README's sandbox section and the site guide show the example test word for word (the example runs as a test of
// its own, test/sandbox/examples/voice-app.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const blocks = (text: string) => [...text.matchAll(/<!-- sandbox-example: (\S+) -->\s*```ts\n([\s\S]*?)```/g)].map((m) => ({ file: m[1]!, code: m[2]! }));

describe('sandbox documentation', () => {
  for (const doc of ['README.md', 'docs/guides/30-sandbox.md']) {
    it(`${doc} shows the example test exactly as it is`, () => {
      const found = blocks(read(doc));
      expect(found.map((b) => b.file)).toEqual(['test/sandbox/examples/voice-app.test.ts']);
      for (const block of found) expect(block.code).toBe(read(block.file));
    });
  }

  it('the guide is the site page with its title first', () => {
    expect(read('docs/guides/30-sandbox.md').split('\n')[0]).toBe('# Testing your application with the sandbox');
  });
});
