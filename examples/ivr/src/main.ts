// Runs the IVR: npm start -- --sales +15125550150 --base-url https://ivr.acme.example [--port 3000] [--company Acme]
// Point a Restcomm number's VoiceUrl at <base-url>/voice and its SmsUrl at <base-url>/sms.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { createIvr } from './ivr.ts';

const { values } = parseArgs({
  options: {
    sales: { type: 'string' },
    'base-url': { type: 'string' },
    port: { type: 'string', default: '3000' },
    host: { type: 'string', default: '0.0.0.0' },
    company: { type: 'string' },
  },
});
if (!values.sales || !values['base-url']) {
  console.error('usage: npm start -- --sales <E.164 number> --base-url <public URL of this app> [--port 3000] [--company Acme]');
  process.exit(2);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be 0 to 65535, got ${values.port}`);

const ivr = createIvr({ baseUrl: values['base-url'], salesNumber: values.sales, ...(values.company ? { company: values.company } : {}) });
const server = createServer(ivr.listener).listen(port, values.host, () => console.log(`IVR listening on ${values.host}:${port}; VoiceUrl ${values['base-url']}/voice, SmsUrl ${values['base-url']}/sms`));
process.on('SIGTERM', () => server.close());
