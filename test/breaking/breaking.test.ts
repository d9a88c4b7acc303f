// The breaking-change gate must fail each kind of break it promises to catch and let additive changes through: mutate
// copies of the real bundle in a temp dir and run the gate (redocly diff) on them. Cases run concurrently (~2 s each).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBreaking, leadingMajor, releasedJson, type BreakingResult } from '../../scripts/lib/breaking.js';
import { bundleJson } from '../../scripts/lib/paths.js';

type Doc = Record<string, any>;

let dir = '';
let base = '';
let bundle = '';
let version = ''; // info.version of the bundle, and its major
let major = 0;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'restcomm-breaking-'));
  // One snapshot of the real bundle is both the base and the start of every mutation.
  bundle = await readFile(bundleJson, 'utf8');
  version = String((JSON.parse(bundle) as Doc).info.version);
  major = leadingMajor(version) ?? NaN;
  base = path.join(dir, 'base.json');
  await writeFile(base, bundle);
});

afterAll(() => rm(dir, { recursive: true, force: true }));

/** Writes a mutated copy of the bundle and runs the gate on base → copy. */
async function gate(name: string, change: (doc: Doc) => void): Promise<BreakingResult> {
  const doc = JSON.parse(bundle) as Doc;
  change(doc);
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify(doc, null, 2));
  return checkBreaking(base, file);
}

const form = (doc: Doc, route: string, method: string): Doc => doc.paths[route][method].requestBody.content['application/x-www-form-urlencoded'].schema;
const clientPath = '/Accounts/{AccountSid}/Clients/{ClientSid}.json';
const removeDeleteClient = (doc: Doc): void => {
  // The path keeps its GET and POST: only the operation goes.
  delete doc.paths[clientPath].delete;
};
const describeBreaking = (r: BreakingResult): string => r.breaking.map((c) => `${c.location}: ${c.message}`).join('\n') || '(no breaking changes)';

