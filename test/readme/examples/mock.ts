import { createClient } from 'restcomm-cpaas';

// The line `npm run mock` prints.
const client = createClient({ baseUrl: 'http://127.0.0.1:4010', accountSid: 'AC9f46b62376f96e83cc19ed9502987c78', authToken: 'mock-token' });

const page = await client.calls.list({ PageSize: 5 });
export const first = page.calls[0];
console.log(`${page.calls.length} calls; the first is ${first?.sid ?? 'missing'}`);
