import { describe, expect, it } from 'vitest';
import { resolveBaseUrl } from '../../src/base-url.js';

describe('resolveBaseUrl', () => {
  it('builds the cloud base from a domain, and defaults to the public cloud', () => {
    expect(resolveBaseUrl({ domain: 'restcomm.acme-tel.example' })).toBe('https://restcomm.acme-tel.example/restcomm/2012-04-24');
    expect(resolveBaseUrl({})).toBe('https://cloud.restcomm.com/restcomm/2012-04-24');
  });

  it('accepts https anywhere and http only on loopback, without a trailing slash', () => {
    expect(resolveBaseUrl({ baseUrl: 'https://x.example/restcomm/2012-04-24/' })).toBe('https://x.example/restcomm/2012-04-24');
    expect(resolveBaseUrl({ baseUrl: 'http://127.0.0.1:4010' })).toBe('http://127.0.0.1:4010');
    expect(resolveBaseUrl({ baseUrl: 'http://localhost:8080/restcomm/2012-04-24' })).toBe('http://localhost:8080/restcomm/2012-04-24');
    expect(() => resolveBaseUrl({ baseUrl: 'http://restcomm.acme-tel.example' })).toThrow(/must use https/);
  });

  it('rejects ambiguous or malformed input with a message naming it', () => {
    expect(() => resolveBaseUrl({ baseUrl: 'https://a.example', domain: 'b.example' })).toThrow(/either baseUrl or domain/);
    expect(() => resolveBaseUrl({ baseUrl: 'cloud.restcomm.com' })).toThrow(/"cloud.restcomm.com" is not an absolute URL/);
    expect(() => resolveBaseUrl({ baseUrl: 'https://a.example/?x=1' })).toThrow(/query or fragment/);
  });
});

describe('serverFor', () => {
  it('sends REST API operations to the API base and services to their own server', async () => {
    const { serverFor } = await import('../../src/base-url.js');
    expect(serverFor(null, 'https://c.example/restcomm/2012-04-24', 'c.example')).toBe('https://c.example/restcomm/2012-04-24');
    expect(serverFor('https://{domain}', 'https://c.example/restcomm/2012-04-24', 'c.example')).toBe('https://c.example');
    // With an explicit base URL (self-hosted server, mock) the services share its origin.
    expect(serverFor('https://{domain}', 'http://127.0.0.1:4010', undefined)).toBe('http://127.0.0.1:4010');
    expect(serverFor('https://{domain}', 'https://rc.acme-tel.example/restcomm/2012-04-24', undefined)).toBe('https://rc.acme-tel.example');
  });
});
