// npm run contract -- --upstream https://cloud.restcomm.com/restcomm/2012-04-24
// Replays read-only SDK calls through `prism proxy --errors` in front of a real Restcomm server and reports every
// request or response that breaks generated/openapi.json. Exits 1 when there is any. Credentials come from
// RESTCOMM_ACCOUNT_SID / RESTCOMM_AUTH_TOKEN (or --account-sid / --auth-token) and are never printed.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { checkContract, formatCall, formatReport, normalizeUpstream, readCalls, redactor } from './lib/contract.js';
import { bundleJson, root } from './lib/paths.js';
import { main, step } from './lib/run.js';

const usage = `usage: npm run contract -- --upstream <REST API base URL> [--account-sid AC…] [--auth-token …] [--timeout ms]
  e.g. --upstream https://cloud.restcomm.com/restcomm/2012-04-24
  credentials default to RESTCOMM_ACCOUNT_SID and RESTCOMM_AUTH_TOKEN`;

main(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        upstream: { type: 'string' },
        'account-sid': { type: 'string' },
        'auth-token': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n${usage}`);
  }
  if (values.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  if (!values.upstream) throw new Error(`--upstream is required\n${usage}`);
  const accountSid = values['account-sid'] ?? process.env.RESTCOMM_ACCOUNT_SID ?? '';
  const authToken = values['auth-token'] ?? process.env.RESTCOMM_AUTH_TOKEN ?? '';
  if (!accountSid || !authToken) throw new Error(`Credentials missing: set RESTCOMM_ACCOUNT_SID and RESTCOMM_AUTH_TOKEN (or pass --account-sid and --auth-token)`);
  const timeoutMs = values.timeout === undefined ? 30_000 : Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs < 0) throw new Error(`--timeout must be a number of ms, got ${values.timeout}`);
  const redact = redactor(accountSid, authToken);
  const upstream = normalizeUpstream(values.upstream);

  step(`Prism proxy (--errors) on ${path.relative(root, bundleJson)} → ${redact(upstream)}; ${readCalls.length} read-only calls, plus the first item of each list`);
  try {
    const report = await checkContract({
      upstream,
      accountSid,
      authToken,
      timeoutMs,
      onCall: (record) => process.stdout.write(`  ${formatCall(record, redact)}\n`),
    });
    step(report.problems ? 'Contract violations' : 'Result');
    process.stdout.write(formatReport(report, redact));
    process.exitCode = report.problems ? 1 : 0;
  } catch (err) {
    // Prism's output (when it did not start) never holds the credentials, but the redaction costs nothing.
    throw new Error(redact(err instanceof Error ? err.message : String(err)));
  }
});
