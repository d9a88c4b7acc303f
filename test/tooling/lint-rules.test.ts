// Each house lint rule must fire on a spec that breaks it: mutate a copy of openapi/ and lint it with redocly.yaml.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir = '';
let problems: { ruleId: string; message: string }[] = [];

async function edit(file: string, change: (doc: Record<string, any>) => void): Promise<void> {
  const full = path.join(dir, 'openapi', file);
  const doc = YAML.parse(await readFile(full, 'utf8'));
  change(doc);
  await writeFile(full, YAML.stringify(doc));
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'restcomm-lint-'));
  await cp(path.join(root, 'openapi'), path.join(dir, 'openapi'), { recursive: true });
  await cp(path.join(root, 'redocly.yaml'), path.join(dir, 'redocly.yaml'));
  await edit('openapi.yaml', (doc) => {
    doc.tags.push({ name: 'Undescribed' });
    doc.paths['/Accounts'] = doc.paths['/Accounts.json'];
    delete doc.paths['/Accounts.json'];
  });
  await edit('paths/accounts/Accounts.yaml', (doc) => {
    doc.get.operationId = 'Get_Accounts';
    delete doc.post.requestBody.content['application/x-www-form-urlencoded'].examples;
  });
  await edit('paths/accounts/Account.yaml', (doc) => {
    delete doc.get.responses['401'];
  });
  // The account update's body (shared by POST and PUT) lives in components.
  await edit('components/requestBodies/AccountUpdate.yaml', (doc) => {
    doc.content['application/x-www-form-urlencoded'].examples.rename.value = { FriendlyName: 42 };
  });
  const run = await promisify(execFile)(path.join(root, 'node_modules', '.bin', 'redocly'), ['lint', 'openapi/openapi.yaml', '--format=json'], {
    cwd: dir,
    maxBuffer: 64 * 1024 * 1024,
  }).catch((err: { stdout: string }) => err);
  const json = run.stdout.slice(run.stdout.indexOf('{'));
  problems = (JSON.parse(json) as { problems: { ruleId: string; message: string }[] }).problems;
}, 60_000);

afterAll(() => rm(dir, { recursive: true, force: true }));

describe('house lint rules', () => {
  it.each([
    ['rule/operation-id-verb-resource', /verb \+ resource/],
    ['rule/account-paths-json-suffix', /must end in \.json/],
    ['rule/secured-operation-401', /401/],
    ['rule/media-type-example', /named example/],
    ['rule/tag-has-description', /description/],
    ['no-invalid-media-type-examples', /FriendlyName|type/],
  ])('%s fires on a spec that breaks it', (ruleId, message) => {
    const hits = problems.filter((p) => p.ruleId === ruleId);
    expect(hits.length, `${ruleId} did not fire; rules that did: ${[...new Set(problems.map((p) => p.ruleId))].join(', ')}`).toBeGreaterThan(0);
    expect(hits.map((h) => h.message).join('\n')).toMatch(message);
  });

  it('reports nothing else: the unmutated parts of the spec are clean', () => {
    const expected = new Set(['rule/operation-id-verb-resource', 'rule/account-paths-json-suffix', 'rule/secured-operation-401', 'rule/media-type-example', 'rule/tag-has-description', 'tag-description', 'no-invalid-media-type-examples']);
    expect(problems.filter((p) => !expected.has(p.ruleId))).toEqual([]);
  });
});
