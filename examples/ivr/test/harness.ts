// What every test of the IVR starts from: the sandbox (a Restcomm server on a virtual clock), the app on a free port,
// and a number of the sandbox whose VoiceUrl and SmsUrl point at the app.
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from 'restcomm-cpaas';
import { startSandbox } from 'restcomm-cpaas/sandbox';
import { createIvr } from '../src/ivr.ts';

export const SALES = '+15125550150';
export const CALLER = '+15125550123';

/** `wrap` puts something in front of the app (a deliberate bug, say). */
export async function startIvr(options: { wrap?: (app: RequestListener) => RequestListener } = {}) {
  const sandbox = await startSandbox();
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const app = createIvr({ baseUrl: url, salesNumber: SALES });
  server.on('request', options.wrap ? options.wrap(app.listener) : app.listener);

  // Buy a number from the sandbox's stock and point it at the app, as you would in the console.
  const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });
  const [offer] = await client.availablePhoneNumbers.local.list('US');
  const number = await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, VoiceUrl: `${url}/voice`, SmsUrl: `${url}/sms` });
  return {
    sandbox,
    client,
    /** The app's base URL. */
    url,
    /** The number callers dial. */
    number: number.phone_number,
    voicemails: app.voicemails,
    async close() {
      await sandbox.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
