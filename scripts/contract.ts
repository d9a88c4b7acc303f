// npm run contract -- --upstream https://cloud.restcomm.com/restcomm/2012-04-24   (or --mock: the local Prism mock)
// Replays read-only SDK calls against a server and reports every answer that breaks generated/openapi.json; exits 1
// when there is any. Credentials come from RESTCOMM_ACCOUNT_SID / RESTCOMM_AUTH_TOKEN and are never printed.
import { parseArgs } from 'node:util';
import { startPrism } from '../tools/prism.js';
import { checkContract, formatReport, redactor, replays } from './lib/contract.js';
import { main, step } from './lib/run.js';

const usage = `usage: npm run contract -- (--upstream <REST API base URL> | --mock) [--deadline ms]
  credentials come from RESTCOMM_ACCOUNT_SID and RESTCOMM_AUTH_TOKEN`;

main(async () => {
  const { values } = parseArgs({ options: { upstream: { type: 'string' }, mock: { type: 'boolean' }, deadline: { type: 'string', default: '120000' } } });
  const accountSid = process.env.RESTCOMM_ACCOUNT_SID ?? (values.mock ? 'AC9f46b62376f96e83cc19ed9502987c78' : '');
  const authToken = process.env.RESTCOMM_AUTH_TOKEN ?? (values.mock ? 'mock-token' : '');
  const deadlineMs = Number(values.deadline);
  if (!values.upstream === !values.mock) throw new Error(`give either --upstream or --mock\n${usage}`);
  if (!accountSid || !authToken) throw new Error(`credentials missing: set RESTCOMM_ACCOUNT_SID and RESTCOMM_AUTH_TOKEN\n${usage}`);
  if (!Number.isFinite(deadlineMs) || deadlineMs <= 0) throw new Error(`--deadline must be a positive number of ms, got ${values.deadline}`);
  const redact = redactor(accountSid, authToken);
  const prism = values.mock ? await startPrism() : undefined;
  const baseUrl = prism?.url ?? values.upstream!;
  try {
    step(`Replaying ${replays.length} lists and the first item of each against ${redact(baseUrl)} (deadline ${deadlineMs} ms)`);
    const records = await checkContract({ baseUrl, accountSid, authToken, deadlineMs });
    const report = formatReport(records);
    process.stdout.write(redact(report));
    process.exitCode = records.some((r) => r.findings.length) ? 1 : 0;
  } catch (err) {
    throw new Error(redact(err instanceof Error ? err.message : String(err)));
  } finally {
    await prism?.stop();
  }
});
