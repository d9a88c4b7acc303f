// The README's sandbox sections and the site guides show the example tests word for word: each block marked
// `<!-- sandbox-example: FILE -->` must equal FILE. test/sandbox/examples/voice-app.test.ts runs in this project; the
// examples/ivr files run in their own package (.ci/run), where their TypeScript is type-checked in its real setting,
// which is why the guide fences them as `typescript` and not `ts` (the guides' `ts` blocks are compiled out of context
// into generated/code-samples.ts, where `./harness.ts` would not resolve).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RCML_ELEMENTS } from '../../src/rcml/schema.js';
import { registeredVerbs } from '../../src/sandbox/interpreter/registry.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const blocks = (text: string) => [...text.matchAll(/<!-- sandbox-example: (\S+) -->\s*```(?:ts|typescript|text)\n([\s\S]*?)```/g)].map((m) => ({ file: m[1]!, code: m[2]! }));

const shown: Record<string, string[]> = {
  'README.md': ['test/sandbox/examples/voice-app.test.ts', 'examples/ivr/test/voicemail.test.ts', 'examples/ivr/test/__snapshots__/voicemail.txt'],
  'docs/guides/30-sandbox.md': ['test/sandbox/examples/voice-app.test.ts'],
  'docs/guides/31-testing-rcml-apps.md': [
    'examples/ivr/test/harness.ts',
    'examples/ivr/test/voicemail.test.ts',
    'examples/ivr/test/__snapshots__/voicemail.txt',
    'examples/ivr/test/step-by-step.test.ts',
    'examples/ivr/test/broken-reply.test.ts',
  ],
};

describe('sandbox documentation', () => {
  for (const [doc, files] of Object.entries(shown)) {
    it(`${doc} shows its example files exactly as they are`, () => {
      const found = blocks(read(doc));
      expect(found.map((b) => b.file)).toEqual(files);
      for (const block of found) expect(block.code, block.file).toBe(read(block.file));
    });
  }

  it('the guides are site pages with their titles first', () => {
    expect(read('docs/guides/30-sandbox.md').split('\n')[0]).toBe('# Testing your application with the sandbox');
    expect(read('docs/guides/31-testing-rcml-apps.md').split('\n')[0]).toBe('# Testing an RCML application');
  });

  it("the RCML guide's table has every verb of the element table, with its contexts, and calls none without a handler running", () => {
    const rows = [...read('docs/guides/31-testing-rcml-apps.md').matchAll(/^\| `(\w+)` \| ([^|]+) \| (runs|skipped)\b/gm)].map((m) => ({ verb: m[1]!, contexts: m[2]!, runs: m[3] === 'runs' }));
    const verbs = Object.entries(RCML_ELEMENTS).filter(([, e]) => e.kind === 'verb');
    expect(rows.map((r) => r.verb).sort()).toEqual(verbs.map(([name]) => name).sort());
    const label = { voice: 'voice', 'call-screening': 'call screening', 'conference-wait': 'conference wait', sms: 'SMS', ussd: 'USSD' } as const;
    for (const [name, element] of verbs) {
      const row = rows.find((r) => r.verb === name)!;
      expect(row.contexts.replace(/\s*\(.*\)/, '').trim(), name).toBe(element.contexts.map((c) => label[c]).join(', '));
      if (row.runs) expect(registeredVerbs(), `${name} is said to run`).toContain(name);
    }
  });
});
