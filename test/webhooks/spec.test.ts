// The webhooks section of the spec: shape of every entry, its examples and replies, and the parser table generated from it.
import { describe, expect, it } from 'vitest';
import { validateRcml, type RcmlContext } from '../../src/rcml/index.js';
import { deref, type Json, type JsonObject } from '../../tools/spec.js';
import { bundle, examplesOf, requestMedia, table, webhookOperations } from './support.js';

const FORM = 'application/x-www-form-urlencoded';
const VERBS = /^(list|create|fetch|update|delete|send|verify|cancel)[A-Z][A-Za-z0-9]*$/;

/** Which interpreter runs the RCML a webhook's reply carries. */
function rcmlContext(key: string): RcmlContext {
  if (key === 'callScreening' || key === 'screeningRedirect') return 'call-screening';
  if (key === 'conferenceWait') return 'conference-wait';
  if (key.startsWith('sms') && key !== 'smsStatusCallback') return 'sms';
  if (key.startsWith('ussd')) return 'ussd';
  return 'voice';
}

describe('webhooks in the spec', () => {
  it('are declared, with the Webhooks tag described and grouped', () => {
    expect(webhookOperations.length).toBeGreaterThanOrEqual(20);
    const tag = (bundle.tags as JsonObject[]).find((t) => t.name === 'Webhooks');
    expect(String(tag?.description ?? '').length).toBeGreaterThan(100);
    const group = (bundle['x-tagGroups'] as JsonObject[] | undefined)?.find((g) => g.name === 'Webhooks');
    expect(group?.tags).toEqual(['Webhooks']);
  });

  it.each(webhookOperations.map((op) => [op.key, op] as const))('%s is one unauthenticated form POST with a reply', (key, op) => {
    expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(op.method).toBe('post');
    expect(webhookOperations.filter((o) => o.key === key)).toHaveLength(1);
    const operation = op.operation;
    expect(String(operation.operationId)).toMatch(VERBS);
    expect(operation.tags).toEqual(['Webhooks']);
    expect(operation.security).toEqual([]);
    expect(String(operation.summary ?? '').length).toBeGreaterThan(10);
    expect(String(operation.description ?? '').length).toBeGreaterThan(100);
    expect(deref(bundle, operation.requestBody)?.required).toBe(true);
    expect(requestMedia(op).type).toBe(FORM);
    expect(examplesOf(requestMedia(op).media).length).toBeGreaterThan(0);
    const responses = operation.responses as JsonObject;
    expect(Object.keys(responses)).toContain('200');
    for (const response of Object.values(responses)) expect(String(deref(bundle, response)?.description ?? '').length).toBeGreaterThan(20);
  });

  const replyCases = webhookOperations.flatMap((op) => {
    const ok = deref(bundle, (op.operation.responses as JsonObject)['200'])!;
    return Object.entries((ok.content ?? {}) as JsonObject).flatMap(([type, media]) =>
      examplesOf(media as JsonObject).map((ex) => ({ label: `${op.key} ${type} "${ex.name}"`, key: op.key, type, example: ex })),
    );
  });

  it.each(replyCases.map((c) => [c.label, c] as const))('%s is a named reply example (RCML valid for its context)', (_label, c) => {
    expect(typeof c.example.summary).toBe('string');
    expect(typeof c.example.value).toBe('string');
    if (c.type.includes('xml') || c.type === 'text/html') {
      expect(validateRcml(String(c.example.value), { context: rcmlContext(c.key) })).toEqual([]);
    }
  });

  it('documents every inferred item with an **Inferred:** sentence', () => {
    const offenders: string[] = [];
    const walk = (node: Json, where: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${where}/${i}`));
      else if (node && typeof node === 'object') {
        if (node['x-inferred'] === true && !String(node.description ?? '').includes('**Inferred:**')) offenders.push(where);
        for (const [k, v] of Object.entries(node)) walk(v, `${where}/${k}`);
      }
    };
    walk(bundle.webhooks!, '#/webhooks');
    for (const [name, schema] of Object.entries(((bundle.components as JsonObject).schemas ?? {}) as JsonObject)) {
      if (name.startsWith('Webhook')) walk(schema, `#/components/schemas/${name}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('the parser table', () => {
  it('has one entry per webhook, in spec order', () => {
    expect(Object.keys(table)).toEqual(Object.keys(bundle.webhooks as JsonObject));
    for (const op of webhookOperations) {
      const entry = table[op.key]!;
      expect(entry.method).toBe('POST');
      expect(entry.operationId).toBe(op.operation.operationId);
      expect(entry.mediaType).toBe(FORM);
      for (const name of entry.required) expect(Object.keys(entry.fields)).toContain(name);
    }
  });

  it('flattens allOf, follows references and carries types, enums and name patterns', () => {
    const dial = table.dialAction!;
    expect(dial.required).toEqual(expect.arrayContaining(['CallSid', 'AccountSid', 'CallTimestamp', 'DialCallSid', 'DialCallStatus', 'DialCallDuration']));
    expect(dial.fields.DialCallDuration).toEqual({ type: 'integer' });
    expect(dial.fields.CallSid).toMatchObject({ type: 'string', pattern: expect.stringContaining('-CA') });
    expect(dial.fields.CallStatus?.enum).toContain('wait-for-answer');
    expect(dial.fields.CallTimestamp).toMatchObject({ type: 'string', format: 'date-time' });
    expect(dial.patterns.map((p) => p.pattern)).toEqual(expect.arrayContaining(['^SipHeader_(X-.+|Diversion.*)$']));
    expect(table.callStatusCallback!.fields.SequenceNumber).toEqual({ type: 'integer', enum: [0, 1, 2, 3] });
    expect(table.callStatusCallback!.fields.CallbackSource).toEqual({ type: 'string', enum: ['call-progress-events'] });
    expect(table.recordAction!.fields.RecordingDuration).toMatchObject({ type: 'number' });
    expect(table.smsStatusCallback!.required).toEqual(['From', 'To', 'Body', 'AccountSid', 'MessageSid', 'MessageStatus']);
    expect(Object.values(table).every((e) => e.repeated.length === 0)).toBe(true);
  });

  it('backs parseWebhook', async () => {
    const { parseWebhook } = await import('../../src/webhooks/index.js');
    const first = webhookOperations[0]!;
    const example = examplesOf(requestMedia(first).media)[0]!.value as Record<string, unknown>;
    expect(parseWebhook(first.key as never, example)).toEqual({ ...example, extras: {} });
  });
});
