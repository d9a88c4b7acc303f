// The built reference site in a real headless Chromium (Debian's package), read as a reader would: navigation, links
// that survive a new tab, a bookmark and file://, code that fits its panel, per-example samples, search, the
// getting-started flow (its curl command run against the Prism mock), accessibility (axe-core) on the landing page and
// on every operation and webhook view, and a clean console. Run with `npm run test:browser`.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrism } from '../../tools/prism.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const docs = path.join(root, 'docs');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const bundle = JSON.parse(readFileSync(path.join(root, 'generated', 'openapi.json'), 'utf8')) as {
  'x-tagGroups': { name: string }[];
  paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
  webhooks: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
};
const axeSource = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

let server: Server;
let browser: Browser;
let page: Page;
let url = '';
const problems: string[] = [];

/** Redoc's route for an operation: its first tag and its operationId, slugified. */
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const views = [bundle.paths, bundle.webhooks].flatMap((group) =>
  Object.values(group).flatMap((item) =>
    Object.values(item)
      .filter((op) => typeof op === 'object' && op && typeof op.operationId === 'string')
      .map((op) => `/${slug(op.tags![0]!)}/${op.operationId!.toLowerCase()}`),
  ),
);

async function open(p: Page, route: string): Promise<void> {
  await p.goto(`${url}#${route}`, { waitUntil: 'load' });
  await p.locator(`[data-section-id="${route}"]`).getByRole('heading').first().waitFor({ timeout: 30_000 });
}

