// npm run sandbox: a stateful Restcomm sandbox for trying things by hand. Its clock runs by itself (autoAdvance), so
// calls and messages move on their own; tests use startSandbox() and drive the clock instead.
// Usage: npm run sandbox [-- --port N --state FILE]   (PORT=… works too)
import { startSandbox } from '../src/sandbox/index.js';
import { main, step } from './lib/run.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

main(async () => {
  const portText = option('port') ?? process.env.PORT ?? '0';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, got ${portText}`);
  const state = option('state');
  const sandbox = await startSandbox({ port, autoAdvance: true, ...(state ? { persistPath: state } : {}) });
  step(`Restcomm sandbox on ${sandbox.baseUrl}${state ? ` (state kept in ${state})` : ''}`);
  // These are the sandbox's own throw-away credentials, printed so that they can be pasted into a client.
  process.stdout.write(
    [
      `  RESTCOMM_BASE_URL=${sandbox.baseUrl}`,
      `  RESTCOMM_ACCOUNT_SID=${sandbox.accountSid}`,
      `  RESTCOMM_AUTH_TOKEN=${sandbox.authToken}`,
      '',
      `  import { createClient } from 'restcomm-cpaas';`,
      `  const client = createClient({ accountSid: '${sandbox.accountSid}', authToken: '${sandbox.authToken}', baseUrl: '${sandbox.baseUrl}' });`,
      '',
      '  Ctrl-C stops it.',
      '',
    ].join('\n'),
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void sandbox.close().then(() => process.exit(0));
    });
  }
});
