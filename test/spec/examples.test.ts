// Every example in the spec validates against a strict form of its schema (unknown members forbidden, allOf merged):
// Redocly's check lets stray members through at the top of an allOf, so this closes that gap.
import { describe, expect, it } from 'vitest';
import { deref, flattenAllOf, type Json, type JsonObject } from '../../tools/spec.js';
import { bundle, specOperations, validateAgainst } from '../support/spec.js';

/** Inlines references, merges object allOfs and forbids members a schema does not declare. */
export function strictify(schema: Json | undefined, seen: string[] = []): JsonObject {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return {};
  const ref = typeof schema.$ref === 'string' ? schema.$ref : undefined;
  if (ref && seen.includes(ref)) return {}; // recursive schema: leave the inner level open
  const { $ref: _ignored, ...siblings } = schema;
  let node: JsonObject = ref ? { ...deref(bundle, schema)!, ...siblings } : { ...schema };
  const path = ref ? [...seen, ref] : seen;
  if (Array.isArray(node.allOf)) {
    const parts = node.allOf.map((part) => deref(bundle, part) ?? {});
    if (parts.every((p) => p.type === 'object' || p.properties)) {
      const { allOf: _all, ...rest } = node;
      const flat = flattenAllOf(bundle, node);
      node = { ...rest, type: 'object', properties: flat.properties as JsonObject, required: flat.required };
    } else node = { ...node, allOf: node.allOf.map((part) => strictify(part, path)) };
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[key])) node[key] = (node[key] as Json[]).map((s) => strictify(s, path));
  }
  if (node.items) node.items = strictify(node.items, path);
  if (node.properties && typeof node.properties === 'object') {
    node.properties = Object.fromEntries(Object.entries(node.properties as JsonObject).map(([k, v]) => [k, strictify(v, path)]));
    if (node.additionalProperties === undefined && node.patternProperties === undefined && node.unevaluatedProperties === undefined) {
      node.additionalProperties = false;
    }
  }
  if (node.additionalProperties && typeof node.additionalProperties === 'object') node.additionalProperties = strictify(node.additionalProperties, path);
  return node;
}

interface Case {
  where: string;
  schema: Json;
  value: Json;
  summary: Json | undefined;
}

function mediaCases(where: string, content: Json | undefined): Case[] {
  const out: Case[] = [];
  for (const [type, media] of Object.entries((content ?? {}) as JsonObject)) {
    const m = media as JsonObject;
    if (!type.includes('json') && !type.startsWith('text/') && !type.includes('form')) continue; // binary media
    for (const [name, ex] of Object.entries((m.examples ?? {}) as JsonObject)) {
      const example = deref(bundle, ex)!;
      out.push({ where: `${where} ${type} example "${name}"`, schema: m.schema!, value: example.value!, summary: example.summary });
    }
  }
  return out;
}

const cases: Case[] = [];
for (const { operationId, operation } of specOperations) {
  cases.push(...mediaCases(`${operationId} request`, deref(bundle, operation.requestBody)?.content));
  for (const [status, response] of Object.entries((operation.responses ?? {}) as JsonObject)) {
    cases.push(...mediaCases(`${operationId} ${status}`, deref(bundle, response)?.content));
  }
}

describe('examples in the spec', () => {
  it('exist in quantity (one per body at least)', () => {
    expect(cases.length).toBeGreaterThan(specOperations.length);
  });

  it.each(cases.map((c) => [c.where, c] as const))('%s validates strictly and is named', (_where, c) => {
    expect(typeof c.summary, 'every example has a summary').toBe('string');
    const check = validateAgainst(strictify(c.schema), c.value);
    expect(check.errors).toBe('');
  });

  it('catches a stray member at the top of an allOf (the gap this test exists for)', () => {
    const paged = specOperations.find((o) => o.operationId === 'listCalls')!;
    const schema = ((deref(bundle, (paged.operation.responses as JsonObject)['200'])!.content as JsonObject)['application/json'] as JsonObject).schema!;
    const page = cases.find((c) => c.where.startsWith('listCalls 200'))!.value as JsonObject;
    expect(validateAgainst(strictify(schema), page).errors).toBe('');
    expect(validateAgainst(strictify(schema), { ...page, stray_member: 1 }).errors).toMatch(/additional properties/);
    expect(validateAgainst(schema, { ...page, stray_member: 1 }).errors).toBe(''); // the loose schema lets it through
  });
});
