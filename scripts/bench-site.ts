// How fast the reference site opens: docs/index.html served over loopback to headless Chromium, loaded several times;
// prints the median DOMContentLoaded, first contentful paint and load event, and the file's size raw and gzipped.
// Wall-clock figures depend on the machine and its load, so they are a measurement here, never a test.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { docsDir } from './lib/paths.js';
import { main, step } from './lib/run.js';

const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

main(async () => {
  const html = readFileSync(path.join(docsDir, 'index.html'));
  step(`docs/index.html: ${(html.length / 1e6).toFixed(2)} MB, ${(gzipSync(html).length / 1e6).toFixed(2)} MB gzipped`);
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const samples: { dcl: number; fcp: number; load: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await page.locator('.menu-content').waitFor();
      samples.push(
        await page.evaluate(() => {
          const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
          const fcp = performance.getEntriesByName('first-contentful-paint')[0];
          return { dcl: nav.domContentLoadedEventEnd, fcp: fcp?.startTime ?? NaN, load: nav.loadEventEnd };
        }),
      );
      await page.close();
    }
    const ms = (k: 'dcl' | 'fcp' | 'load') => `${Math.round(median(samples.map((s) => s[k])))} ms`;
    step(`median of ${RUNS} loads: DOMContentLoaded ${ms('dcl')}, first contentful paint ${ms('fcp')}, load ${ms('load')}`);
  } finally {
    await browser.close();
    server.close();
  }
});
