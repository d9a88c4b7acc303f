// What a strict application writes (checked by consumer.test.ts with exactOptionalPropertyTypes and
// noUncheckedIndexedAccess): environment variables passed straight in, named types, result mode.
import { createClient, RestcommError, type Call, type CreateCallParams, type RestcommResult } from 'restcomm-cpaas';

export const client = createClient({
  accountSid: process.env.RESTCOMM_ACCOUNT_SID,
  authToken: process.env.RESTCOMM_AUTH_TOKEN,
  domain: process.env.RESTCOMM_DOMAIN,
  timeout: process.env.TIMEOUT ? Number(process.env.TIMEOUT) : undefined,
  retry: { maxRetries: undefined },
});

export const params: CreateCallParams = { From: '+15125550100', To: '+15126002188', Url: 'https://rcml.acme-tel.example/a.xml' };

export async function status(sid: string): Promise<Call['status']> {
  const call: Call = await client.calls.fetch(sid);
  return call.status;
}

export const results = createClient({ errors: 'result' });
export async function safely(sid: string): Promise<string> {
  const outcome: RestcommResult<Call> = await results.calls.fetch(sid);
  if (outcome.error) return outcome.error instanceof RestcommError ? outcome.error.type : 'unknown';
  return outcome.data.sid;
}

// One wrong option gives one error about that option (no overload cascade).
// @ts-expect-error timeout must be a number
createClient({ timeout: '30s' });
