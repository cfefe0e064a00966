// Shared set-up for the browser tests: the repository served on 127.0.0.1 and Debian's headless
// Chromium driven by playwright-core. Every page records console errors, page errors and failed
// requests, so a test can assert that a page stayed clean. Also the reads every view's tests
// make: the page's snapshot, its address, and what is shown.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../../web/dev/static-server.mjs';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const SCREENSHOT_DIR = join(REPO_ROOT, 'tests/artifacts/screenshots');
const CHROMIUM = '/usr/lib/chromium/chromium';

// Flags for root in a container with no network (see shared/docs/toolchain.md).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// Set by shared-browser.mjs (the browser stage of `npm test`): the address of one Chromium that
// every test file of the stage connects to, instead of starting its own.
const SHARED_BROWSER = process.env.PE_LAB_BROWSER_WS;

/** Launches Chromium as a server that test processes connect to; close() stops it. */
export async function launchBrowserServer() {
  return chromium.launchServer({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Starts a server (optionally with a CSP header) and a browser, or a connection to the shared
 * browser when the file runs under shared-browser.mjs; call close() when done. Either way the
 * session's pages are its own: each openPage makes a new context (a fresh, empty profile), and
 * close() closes them.
 */
export async function startSession({ root = REPO_ROOT, csp = null } = {}) {
  const server = await startStaticServer({ root, csp });
  const browser = SHARED_BROWSER
    ? await chromium.connect(SHARED_BROWSER)
    : await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Starts a session before the file's tests and closes it after them. The object returned is
 * filled in by the before hook, so use it inside tests only.
 */
export function useSession(options) {
  const session = {};
  before(async () => {
    Object.assign(session, await startSession(options));
  });
  after(() => session.close?.());
  return session;
}

/**
 * Opens url in a new page of the given width (and reducedMotion preference, 'reduce' or
 * 'no-preference', colorScheme, 'light' or 'dark', and screen pixel density, 2 unless asked: the
 * tests that read a canvas's pixels place their probes half a CSS pixel into a line, one device
 * pixel at 2x; at 1x the browser's CPU was 11% less, but those probes miss) and
 * (unless waitForReady is false, for pages that only host PE Lab in a frame) waits until PE Lab
 * is ready.
 * Returns { page, problems } where problems collects console errors, uncaught page errors and
 * failed or 4xx/5xx requests as readable strings.
 */
export async function openPage(
  session,
  url,
  { width = 1280, height = 900, waitForReady = true, reducedMotion, colorScheme, deviceScaleFactor = 2 } = {},
) {
  const context = await session.browser.newContext({ viewport: { width, height }, deviceScaleFactor, reducedMotion, colorScheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(url);
  if (waitForReady) await page.waitForFunction(() => document.body.classList.contains('ready'), null, { timeout: 15000 });
  return { page, problems };
}

/** The bytes of a finished download as a Buffer. (download.path() throws when the browser is the
 *  shared one of `npm test`, reached over a connection; the stream works either way.) */
export async function downloadBytes(download) {
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// Screenshots are for people to look at, not checks, and they cost an eighth of the browser
// stage's time (83 of them took 445 of its 3,549 test-seconds on a busy machine: a whole guided
// page is 7,000 px tall), so they are taken only when asked: PE_LAB_SCREENSHOTS=1
// (`npm run screenshots`).
const SCREENSHOTS = process.env.PE_LAB_SCREENSHOTS === '1';

/**
 * When screenshots are asked for, saves a full-page screenshot of page under
 * tests/artifacts/screenshots/NAME.png, one image pixel per CSS pixel on any screen. It is no
 * check, so a busy machine gets two minutes for it, not playwright's 30 s.
 */
export function screenshot(page, name) {
  return save(page, name, { fullPage: true });
}

/** The same for one element (a playwright Locator), e.g. a figure of a page too long to take whole. */
export function screenshotOf(locator, name) {
  return save(locator, name, {});
}

async function save(target, name, options) {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await target.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), scale: 'css', timeout: 120_000, ...options });
}

/** True when the page is wider than its viewport (sideways scrolling on a phone). */
export function scrollsSideways(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** window.peDemo.snapshot() of a page (or a frame). */
export function snapshot(page) {
  return page.evaluate(() => window.peDemo.snapshot());
}

/** Polls the page's snapshot until holds(snapshot) and returns that snapshot. (page.waitForFunction
 *  cannot do this: it does not await a predicate's promise, and snapshot() returns one.) */
export async function waitForSnapshot(page, holds, { timeout = 15000 } = {}) {
  const giveUp = Date.now() + timeout;
  for (;;) {
    const state = await snapshot(page);
    if (holds(state)) return state;
    if (Date.now() > giveUp) throw new Error(`the snapshot did not reach the state awaited within ${timeout} ms`);
    await page.waitForTimeout(10);
  }
}

/** The page's query string once the page has written it, e.g. '?view=grid&start=64'
 *  (page.url() can lag behind history.replaceState). */
export function currentQuery(page) {
  return page.evaluate(async () => {
    await window.peDemo.urlSettled();
    return location.search;
  });
}

/** The page's query parameters now, as URLSearchParams. */
export async function currentParams(page) {
  return new URLSearchParams(await currentQuery(page));
}

/** The page's address once the page has written it, for reopening it. */
export function currentUrl(page) {
  return page.evaluate(async () => {
    await window.peDemo.urlSettled();
    return location.href;
  });
}

/** Resolves after the page's next animation frame, when a scroll or zoom has been drawn. */
export function nextFrame(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
}

/** The data-step names of the sections the page shows. */
export function visibleSteps(page) {
  return page.$$eval('[data-step]', (steps) => steps.filter((step) => !step.hidden).map((step) => step.dataset.step));
}
