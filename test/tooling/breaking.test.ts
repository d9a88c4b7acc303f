// The release gate on mutated copies of the real bundle: redocly diff --check-version decides the HTTP contract, and
// the SDK breaks it cannot see fail the gate too. Three redocly runs in all, side by side.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRelease, sdkBreaks } from '../../scripts/lib/breaking.js';
import { bundleJson } from '../../tools/spec.js';

type Doc = Record<string, any>;
let dir = '';
let bundle = '';
let base = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'restcomm-breaking-'));
  bundle = await readFile(bundleJson, 'utf8');
  const doc = JSON.parse(bundle) as Doc;
  doc.info.version = '1.0.0'; // the released baseline of these cases, whatever the spec's own version is
  base = path.join(dir, 'base.json');
  await writeFile(base, JSON.stringify(doc));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function revision(name: string, version: string, change: (doc: Doc) => void): Doc {
  const doc = JSON.parse(bundle) as Doc;
  doc.info.version = version;
  change(doc);
  return doc;
}
async function gate(name: string, version: string, change: (doc: Doc) => void) {
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(revision(name, version, change)));
  return checkRelease(base, file);
}

const removeDeleteClient = (doc: Doc) => delete doc.paths['/Accounts/{AccountSid}/Clients/{ClientSid}.json'].delete;
// What redocly diff rates as a harmless (minor) change, or not at all, while the SDK's callers break.
const renameSdkMethod = (doc: Doc) => (doc.paths['/Accounts/{AccountSid}/Clients/{ClientSid}.json'].delete['x-sdk'] = { namespace: 'clients', method: 'remove' });
const repeatEvents = (doc: Doc) => {
  const media = doc.paths['/Accounts/{AccountSid}/Calls.json'].post.requestBody.content['application/x-www-form-urlencoded'];
  media.encoding = { ...media.encoding, StatusCallbackEvent: { style: 'form', explode: true } };
};

describe.concurrent('release gate', () => {
  it('fails a breaking change released as a minor, asking for the next major', async () => {
    const result = await gate('removed-minor', '1.1.0', removeDeleteClient);
    expect(result.ok).toBe(false);
    expect(result.diff).toMatch(/1 major/);
    expect(result.diff).toMatch(/require a major bump \(2\.0\.0\)/);
  });

  it('passes the same change released as the next major', async () => {
    const result = await gate('removed-major', '2.0.0', removeDeleteClient);
    expect(result.diff).toMatch(/1 major/);
    expect(result.ok, result.diff).toBe(true);
  });

  it('fails SDK breaks that redocly diff alone would pass (the gap it fills)', async () => {
    const result = await gate('sdk-break', '1.1.0', (doc) => {
      renameSdkMethod(doc);
      repeatEvents(doc);
    });
    expect(result.diff, 'redocly diff alone passes the revision').toMatch(/Diff passed/);
    expect(result.sdk.breaks.sort()).toEqual([
      'createCall: form field StatusCallbackEvent would travel as repeated keys instead of one comma-joined field',
      'deleteClient: the SDK method client.clients.delete would become client.clients.remove',
    ]);
    expect(result.ok).toBe(false);
  });
});

describe('sdkBreaks', () => {
  it('allows the SDK break with a major bump, and reports nothing for additions', () => {
    const before = JSON.parse(bundle) as Doc;
    expect(sdkBreaks(before, revision('same', '1.0.0', () => {}))).toEqual([]);
    expect(sdkBreaks(before, revision('added', '1.1.0', (doc) => (doc.paths['/Accounts/{AccountSid}/Widgets.json'] = {})))).toEqual([]);
  });
});
