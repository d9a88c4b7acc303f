// The sandbox's part of `npm run bench`: REST requests per second through the contract checks, complete call life
// cycles per second against a local app (one voice request and four status callbacks each), the memory 10,000
// stored calls take, and the example IVR through the RCML interpreter (scripts/lib/ivr-bench.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createClient } from '../../src/index.js';
import { startSandbox } from '../../src/sandbox/index.js';
import { benchIvr } from './ivr-bench.js';
import { root } from './paths.js';
import { step } from './run.js';
import { gcFunction } from './measure.js';

export interface SandboxFigures {
  restPerSecond: number;
  restRequests: number;
  lifecyclesPerSecond: number;
  /** Life cycles per second of this process's CPU time: what one free core sustains, whatever else the machine runs. */
  lifecyclesPerCpuSecond: number;
  lifecycles: number;
  bytesPerCall: number;
}

/** Runs `count` tasks with at most `width` in flight. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await task(next++);
  }));
}

export async function benchSandbox(options: { restRequests: number; lifecycles: number; storedCalls: number }): Promise<SandboxFigures> {
  // The application: answers every voice request with a hang-up, counts status callbacks.
  let voiceRequests = 0;
  let statusCallbacks = 0;
  const app = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/answer') {
        voiceRequests++;
        res.writeHead(200, { 'Content-Type': 'application/xml' }).end('<Response><Hangup/></Response>');
      } else {
        statusCallbacks++;
        res.writeHead(200).end();
      }
    });
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  const appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;

  const sandbox = await startSandbox({ maxEvents: 1000 });
  const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });
  let restSeconds: number;
  let lifecycleSeconds: number;
  let lifecycleCpuSeconds: number;
  try {
    // REST: alternate a create and a fetch of an application, 8 in flight.
    const first = await client.applications.create({ FriendlyName: 'bench' });
    await pool(200, 8, async () => void (await client.applications.fetch(first.sid))); // warm-up (validators compiled)
    let start = process.hrtime.bigint();
    await pool(options.restRequests, 8, async (i) => {
      if (i % 2) await client.applications.fetch(first.sid);
      else await client.applications.create({ FriendlyName: `bench ${i}` });
    });
    restSeconds = Number(process.hrtime.bigint() - start) / 1e9;

    // Call life cycles: place them all, then run the clock until every one has completed.
    start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    await pool(options.lifecycles, 8, async () => {
      await client.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${appUrl}/answer`, StatusCallback: `${appUrl}/status` });
    });
    await sandbox.settle();
    lifecycleSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    lifecycleCpuSeconds = (cpu.user + cpu.system) / 1e6;
    if (voiceRequests !== options.lifecycles || statusCallbacks !== options.lifecycles * 4) {
      throw new Error(`expected ${options.lifecycles} voice requests and ${options.lifecycles * 4} callbacks, the app got ${voiceRequests} and ${statusCallbacks}`);
    }
    const completed = (await client.calls.list({ Status: 'completed', PageSize: 1 })).total;
    if (completed !== options.lifecycles) throw new Error(`expected ${options.lifecycles} completed calls, found ${completed}`);
    sandbox.assertNoViolations();
  } finally {
    await sandbox.close();
  }

  // Memory: calls that end busy (no webhooks), in a fresh sandbox, heap measured after full collections.
  const gc = gcFunction();
  const memory = await startSandbox({ maxEvents: 100, callOutcome: () => 'busy' });
  const memoryClient = createClient({ accountSid: memory.accountSid, authToken: memory.authToken, baseUrl: memory.baseUrl });
  try {
    await memory.settle();
    gc();
    const before = process.memoryUsage().heapUsed;
    await pool(options.storedCalls, 8, async () => void (await memoryClient.calls.create({ From: '+15125550100', To: '+15125550177', Url: `${appUrl}/answer` })));
    await memory.settle();
    gc();
    const after = process.memoryUsage().heapUsed;
    const stored = (await memoryClient.calls.list({ PageSize: 1 })).total;
    if (stored !== options.storedCalls) throw new Error(`expected ${options.storedCalls} stored calls, found ${stored}`);
    app.close();
    return {
      restPerSecond: options.restRequests / restSeconds,
      restRequests: options.restRequests,
      lifecyclesPerSecond: options.lifecycles / lifecycleSeconds,
      lifecyclesPerCpuSecond: options.lifecycles / lifecycleCpuSeconds,
      lifecycles: options.lifecycles,
      bytesPerCall: (after - before) / options.storedCalls,
    };
  } finally {
    await memory.close();
  }
}

/** The sandbox rows of `npm run bench`; `--write-readme` puts them between the README's sandbox-bench markers. */
export async function sandboxSection(args: string[]): Promise<void> {
  const flag = (name: string, fallback: number) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  step('Sandbox (restcomm-cpaas/sandbox): REST through the contract checks, call life cycles, memory, the example IVR through the interpreter');
  const load = loadavg()[0]!.toFixed(1);
  const figures = await benchSandbox({ restRequests: flag('sandbox-requests', 4000), lifecycles: flag('lifecycles', 1000), storedCalls: 10_000 });
  const ivr = await benchIvr({ calls: flag('ivr-calls', 50), concurrent: flag('ivr-concurrent', 100) });
  const loadAfter = loadavg()[0]!.toFixed(1);
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const table = [
    '| measure | figure | target |',
    '| --- | --- | --- |',
    `| REST requests per second through the sandbox, request and answer validated (SDK client, ${figures.restRequests} requests, 8 in flight, create and fetch alternating) | ${figures.restPerSecond.toFixed(0)} | — |`,
    `| complete call life cycles per second (${figures.lifecycles} calls; each: create, one voice request, four status callbacks to a local app) | ${figures.lifecyclesPerSecond.toFixed(0)} | ≥ 100 |`,
    `| the same, per second of the process's CPU time (what one free core sustains, whatever else the machine runs) | ${figures.lifecyclesPerCpuSecond.toFixed(0)} | — |`,
    `| memory per stored call (10,000 calls) | ${(figures.bytesPerCall / 1024).toFixed(2)} kB (${((figures.bytesPerCall * 10_000) / 1024 / 1024).toFixed(1)} MB in all) | — |`,
    `| a ${ivr.verbs}-step IVR call through the RCML interpreter (examples/ivr: ${ivr.verbs} verbs, ${ivr.requests} webhooks to the app), one at a time: wall time minus the app's own time, median of ${ivr.calls} | ${ms(ivr.netMs)} (wall ${ms(ivr.wallMs)}, app ${ms(ivr.appMs)}) | ≤ 50 ms |`,
    `| the same call's CPU time (the whole process: sandbox, app and both ends of their HTTP), median | ${ms(ivr.cpuMs)} | — |`,
    `| ${ivr.concurrent} such calls at once: total wall time / median per call | ${ms(ivr.concurrentTotalMs)} / ${ms(ivr.concurrentMedianMs)} | — |`,
    `| memory of those ${ivr.concurrent} calls: heap peak above the start / heap left per call after a full GC (transcripts, calls, recordings, messages) | ${(ivr.heapPeak / 1024 / 1024).toFixed(1)} MB / ${(ivr.heapPerCall / 1024).toFixed(1)} kB | — |`,
  ].join('\n');
  const note = `Measured with \`npm run bench\` on Node ${process.version}, ${cpus().length} cores, load average ${load} when it started and ${loadAfter} when it ended; the client, the sandbox and the app share one process.`;
  process.stdout.write(`\n${table}\n\n${note}\n`);
  if (args.includes('--write-readme')) {
    const readmePath = path.join(root, 'README.md');
    const readme = await readFile(readmePath, 'utf8');
    const updated = readme.replace(/<!-- sandbox-bench:start -->[\s\S]*<!-- sandbox-bench:end -->/, `<!-- sandbox-bench:start -->\n${table}\n\n${note}\n<!-- sandbox-bench:end -->`);
    if (updated === readme) throw new Error('README.md has no <!-- sandbox-bench:start --> … <!-- sandbox-bench:end --> section');
    await writeFile(readmePath, updated);
    step('README.md sandbox benchmark table updated');
  }
}
