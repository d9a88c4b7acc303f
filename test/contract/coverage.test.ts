// Fails when an operation in the spec has no contract test, or a contract test names an operation the spec lacks.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specOperations } from '../support/spec.js';

const dir = path.dirname(fileURLToPath(import.meta.url));

function exercisedOperations(): Set<string> {
  const ids = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.contract.test.ts'))) {
    const source = readFileSync(path.join(dir, file), 'utf8');
    for (const match of source.matchAll(/\bcontract\(\s*'([A-Za-z0-9]+)'/g)) ids.add(match[1]!);
  }
  return ids;
}

describe('contract coverage', () => {
  const inSpec = new Set(specOperations.map((o) => o.operationId));
  const exercised = exercisedOperations();

  it('has a contract test for every operation in the spec', () => {
    const missing = [...inSpec].filter((id) => !exercised.has(id)).sort();
    expect(missing, `operations without a contract test: ${missing.join(', ')}`).toEqual([]);
  });

  it('names only operations that exist in the spec', () => {
    const unknown = [...exercised].filter((id) => !inSpec.has(id)).sort();
    expect(unknown, `contract tests for unknown operations: ${unknown.join(', ')}`).toEqual([]);
  });
});
