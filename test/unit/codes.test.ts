import { describe, expect, it } from 'vitest';
import { describeCode, describeErrorCode } from '../../src/codes.js';
import { bundle } from '../support/spec.js';

describe('code dictionaries', () => {
  it('describe SMS error codes from the spec', () => {
    expect(describeErrorCode(30003)).toMatchObject({ dictionary: 'SmsErrorCode', code: '30003', inferred: false });
    expect(describeErrorCode('30003')!.meaning).toMatch(/unreachable/i);
  });

  it('describe reason codes and flag the inferred ones', () => {
    const reason = describeErrorCode(1100);
    expect(reason).toMatchObject({ dictionary: 'ReasonCode', code: '1100' });
    expect(describeCode('ReasonCode', 30001)).toMatchObject({ inferred: true });
  });

  it('describe service error codes and any documented status', () => {
    expect(describeErrorCode('461')).toMatchObject({ dictionary: 'NumberMaskingErrorCode' });
    expect(describeCode('ResumeStatus', 'resumed')!.meaning).toMatch(/off hold/);
  });

  it('answer undefined for codes no list documents', () => {
    expect(describeErrorCode(99999)).toBeUndefined();
  });

  it('cover every value of every enum the spec describes', () => {
    const schemas = (bundle.components as { schemas: Record<string, { enum?: unknown[]; 'x-enumDescriptions'?: object }> }).schemas;
    for (const [name, schema] of Object.entries(schemas)) {
      if (!schema['x-enumDescriptions']) continue;
      for (const value of schema.enum ?? []) expect(describeCode(name as never, value as string), `${name} ${String(value)}`).toBeDefined();
    }
  });
});
