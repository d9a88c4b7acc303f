import { benchSandbox } from './lib/sandbox-bench.js';
const t0 = Date.now();
const f = await benchSandbox({ restRequests: 4000, lifecycles: 1000, storedCalls: 10000 });
console.log(f, Date.now() - t0);
