// Serves the bundled spec with the Prism mock. Prism serves paths at its root: point clients at http://127.0.0.1:PORT.
// The npm script runs this file with `exec node --import tsx`, so npm's SIGINT/SIGTERM reach this process directly
// (a shell or a tsx wrapper in between would die without passing them on), and this process ends Prism with them.
import { startPrism } from '../tools/prism.js';
import { mockClientLine } from './lib/mock-client.js';
import { main, step } from './lib/run.js';

main(async () => {
  const port = Number(process.env.PORT ?? 4010);
  step(`Starting the Prism mock on http://127.0.0.1:${port} (static examples from generated/openapi.json)`);
  // Prism is spawned synchronously inside startPrism, so the handlers go in before anything can arrive: a signal while
  // Prism is still starting waits for it and then stops it, instead of ending this process and orphaning Prism.
  const starting = startPrism({ port, echo: true });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void starting.then((prism) => prism.stop(), () => {}).then(() => process.exit(0)));
  }
  await starting;
  step(`Point the SDK at it with:\n  import { createClient } from 'restcomm-cpaas';\n  ${mockClientLine(port)}`);
});
