// The interpreter's part of `npm run bench`: the example IVR (examples/ivr) driven through the sandbox. One call is
// the voicemail story (the menu, 1 for sales, sales busy, a 12-second message, the SMS follow-up): ten verbs and five
// webhook round trips. Measured: one call at a time (wall time minus the time the app itself spent answering, the
// figure the target is about, and the process's CPU time), then 100 calls at once (total, median per call, memory).
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '../../src/index.js';
import { startSandbox, type Transcript } from '../../src/sandbox/index.js';
import { createIvr } from '../../examples/ivr/src/ivr.js';
import { gcFunction, median } from './measure.js';

export interface IvrFigures {
  /** Verbs run and webhooks sent in one call of the story. */
  verbs: number;
  requests: number;
  calls: number;
  /** Median wall time of one call, and of the app's own share of it (ms). */
  wallMs: number;
  appMs: number;
  /** Median of wall time minus the app's time, per call (ms). */
  netMs: number;
  /** Median CPU time of the whole process per call: sandbox, app and their HTTP on both sides (ms). */
  cpuMs: number;
  concurrent: number;
  concurrentTotalMs: number;
  concurrentMedianMs: number;
  /** Heap the concurrent batch left behind after a full collection, per call (bytes). */
  heapPerCall: number;
  /** Largest heap seen while the batch ran, above the start (bytes). */
  heapPeak: number;
}

const SALES = '+15125550150';

export async function benchIvr(options: { calls: number; concurrent: number }): Promise<IvrFigures> {
  // The app, with the time it spends on each request summed (from the request's arrival to the answer's last byte).
  let appNs = 0n;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ivr = createIvr({ baseUrl: url, salesNumber: SALES });
  const timed: RequestListener = (req, res) => {
    const start = process.hrtime.bigint();
    res.once('finish', () => (appNs += process.hrtime.bigint() - start));
    ivr.listener(req, res);
  };
  server.on('request', timed);

  // Enough event log for the concurrent batch's transcripts (about 40 events a call).
  const sandbox = await startSandbox({ maxEvents: Math.max(10_000, options.concurrent * 100) });
  const client = createClient({ accountSid: sandbox.accountSid, authToken: sandbox.authToken, baseUrl: sandbox.baseUrl });
  const [offer] = await client.availablePhoneNumbers.local.list('US');
  const number = (await client.incomingPhoneNumbers.create({ PhoneNumber: offer!.phoneNumber, VoiceUrl: `${url}/voice`, SmsUrl: `${url}/sms` })).phone_number;
  let caller = 0;
  const story = () =>
    sandbox.inboundCall({
      from: `+1512555${String(1000 + (caller++ % 9000)).padStart(4, '0')}`,
      to: number,
      input: ['1', { record: { seconds: 12, transcription: 'Please call me back.', finishOnKey: '#' } }],
      dial: { [SALES]: 'busy' },
    });
  const check = (t: Transcript) => {
    const requests = t.events.filter((e) => e.type === 'request').length;
    if (requests < 5 || t.events.some((e) => e.type === 'notification')) throw new Error(`the benchmark call did not go as scripted: ${JSON.stringify(t.events.slice(0, 3))}…`);
    return { verbs: t.events.filter((e) => e.type === 'verb').length, requests };
  };

  try {
    // One call at a time.
    for (let i = 0; i < 5; i++) check(await story().done()); // warm-up: validators compiled, code optimised
    await sandbox.settle();
    const wall: number[] = [];
    const app: number[] = [];
    const net: number[] = [];
    const cpu: number[] = [];
    let shape = { verbs: 0, requests: 0 };
    for (let i = 0; i < options.calls; i++) {
      appNs = 0n;
      const start = process.hrtime.bigint();
      const cpuStart = process.cpuUsage();
      const transcript = await story().done();
      const wallNs = process.hrtime.bigint() - start;
      const used = process.cpuUsage(cpuStart);
      cpu.push((used.user + used.system) / 1e3);
      shape = check(transcript);
      wall.push(Number(wallNs) / 1e6);
      app.push(Number(appNs) / 1e6);
      net.push(Number(wallNs - appNs) / 1e6);
    }
    await sandbox.settle(); // transcriptions finish after their calls

    // Many at once: all placed, then the clock runs until every one has ended.
    const gc = gcFunction();
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 5);
    const start = process.hrtime.bigint();
    const ends: number[] = [];
    const handles = Array.from({ length: options.concurrent }, () => story());
    await Promise.all(handles.map(async (h) => {
      check(await h.done());
      ends.push(Number(process.hrtime.bigint() - start) / 1e6);
    }));
    await sandbox.settle();
    const totalMs = Number(process.hrtime.bigint() - start) / 1e6;
    clearInterval(sampler);
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;
    sandbox.assertNoViolations();
    return {
      ...shape,
      calls: options.calls,
      wallMs: median(wall),
      appMs: median(app),
      netMs: median(net),
      cpuMs: median(cpu),
      concurrent: options.concurrent,
      concurrentTotalMs: totalMs,
      concurrentMedianMs: median(ends),
      heapPerCall: (heapAfter - heapBefore) / options.concurrent,
      heapPeak: heapPeak - heapBefore,
    };
  } finally {
    await sandbox.close();
    server.closeAllConnections();
    server.close();
  }
}
