// Serves the bundled spec with the Prism mock. Prism serves paths at its root: point clients at http://127.0.0.1:PORT.
// The npm script runs this file with `exec node --import tsx`, so npm's SIGINT/SIGTERM reach this process directly
// (a shell or a tsx wrapper in between would die without passing them on), and this process ends Prism with them.
import { spawn } from 'node:child_process';
import { bin, bundleJson } from './lib/paths.js';
import { mockClientLine } from './lib/mock-client.js';
import { step } from './lib/run.js';

const port = process.env.PORT ?? '4010';
step(`Starting the Prism mock on http://127.0.0.1:${port} (static examples from generated/openapi.json)`);
step(`Point the SDK at it with:\n  import { createClient } from 'restcomm-cpaas';\n  ${mockClientLine(port)}`);
const child = spawn(bin('prism'), ['mock', bundleJson, '--port', port, '--host', '127.0.0.1'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    child.kill(signal);
    // A Prism that ignores the signal is not left behind.
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