describe.concurrent('breaking-change gate', () => {
  it('catches a removed operation', async ({ expect }) => {
    const r = await gate('removed-operation', removeDeleteClient);
    expect(r.ok).toBe(false);
    expect(r.breaking.length).toBeGreaterThan(0);
    for (const c of r.breaking) expect(`${c.location}: ${c.message}`).toMatch(/DELETE \/Accounts\/\{AccountSid\}\/Clients\/\{ClientSid\}\.json.*removed/);
    expect(r.message).toContain('DELETE /Accounts/{AccountSid}/Clients/{ClientSid}.json');
  });

  it('catches a new required query parameter', async ({ expect }) => {
    const r = await gate('required-query', (doc) => {
      doc.paths['/Accounts.json'].get.parameters.push({ name: 'Region', in: 'query', required: true, schema: { type: 'string' } });
    });
    expect(r.ok, describeBreaking(r)).toBe(false);
    expect(r.breaking.length).toBeGreaterThan(0);
    for (const c of r.breaking) expect(`${c.location}: ${c.message}`).toMatch(/GET \/Accounts\.json.*Required `Region` query parameter/);
  });

  it('catches a new required request-body field', async ({ expect }) => {
    const r = await gate('required-body-field', (doc) => {
      const schema = form(doc, '/Accounts.json', 'post');
      schema.properties.Nickname = { type: 'string', description: 'A short name.' };
      schema.required.push('Nickname');
    });
    expect(r.ok, describeBreaking(r)).toBe(false);
    expect(r.breaking.length).toBeGreaterThan(0);
    for (const c of r.breaking) expect(`${c.location}: ${c.message}`).toMatch(/POST \/Accounts\.json › requestBody.*required: `Nickname`/);
    // Adding the property itself is not the break; making it required is.
    expect(r.changes.some((c) => c.impact === 'minor' && /properties › Nickname$/.test(c.location))).toBe(true);
  });

  it('catches a value removed from a request form field enum', async ({ expect }) => {
    const r = await gate('request-enum-form', (doc) => {
      const status = form(doc, '/Accounts/{AccountSid}/Clients.json', 'post').properties.Status;
      expect(status.enum).toEqual([0, 1]);
      status.enum = [1];
    });
    expect(r.ok, describeBreaking(r)).toBe(false);
    expect(r.breaking.length).toBeGreaterThan(0);
    for (const c of r.breaking) expect(`${c.location}: ${c.message}`).toMatch(/POST \/Accounts\/\{AccountSid\}\/Clients\.json › requestBody.*Status.*lost values: '0'/);
  });

  it('catches a value removed from a query parameter enum', async ({ expect }) => {
    const r = await gate('request-enum-query', (doc) => {
      const sortBy = doc.components.schemas.IncomingPhoneNumberSortBy;
      expect(sortBy.enum).toEqual(['PhoneNumber', 'FriendlyName']);
      sortBy.enum = ['PhoneNumber'];
    });
    expect(r.ok, describeBreaking(r)).toBe(false);
    expect(r.breaking.length).toBeGreaterThan(0);
    for (const c of r.breaking) expect(`${c.location}: ${c.message}`).toMatch(/query SortBy.*lost values: 'FriendlyName'/);
  });

  it('catches a property removed from a response schema', async ({ expect }) => {
    const r = await gate('response-field', (doc) => {
      const account = doc.components.schemas.Account;
      expect(account.properties.role).toBeDefined();
      expect(account.required).not.toContain('role');
      delete account.properties.role; // optional, so only the property goes, not a `required` entry
    });
    expect(r.ok, describeBreaking(r)).toBe(false);
    expect(r.breaking.length).toBeGreaterThan(0);
    for (const c of r.breaking) expect(`${c.location}: ${c.message}`).toMatch(/responses › 200.*Property `role` of `Account` was removed/);
  });

  it('passes a purely additive change and lists it', async ({ expect }) => {
    const r = await gate('additive', (doc) => {
      doc.paths['/Accounts.json'].get.parameters.push({ name: 'Nickname', in: 'query', required: false, description: 'Filter by nickname.', schema: { type: 'string' } });
      doc.paths['/Accounts/{AccountSid}/Widgets.json'] = {
        get: {
          operationId: 'listWidgets',
          tags: ['Accounts'],
          summary: 'List widgets',
          responses: { '200': { description: 'The widgets.', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } },
        },
      };
      doc.components.schemas.Account.properties.nickname = { type: 'string', description: 'A short name.' };
    });
    expect(r.ok, r.message).toBe(true);
    expect(r.breaking).toEqual([]);
    const listed = r.changes.map((c) => `${c.impact} ${c.location}: ${c.message}`).join('\n');
    expect(listed).toMatch(/minor GET \/Accounts\.json › query Nickname: Optional query parameter `Nickname` added/);
    expect(listed).toMatch(/minor \/Accounts\/\{AccountSid\}\/Widgets\.json: Path .* added/);
    expect(listed).toMatch(/minor GET \/Accounts\.json › responses › 200.*nickname: Property `nickname` added/);
    expect(r.message).toMatch(/No breaking changes/);
  });

  it('passes a breaking change when the major of info.version is raised', async ({ expect }) => {
    expect(major, `info.version ${version} has no leading number`).not.toBeNaN();
    const r = await gate('major-bump', (doc) => {
      removeDeleteClient(doc);
      doc.info.version = `${major + 1}.0.0`;
    });
    expect(r.breaking.length).toBeGreaterThan(0);
    expect(r.versions).toMatchObject({ base: version, baseMajor: major, revisionMajor: major + 1 });
    expect(r.majorBumped).toBe(true);
    expect(r.ok, r.message).toBe(true);
    expect(r.message).toContain(`allowed: info.version went ${version} → ${major + 1}.0.0`);
  });

  it('fails a breaking change when only the minor of info.version is raised, naming the change and the way out', async ({ expect }) => {
    const r = await gate('minor-bump', (doc) => {
      removeDeleteClient(doc);
      doc.info.version = `${major}.99.0`;
    });
    expect(r.versions).toMatchObject({ baseMajor: major, revisionMajor: major });
    expect(r.majorBumped).toBe(false);
    expect(r.ok).toBe(false);
    expect(r.breaking.length).toBeGreaterThan(0);
    for (const c of r.breaking) expect(r.message).toContain(`${c.location}: ${c.message}`);
    expect(r.message).toMatch(/raise the leading number of info\.version/);
  });

  it('reports nothing for an unchanged copy', async ({ expect }) => {
    const r = await gate('unchanged', () => {});
    expect(r).toMatchObject({ ok: true, changes: [], breaking: [] });
  });

  it('refuses an info.version with no leading number, saying so', async ({ expect }) => {
    await expect(gate('no-number', (doc) => (doc.info.version = 'next'))).rejects.toThrow(/"next", which has no leading number/);
  });

  it('passes the current bundle against the committed release baseline', async ({ expect }) => {
    const r = await checkBreaking(releasedJson, bundleJson);
    expect(r.breaking, describeBreaking(r)).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('leadingMajor', () => {
  it.each([
    ['2012-04-24.0', 2012],
    ['1.2.3', 1],
    ['10.0.0-beta.1', 10],
    ['v3.1', 3],
    ['7', 7],
  ])('reads %s as major %i', (version, major) => {
    expect(leadingMajor(version)).toBe(major);
  });

  it.each(['next', 'draft-2', '', '.1'])('finds no major in %j', (version) => {
    expect(leadingMajor(version)).toBeUndefined();
  });
});