async function axe(p: Page, include?: string): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  if (!(await p.evaluate(() => 'axe' in window))) await p.evaluate(axeSource);
  return p.evaluate(async (selector) => {
    const w = window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
    const result = await w.axe.run(selector ? { include: [selector] } : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, include);
}
const serious = <V extends { impact: string }>(violations: V[]) => violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`No Chromium at ${executablePath}: install Debian's package (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`);
  }
  // A static host: the page and the files beside it (the downloads), 404 for anything else.
  server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/$/, '/index.html');
    const file = path.join(docs, path.normalize(name));
    if (!file.startsWith(docs + path.sep) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream' }).end(readFileSync(file));
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
  it('shows every tag group of the spec in the navigation, guides first and the generated pages last', async () => {
    const groups = bundle['x-tagGroups'].map((g) => g.name);
    expect(groups).toEqual(expect.arrayContaining(['Overview', 'Management APIs', 'Voice', 'Messages', 'SMS', 'Email', 'RCML', 'Visual Designer', 'Turnkey apps']));
    const menu = (await page.locator('.menu-content').innerText()).toLowerCase();
    for (const group of ['Guides', ...groups, 'Resources']) expect(menu, `navigation shows "${group}"`).toContain(group.toLowerCase());
    expect(menu.indexOf('guides')).toBeLessThan(menu.indexOf('overview'));
  });

  it('gives every navigation link a hash route that works in a new tab, as a bookmark and over file://', async () => {
    const hrefs = await page.locator('.menu-content a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    const internal = hrefs.filter((h) => !/^https?:/.test(h));
    expect(internal.length).toBeGreaterThan(30);
    expect(internal.filter((h) => !h.startsWith('#/'))).toEqual([]);
    const paging = internal.find((h) => h === '#/paging')!;
    // A new tab (and a bookmark) is a fresh load of the link's absolute URL.
    const tab = await browser.newPage();
    await tab.goto(new URL(paging, url).href, { waitUntil: 'load' });
    await tab.locator('[data-section-id="/paging"]').getByRole('heading', { name: 'Paging' }).waitFor({ timeout: 30_000 });
    const offline = pathToFileURL(path.join(docs, 'index.html')).href;
    await tab.goto(offline + paging, { waitUntil: 'load' });
    await tab.locator('[data-section-id="/paging"]').getByRole('heading', { name: 'Paging' }).waitFor({ timeout: 30_000 });
    expect(tab.url()).toBe(offline + paging);
    await tab.close();
  });

  it('keeps the header links (guides and generated pages) pointing at existing pages', async () => {
    for (const link of await page.locator('header nav a').all()) {
      const href = (await link.getAttribute('href'))!;
      await open(page, href.slice(1));
    }
  });

  it('shows an operation with its parameters and one curl and SDK sample per named request example', async () => {
    await open(page, '/calls/createcall');
    const operation = page.locator('[data-section-id="/calls/createcall"]');
    await operation.getByRole('heading', { name: 'Place a call' }).waitFor({ timeout: 30_000 });
    const text = await operation.innerText();
    for (const field of ['From', 'To', 'Url', 'StatusCallbackEvent']) expect(text, `parameter ${field}`).toContain(field);
    expect(text).toContain('curl -X POST');
    expect(text).toContain('--data-urlencode "StatusCallbackEvent=initiated,ringing,answered,completed"');
    await operation.getByRole('button', { name: 'curl: phone number', exact: true }).click();
    const menu = await page.getByRole('menuitem').allInnerTexts();
    expect(menu.map((m) => m.trim())).toEqual(['curl: phone number', 'TypeScript: phone number', 'curl: client with headers', 'TypeScript: client with headers']);
    await page.getByRole('menuitem', { name: 'TypeScript: client with headers' }).click();
    await expect.poll(async () => operation.innerText()).toContain("To: 'client:alice?X-Campaign=spring&X-Agent=42'");
    expect(await operation.innerText()).toContain("import { createClient } from 'restcomm-cpaas';");
  });

  it('fits code in its panel: no code wider than its block, none under the copy icon, form payloads one field a line', async () => {
    for (const route of ['/calls/createcall', '/webhooks/sendvoicerequest', '/sms-messages/createsmsmessage', '/rcml/gather']) {
      await open(page, route);
      const blocks = await page.locator(`[data-section-id="${route}"] pre`).evaluateAll((pres) =>
        pres
          .filter((pre) => pre.getBoundingClientRect().width > 0)
          .map((pre) => {
            const controls = pre.parentElement?.querySelector('[data-component-name="CodeBlock/CodeBlockControls"]')?.getBoundingClientRect();
            // Every piece of text in the block, line by line (text nodes, not the boxes around them).
            const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
            const lines: DOMRect[] = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              if (!node.textContent?.trim()) continue;
              const range = document.createRange();
              range.selectNodeContents(node);
              lines.push(...[...range.getClientRects()].filter((r) => r.width > 0));
            }
            const covered = controls ? lines.some((r) => r.right > controls.left && r.left < controls.right && r.bottom > controls.top && r.top < controls.bottom) : false;
            return { text: (pre as HTMLElement).innerText.slice(0, 60), overflow: pre.scrollWidth - pre.clientWidth, covered };
          }),
      );
      expect(blocks.length, `${route} has code`).toBeGreaterThan(0);
      for (const b of blocks) {
        expect(b.overflow, `code wider than its panel on ${route}: ${b.text}`).toBeLessThanOrEqual(1);
        expect(b.covered, `copy icon covers code on ${route}: ${b.text}`).toBe(false);
      }
    }
    await open(page, '/webhooks/sendvoicerequest');
    const payload = (await page.locator('[data-section-id="/webhooks/sendvoicerequest"] pre').first().innerText()).trim().split('\n');
    expect(payload.length).toBeGreaterThan(5);
    for (const line of payload) expect(line).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*=/);
  });

  it('marks inferred operations with one badge', async () => {
    await open(page, '/says/listsayrecords');
    const section = page.locator('[data-section-id="/says/listsayrecords"]');
    expect(await section.getByRole('heading').first().innerText()).not.toContain('[Inferred]');
    expect(await section.getByText('Inferred', { exact: true }).count()).toBe(1);
    expect(await section.innerText()).toContain('Inferred:');
  });

  it('documents RCML: readable slugs, described attributes and a validated example per verb', async () => {
    await open(page, '/rcml/gather');
    const section = page.locator('[data-section-id="/rcml/gather"]');
    const text = await section.innerText();
    expect(text).toContain('numDigits');
    expect(text).toContain('Stop automatically after this many digits');
    expect(text).toMatch(/<Gather [^>]*numDigits="1"/);
    // No heading without content: the section headings have an introduction of their own.
    for (const route of ['/rcml/verbs', '/rcml/nouns', '/rcml/documented-but-not-executed']) {
      await open(page, route);
      const lines = (await page.locator(`[data-section-id="${route}"]`).innerText()).split('\n').filter((l) => l.trim());
      expect(lines.length, `${route} has more than its heading`).toBeGreaterThan(1);
    }
  });

  it('finds an operation by name with the search box, with clean snippets, and opens it', async () => {
    await page.keyboard.press('Control+k'); // the sidebar box opens the search dialog
    const input = page.locator('input[placeholder^="Search"]').first();
    await input.waitFor({ timeout: 10_000 });
    await page.keyboard.type('opens and closes');
    // Hard-wrapped descriptions used to come out glued together ("opensand closes").
    const snippets = async () => (await page.locator('[data-component-name="Search/SearchItem"]').allInnerTexts()).join('\n');
    await expect.poll(snippets, { timeout: 10_000 }).toContain('opens and closes');
    expect(await snippets()).not.toMatch(/opensand|filterscombine/);
    await input.fill('');
    await page.keyboard.type('one-time');
    const result = page.getByText('/2fa/send', { exact: true });
    await result.waitFor({ timeout: 10_000 });
    expect(await page.getByText('Send a one-time code').count()).toBeGreaterThan(0);
    await result.click();
    await expect.poll(() => page.url()).toMatch(/#\/smart-2fa\/sendotp$/i);
    await page.locator('[data-section-id="/smart-2fa/sendotp"]').getByRole('heading', { name: 'Send a one-time code' }).waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('links the bundle and the per-service bundles for download', async () => {
    await open(page, '/downloads');
    const links = await page.locator('[data-section-id="/downloads"] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toContain('openapi.json');
    for (const href of links) {
      const answer = await fetch(new URL(href, url));
      expect(answer.status, href).toBe(200);
      expect((await answer.text()).length, href).toBeGreaterThan(100);
    }
  });

  it('walks a newcomer from the landing page to a first call against the mock', async () => {
    const mock = await startPrism();
    try {
      await page.goto(url, { waitUntil: 'load' });
      await page.locator('header').getByRole('link', { name: 'Getting started' }).click();
      const guide = page.locator('[data-section-id="/getting-started"]');
      await guide.getByRole('heading', { name: 'Getting started' }).waitFor({ timeout: 30_000 });
      expect(page.url()).toMatch(/#\/getting-started$/);
      const sections = ['install', 'credentials', 'a-first-call-with-curl', 'a-first-call-with-typescript', 'try-it-against-the-mock'];
      for (const s of sections) await page.locator(`[data-section-id="/getting-started/${s}"]`).getByRole('heading').first().waitFor({ timeout: 10_000 });
      const install = await page.locator('[data-section-id="/getting-started/install"]').innerText();
      expect(install).toContain('npm pack');
      expect(await page.locator('[data-section-id="/getting-started/a-first-call-with-typescript"]').innerText()).toContain('client.calls.create(');
      // The reader copies the mock's curl command from the page and runs it.
      const commands = await page.locator('[data-section-id="/getting-started/try-it-against-the-mock"] pre').allInnerTexts();
      const curl = commands.find((c) => c.trim().startsWith('curl'))!;
      expect(curl).toContain('http://127.0.0.1:4010/');
      const { stdout } = await promisify(execFile)('bash', ['-c', curl.replaceAll('http://127.0.0.1:4010', mock.url).replace(/^curl /, 'curl -sS --fail ')], {
        env: { ...process.env, RESTCOMM_ACCOUNT_SID: 'AC9f46b62376f96e83cc19ed9502987c78', RESTCOMM_AUTH_TOKEN: '6f1ed002ab5595859014ebf0951522d9' },
      });
      expect((JSON.parse(stdout) as { sid: string }).sid).toMatch(/CA[0-9a-f]{32}$/);
    } finally {
      await mock.stop();
    }
  });

  it('has no serious or critical axe violations on the landing page, and a nav landmark, an h1 and a skip link', async () => {
    await page.goto(url, { waitUntil: 'load' });
    await page.locator('.menu-content').waitFor();
    const violations = await axe(page);
    expect(serious(violations)).toEqual([]);
    expect(violations).toEqual([]);
    expect(await page.getByRole('navigation', { name: 'Reference' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBeGreaterThan(0);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect.poll(() => skip.evaluate((a) => a === document.activeElement)).toBe(true);
    await skip.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
  });

  it(`has no axe violations (none serious or critical, none at all) on any of the ${views.length} operation and webhook views, each with an h1 and the nav landmark`, { timeout: 900_000 }, async () => {
    const view = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await open(view, views[0]!);
    const failures: string[] = [];
    for (const route of views) {
      // Moved to by its link's hash, as a reader clicking through the navigation does (one page load for all views).
      await view.evaluate((r) => (location.hash = r), route);
      await view.locator(`[data-section-id="${route}"]`).getByRole('heading').first().waitFor({ timeout: 30_000 });
      // Every violation counts here, moderate ones (heading order) included; the bar the issue set is serious ones.
      for (const v of await axe(view, `[data-section-id="${route}"]`)) failures.push(`${route}: ${v.id} (${v.impact}) at ${v.nodes.join(', ')}`);
      const landmarks = await view.evaluate(() => ({ h1: document.querySelectorAll('h1').length, nav: document.querySelectorAll('[role="navigation"], nav').length }));
      if (!landmarks.h1) failures.push(`${route}: no h1`);
      if (!landmarks.nav) failures.push(`${route}: no nav landmark`);
    }
    // The page-level rules (landmarks, regions) once on a deep-linked operation view too.
    for (const v of serious(await axe(view))) failures.push(`whole page at ${views.at(-1)}: ${v.id}`);
    await view.close();
    expect(failures).toEqual([]);
  });

  it('logs no console errors, page errors or failed requests, and saves a screenshot', async () => {
    mkdirSync(path.join(root, 'test-results'), { recursive: true });
    await open(page, '/calls/createcall');
    await page.screenshot({ path: path.join(root, 'test-results', 'site.png') });
    expect(problems).toEqual([]);
  });
});
