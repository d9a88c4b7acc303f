import { benchSandbox } from './lib/sandbox-bench.js';
const t0 = Date.now();
const f = await benchSandbox({ restRequests: 2000, lifecycles: 300, storedCalls: 2000 });
console.log(f, Date.now() - t0);
