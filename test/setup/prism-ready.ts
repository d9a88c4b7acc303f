// Each contract file starts once the Prism of the global setup answers HTTP (any answer: Prism says 404 for `/`).
import { beforeAll, inject } from 'vitest';

beforeAll(async () => {
  const url = inject('mockUrl');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`The Prism mock did not answer on ${url} within 60 s (its output is in the run's log)`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}, 65_000);
