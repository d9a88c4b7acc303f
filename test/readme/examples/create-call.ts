import { createClient } from 'restcomm-cpaas';

// Credentials and host come from RESTCOMM_ACCOUNT_SID, RESTCOMM_AUTH_TOKEN and RESTCOMM_DOMAIN.
const client = createClient();

const created = await client.calls.create({
  From: '+15125550100',
  To: '+15126002188',
  Url: 'https://rcml.acme-tel.example/answer.xml',
  StatusCallback: 'https://hooks.acme-tel.example/call-status',
  StatusCallbackEvent: ['answered', 'completed'],
});
// A call to a client registered on several devices forks: the server then answers with one call per leg.
export const legs = Array.isArray(created) ? created : [created];
for (const leg of legs) console.log(`calling ${leg.to}: ${leg.sid} is ${leg.status}`);
