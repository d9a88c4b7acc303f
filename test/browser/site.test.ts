// The built reference site in a real headless Chromium (Debian's package): navigation, an operation with its
// parameters and both code samples, search, and a clean console. Run with `npm run test:browser`.
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bundle = JSON.parse(readFileSync(path.join(root, 'generated', 'openapi.json'), 'utf8')) as { 'x-tagGroups': { name: string }[] };

let server: Server;
let browser: Browser;
let page: Page;
let url = '';
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`);
  }
  const html = readFileSync(path.join(root, 'docs', 'index.html'));
  server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/index.html')) res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`));
  await page.goto(url, { waitUntil: 'load' });
  await page.locator('.menu-content').waitFor({ timeout: 30_000 });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

describe('the reference site', () => {
  it('shows every tag group of the spec in the navigation', async () => {
    const groups = bundle['x-tagGroups'].map((g) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['Overview', 'Management APIs', 'Voice', 'Messages', 'SMS', 'Email', 'RCML', 'Visual Designer', 'Turnkey apps']));
    const menu = (await page.locator('.menu-content').innerText()).toLowerCase();
    for (const group of groups) expect(menu, `navigation shows "${group}"`).toContain(group.toLowerCase());
  });

  it('shows an operation with its parameters and both generated code samples', async () => {
    await page.goto(`${url}#tag/Calls/operation/createCall`, { waitUntil: 'load' });
    const operation = page.locator('[data-section-id="/calls/createcall"]');
    await operation.getByRole('heading', { name: 'Place a call' }).waitFor({ timeout: 30_000 });
    const text = await operation.innerText();
    for (const field of ['From', 'To', 'Url', 'StatusCallbackEvent']) expect(text, `parameter ${field}`).toContain(field);
    expect(text).toContain('curl -X POST');
    expect(text).toContain('--data-urlencode "StatusCallbackEvent=initiated,ringing,answered,completed"');
    await operation.getByRole('button', { name: 'curl', exact: true }).click();
    await page.getByRole('menuitem', { name: 'TypeScript SDK' }).click();
    await expect.poll(async () => operation.innerText()).toContain('client.calls.create({');
    expect(await operation.innerText()).toContain("import { createClient } from 'restcomm-cpaas';");
  });

  it('marks inferred operations visibly', async () => {
    await page.goto(`${url}#tag/Says/operation/listSayRecords`, { waitUntil: 'load' });
    const section = page.locator('[data-section-id="/says/listsayrecords"]');
    const heading = section.getByRole('heading').first();
    await heading.waitFor({ timeout: 30_000 });
    expect(await heading.innerText()).toMatch(/^\[Inferred\] /);
    expect(await section.innerText()).toContain('Inferred:');
  });

  it('finds an operation by name with the search box and opens it', async () => {
    await page.keyboard.press('Control+k'); // the sidebar box opens the search dialog
    await page.locator('input[placeholder^="Search"]').first().waitFor({ timeout: 10_000 });
    await page.keyboard.type('one-time');
    const result = page.getByText('/2fa/send', { exact: true });
    await result.waitFor({ timeout: 10_000 });
    expect(await page.getByText('Send a one-time code').count()).toBeGreaterThan(0);
    await result.click();
    await expect.poll(() => page.url()).toMatch(/#\/smart-2fa\/sendotp$/i);
    await page.locator('[data-section-id="/smart-2fa/sendotp"]').getByRole('heading', { name: 'Send a one-time code' }).waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('logs no console errors, page errors or failed requests, and saves a screenshot', async () => {
    mkdirSync(path.join(root, 'test-results'), { recursive: true });
    await page.goto(`${url}#tag/Calls/operation/createCall`, { waitUntil: 'load' });
    await page.screenshot({ path: path.join(root, 'test-results', 'site.png') });
    expect(problems).toEqual([]);
  });
});
