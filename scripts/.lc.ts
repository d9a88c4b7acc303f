import { createServer } from 'node:http';
import { createClient } from '../src/index.js';
import { startSandbox } from '../src/sandbox/index.js';
const app = createServer((req, res) => { req.resume(); req.on('end', () => { if (req.url === '/answer') res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<Response><Hangup/></Response>'); else res.writeHead(200).end(); }); });
await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(app.address() as any).port}`;
const s = await startSandbox({ maxEvents: 1000 });
const c = createClient({ accountSid: s.accountSid, authToken: s.authToken, baseUrl: s.baseUrl });
const run = async (n: number) => {
  const cpu0 = process.cpuUsage(); const t = process.hrtime.bigint();
  await Promise.all(Array.from({ length: 8 }, async (_, k) => { for (let i = k; i < n; i += 8) await c.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${url}/answer`, StatusCallback: `${url}/status` }); }));
  const t1 = process.hrtime.bigint();
  await s.settle();
  const cpu = process.cpuUsage(cpu0);
  console.log(n, 'create ms', Number(t1 - t) / 1e6, 'settle ms', Number(process.hrtime.bigint() - t1) / 1e6, 'cpu ms', (cpu.user + cpu.system) / 1000, 'cpu per lifecycle ms', (cpu.user + cpu.system) / 1000 / n);
};
await run(100); await run(300);
await s.close(); app.close();
