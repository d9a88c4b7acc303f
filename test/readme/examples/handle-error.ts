import { createClient, RestcommError, RestcommHttpError, RestcommNetworkError, RestcommTimeoutError } from 'restcomm-cpaas';

const client = createClient({ timeout: 10_000, retry: { maxRetries: 3 } });

export let outcome = 'hung up';
try {
  await client.calls.update('ID5f0e1d2c3b4a59687766a5b4c3d2e1f0-CA0a1b2c3d4e5f60718293a4b5c6d7e8f9', { Status: 'completed' });
} catch (err) {
  if (err instanceof RestcommHttpError && err.status === 410) outcome = 'the call had already ended';
  else if (err instanceof RestcommHttpError && err.status === 406) outcome = 'no such call';
  else if (err instanceof RestcommTimeoutError || err instanceof RestcommNetworkError) outcome = `try later: ${err.message}`;
  else if (err instanceof RestcommError) outcome = `unexpected answer: ${err.message}`;
  else throw err;
}
console.log(outcome);
