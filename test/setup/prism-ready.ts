// Each contract file starts once the Prism of the global setup answers HTTP.
import { beforeAll, inject } from 'vitest';
import { waitForHttp } from '../../tools/prism.js';

beforeAll(async () => {
  const url = inject('mockUrl');
  if (!(await waitForHttp(url, 60_000))) throw new Error(`The Prism mock did not answer on ${url} within 60 s (its output is in the run's log)`);
}, 65_000);
