import { describe, expect, it } from 'vitest';
import { encodeForm } from '../../src/form.js';

describe('encodeForm', () => {
  it('repeats array fields as keys and writes numbers and booleans as text', () => {
    const body = encodeForm({ To: '+15550101', Tags: ['a b', 'c&d'], Timeout: 30, Record: true });
    expect(body).toBe('To=%2B15550101&Tags=a+b&Tags=c%26d&Timeout=30&Record=true');
  });

  it('leaves out fields that are undefined', () => {
    expect(encodeForm({ A: 'x', B: undefined })).toBe('A=x');
  });

  it('refuses null, nested objects and non-finite numbers, naming the field', () => {
    expect(() => encodeForm({ FriendlyName: null })).toThrow(/"FriendlyName".*null/);
    expect(() => encodeForm({ Voice: { url: 'x' } })).toThrow(/"Voice".*object/);
    expect(() => encodeForm({ List: ['ok', { a: 1 }] })).toThrow(/"List\[1\]"/);
    expect(() => encodeForm({ Timeout: Number.NaN })).toThrow(/"Timeout" is NaN/);
  });

  it('refuses a body that is not an object of fields', () => {
    expect(() => encodeForm(['a'])).toThrow(/an array/);
    expect(() => encodeForm('To=1')).toThrow(/string/);
  });
});
