// Serves the bundled spec with the Prism mock. Prism serves paths at its root: point clients at http://127.0.0.1:PORT.
import { startPrism } from '../tools/prism.js';
import { main, step } from './lib/run.js';

main(async () => {
  const port = Number(process.env.PORT ?? 4010);
  step(`Starting the Prism mock on http://127.0.0.1:${port} (static examples from generated/openapi.json)`);
  const prism = await startPrism({ port, echo: true });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void prism.stop().then(() => process.exit(0)));
});
