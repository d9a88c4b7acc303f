// Serves the bundled spec with the Prism mock. Prism serves paths at its root: point clients at http://127.0.0.1:PORT.
import { spawn } from 'node:child_process';
import { bin, bundleJson } from './lib/paths.js';
import { step } from './lib/run.js';

const port = process.env.PORT ?? '4010';
step(`Starting the Prism mock on http://127.0.0.1:${port} (static examples from generated/openapi.json)`);
const child = spawn(bin('prism'), ['mock', bundleJson, '--port', port, '--host', '127.0.0.1'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
