// The SDK line `npm run mock` prints, so that a first run against the mock just works: the mock serves the API at its
// root (no /restcomm/2012-04-24), over plain HTTP on loopback, and accepts any token with a well-formed account SID.
export const MOCK_ACCOUNT_SID = 'AC9f46b62376f96e83cc19ed9502987c78';

export function mockClientLine(port: number | string): string {
  return `const client = createClient({ baseUrl: 'http://127.0.0.1:${port}', accountSid: '${MOCK_ACCOUNT_SID}', authToken: 'mock-token' });`;
}
