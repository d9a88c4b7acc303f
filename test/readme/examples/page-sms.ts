import { createClient } from 'restcomm-cpaas';

const client = createClient();

// Pages are fetched as the loop needs them; only one page is held in memory.
export const undelivered: string[] = [];
for await (const sms of client.sms.messages.each({ Status: 'undelivered', StartTime: '2024-03-01', limit: 500 })) {
  undelivered.push(`${sms.sid} to ${sms.to}: error ${sms.error_code ?? 'unknown'}`);
}
console.log(`${undelivered.length} undelivered messages`);
