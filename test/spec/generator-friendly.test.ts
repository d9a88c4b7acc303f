// The modelling choices third-party generators and validators depend on (`npm run interop` runs the real tools in CI;
// these are the fast checks of the same facts, in `npm test`).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { SmsErrorCode } from '../../generated/openapi-types.js';
import { bundle, validateAgainst } from '../support/spec.js';
import { deref, httpMethods, type Json, type JsonObject } from '../../tools/spec.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every object in the bundle with its JSON path. */
function* walk(node: Json, at: string[] = []): Generator<{ node: JsonObject; at: string[] }> {
  if (Array.isArray(node)) for (const [i, v] of node.entries()) yield* walk(v, [...at, String(i)]);
  else if (node && typeof node === 'object') {
    yield { node, at };
    for (const [k, v] of Object.entries(node)) yield* walk(v, [...at, k]);
  }
}

const paths = bundle.paths as JsonObject;
const components = bundle.components as JsonObject;

describe('what generators need from the spec', () => {
  it('declares concrete statuses or default, never a range such as 4XX (orval emits it literally)', () => {
    const ranges = [...walk(paths)].flatMap(({ node, at }) => (at.at(-1) === 'responses' ? Object.keys(node).filter((s) => /X/i.test(s)) : []));
    expect(ranges).toEqual([]);
  });

  it('has no referenced parameter whose schema holds an anyOf with a reference (orval cannot resolve it)', () => {
    const offenders = Object.entries((components.parameters ?? {}) as JsonObject).filter(([, p]) => {
      const schema = deref(bundle, (p as JsonObject).schema);
      return [...walk(schema ?? null)].some(({ node }) => Array.isArray(node.anyOf) && (node.anyOf as JsonObject[]).some((b) => '$ref' in b));
    });
    expect(offenders.map(([name]) => name)).toEqual([]);
  });

  it('has no enum value with a double quote (generators paste enum values into string literals)', () => {
    const quoted = [...walk(bundle)].filter(({ node }) => Array.isArray(node.enum) && (node.enum as Json[]).some((v) => typeof v === 'string' && v.includes('"')));
    expect(quoted.map(({ at }) => at.join('.'))).toEqual([]);
  });

  it('marks every binary body format: binary beside its contentMediaType, so it is a Blob, not a string', () => {
    const binary = [...walk(bundle)].filter(({ node }) => typeof node.contentMediaType === 'string' && !/json|text\/|xml/.test(node.contentMediaType));
    expect(binary.length).toBeGreaterThan(10);
    expect(binary.filter(({ node }) => node.format !== 'binary').map(({ at }) => at.join('.'))).toEqual([]);
  });

  it('writes x-enumDescriptions keys as strings in the YAML source (integer keys make parsers warn)', () => {
    const files = readdirSync(path.join(root, 'openapi'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    const bare: string[] = [];
    for (const file of files) {
      YAML.visit(YAML.parseDocument(readFileSync(path.join(root, 'openapi', file), 'utf8')), {
        Pair(_, pair) {
          if (!YAML.isScalar(pair.key) || pair.key.value !== 'x-enumDescriptions' || !YAML.isMap(pair.value)) return;
          for (const item of pair.value.items) if (YAML.isScalar(item.key) && typeof item.key.value !== 'string') bare.push(`${file}: ${String(item.key.value)}`);
        },
      });
    }
    expect(bare).toEqual([]);
  });

  it('keeps SmsErrorCode open: documented codes and any other integer validate, other types do not', () => {
    const schema = { $ref: '#/components/schemas/SmsErrorCode' };
    expect(validateAgainst(schema, 30003).valid).toBe(true);
    expect(validateAgainst(schema, 30099).valid).toBe(true);
    expect(validateAgainst(schema, '30003').valid).toBe(false);
    expect(validateAgainst(schema, 30003.5).valid).toBe(false);
    const reason = { ...(bundle['x-codeDictionaries'] as JsonObject).ReasonCode as JsonObject };
    expect(validateAgainst(reason, 2101).valid).toBe(true);
    // The TypeScript type keeps the documented literals and still takes a new code.
    const documented: SmsErrorCode = 30010;
    const added: SmsErrorCode = 30099;
    expect([documented, added]).toHaveLength(2);
  });

  it('declares the PUT updates as operations, not as an x-also-methods note no tool understands', () => {
    const also = Object.entries(paths).filter(([, item]) => httpMethods.some((m) => ((item as JsonObject)[m] as JsonObject | undefined)?.['x-also-methods']));
    expect(also.map(([p]) => p)).toEqual([]);
  });
});

describe('service bundles (generated/services/)', () => {
  const dir = path.join(root, 'generated', 'services');
  const services = Object.fromEntries(
    readdirSync(dir).map((f) => [f.replace('.openapi.json', ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as JsonObject]),
  );

  it('puts every path of the whole bundle in exactly one service bundle', () => {
    const seen = Object.values(services).flatMap((doc) => Object.keys(doc.paths as JsonObject));
    expect(seen.sort()).toEqual(Object.keys(paths).sort());
  });

  it('gives each service its own top-level servers (the path-level ones, which generators ignore)', () => {
    expect(Object.keys(services).sort()).toEqual(['call-queuing', 'number-masking', 'rest-api', 'smart-2fa', 'visual-designer']);
    for (const [name, doc] of Object.entries(services)) {
      const inWhole = Object.keys(doc.paths as JsonObject).map((p) => (paths[p] as JsonObject).servers ?? bundle.servers);
      for (const servers of inWhole) expect(doc.servers, name).toEqual(servers);
      for (const item of Object.values(doc.paths as JsonObject)) expect((item as JsonObject).servers, name).toBeUndefined();
    }
    expect((services['smart-2fa']!.servers as JsonObject[])[0]!.url).toBe('https://{domain}');
    expect((services['rest-api']!.servers as JsonObject[])[0]!.url).toBe('https://{domain}/restcomm/2012-04-24');
  });

  it('leaves no dangling reference and no unused schema in a service bundle', () => {
    for (const [name, doc] of Object.entries(services)) {
      const refs = new Set([...walk(doc)].map(({ node }) => node.$ref).filter((r): r is string => typeof r === 'string'));
      for (const ref of refs) expect(deref(doc, { $ref: ref }), `${name}: ${ref}`).toBeDefined();
      const schemas = Object.keys(((doc.components as JsonObject).schemas ?? {}) as JsonObject);
      expect(schemas.filter((s) => !refs.has(`#/components/schemas/${s}`)), name).toEqual([]);
    }
  });
});
