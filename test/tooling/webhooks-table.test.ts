// The generator of the webhook parser's table (generated/webhooks.ts), on small documents.
import { describe, expect, it } from 'vitest';
import { buildWebhooksTable } from '../../scripts/lib/webhooks-table.js';
import type { JsonObject } from '../../tools/spec.js';

const FORM = 'application/x-www-form-urlencoded';

describe('the webhook table builder', () => {
  const doc = (schema: JsonObject, extra: JsonObject = {}): JsonObject => ({
    openapi: '3.1.0',
    components: { schemas: { Base: { type: 'object', required: ['A'], properties: { A: { type: 'string' } } } } },
    webhooks: {
      thing: {
        post: { operationId: 'sendThing', requestBody: { content: { [FORM]: { schema } } }, responses: { '200': { description: 'ok' } } },
        ...extra,
      },
    },
  });

  it('handles arrays, consts, nullable types and untyped enums', () => {
    const built = buildWebhooksTable(
      doc({
        allOf: [{ $ref: '#/components/schemas/Base' }],
        properties: {
          List: { type: 'array', items: { type: 'string', enum: ['x', 'y'] } },
          Fixed: { const: 3 },
          Maybe: { type: ['boolean', 'null'] },
          Choice: { enum: ['a', 'b'] },
        },
        patternProperties: { '^P_.+$': { type: 'number' } },
      }),
    );
    expect(built.thing).toEqual({
      method: 'POST', operationId: 'sendThing', mediaType: FORM, required: ['A'],
      fields: { A: { type: 'string' }, List: { type: 'array', enum: ['x', 'y'] }, Fixed: { type: 'integer', enum: [3] }, Maybe: { type: 'boolean' }, Choice: { type: 'string', enum: ['a', 'b'] } },
      patterns: [{ pattern: '^P_.+$', field: { type: 'number' } }],
      repeated: ['List'],
    });
  });

  it('refuses what it cannot describe', () => {
    expect(() => buildWebhooksTable(doc({ type: 'object' }, { get: { operationId: 'sendOther', responses: {} } }))).toThrow(/2 operations/);
    expect(() => buildWebhooksTable(doc({ oneOf: [{ type: 'object' }] }))).toThrow(/oneOf/);
    expect(() => buildWebhooksTable(doc({ required: ['Missing'], properties: {} }))).toThrow(/Missing is not declared/);
    expect(() => buildWebhooksTable(doc({ properties: { O: { type: 'object' } } }))).toThrow(/cannot travel as a form parameter/);
  });

});
