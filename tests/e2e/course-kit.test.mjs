// PE Lab in a course page: self-sizing embeds (web/embed.js) served from another origin than the
// page and from file://, the light and dark themes, and the printout.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VIEWS as REGISTRY } from '../../web/views/registry.js';
import { startStaticServer } from '../../web/dev/static-server.mjs';
import { REPO_ROOT, currentQuery, openPage, screenshot, scrollsSideways, useSession } from './support/browser.mjs';

const DIST = join(REPO_ROOT, 'dist');
const FIXTURES = join(REPO_ROOT, 'tests/e2e/fixtures');
const EMBEDS = ['#grid iframe', '#waves', '#sentence iframe'];
const FIT_PX = 2; // a frame fits when its viewport and its content differ by at most this

const lab = useSession({ root: DIST }); // PE Lab, on one origin
const page = useSession(); // the repository (for the theme tests)
let course = null; // the course page, on another origin
before(async () => {
  assert.ok(existsSync(join(DIST, 'web/embed.js')), 'run `node web/build/dist.mjs` first: dist/web/embed.js is missing');
  course = await startStaticServer({ root: FIXTURES });
});
after(() => course?.close());

// The frame of the PE Lab page whose address matches url, once drawn. It is scrolled into view
// first: a lazy-loading iframe far from the screen does not load. (Then its address: a new iframe
// holds about:blank until PE Lab's page arrives. Polled by time: a frame out of view gets no
// animation frames, waitForFunction's default.)
async function frameOf(host, selector, url = /\/index\.html\?/) {
  await host.locator(selector).scrollIntoViewIfNeeded();
  const frame = await (await host.locator(selector).elementHandle()).contentFrame();
  await frame.waitForURL(url, { waitUntil: 'commit' });
  await frame.waitForFunction(() => document.body?.classList.contains('ready'), null, { timeout: 15000, polling: 100 });
  return frame;
}

// How the frame's viewport compares with its content.
const measure = (frame) =>
  frame.evaluate(() => ({
    viewport: innerHeight,
    content: document.documentElement.getBoundingClientRect().height,
    scrolls: document.documentElement.scrollHeight > innerHeight,
  }));

// Waits until every embed's viewport is its content's height; returns the heights.
async function fitted(host) {
  const heights = [];
  for (const selector of EMBEDS) {
    const frame = await frameOf(host, selector);
    try {
      await frame.waitForFunction((px) => Math.abs(innerHeight - document.documentElement.getBoundingClientRect().height) <= px, FIT_PX, {
        timeout: 5000,
        polling: 100,
      });
    } catch {
      assert.fail(`${selector} does not fit its content: ${JSON.stringify(await measure(frame))}`);
    }
    assert.equal((await measure(frame)).scrolls, false, `${selector} has no scrollbar of its own`);
    heights.push(await host.locator(selector).evaluate((element) => element.getBoundingClientRect().height));
  }
  return heights;
}

// The height messages the course page receives in the next ms milliseconds.
const messagesIn = (host, ms) =>
  host.evaluate(
    (wait) =>
      new Promise((done) => {
        let count = 0;
        const listen = (event) => {
          if (event.data?.type === 'pe-lab:height') count += 1;
        };
        addEventListener('message', listen);
        setTimeout(() => {
          removeEventListener('message', listen);
          done(count);
        }, wait);
      }),
    ms,
  );

async function checkCoursePage(url, name) {
  const { page: host, problems } = await openPage(lab, url, { waitForReady: false });
  const loaded = await fitted(host);
  // The element made a lazy-loading, titled iframe of the index.html next to embed.js, sandboxed
  // unless from file:// (where Chromium would let a sandboxed page load no files).
  const made = await host.locator('#grid iframe').evaluate((frame) => ({
    sandbox: frame.getAttribute('sandbox'),
    loading: frame.getAttribute('loading'),
    title: frame.title,
    src: frame.src,
  }));
  const sandbox = url.startsWith('file:') ? null : 'allow-scripts';
  assert.deepEqual({ ...made, src: undefined }, { sandbox, loading: 'lazy', title: 'PE Lab: grid view', src: undefined });
  assert.match(made.src, /\/index\.html\?view=grid&start=64&count=12$/);
  assert.equal(await (await frameOf(host, '#sentence iframe')).evaluate(() => document.documentElement.dataset.theme), 'dark');

  // No resize loop: once fitted, nothing more is announced and no height moves.
  assert.equal(await messagesIn(host, 1500), 0, 'no height message once the embeds are fitted');
  assert.deepEqual(await fitted(host), loaded);

  // A control that makes the view taller: the grid's row height.
  await (await frameOf(host, '#grid iframe')).locator('input[data-field="zoom"]').fill('32');
  const zoomed = await fitted(host);
  assert.ok(zoomed[0] > loaded[0] + 60, `the grid's frame grew with its rows: ${loaded[0]} -> ${zoomed[0]} px`);

  // A narrower window: the views reflow, taller, and the frames follow.
  await host.setViewportSize({ width: 390, height: 800 });
  const narrow = await fitted(host);
  assert.ok(narrow[2] > zoomed[2], `the sentence's frame grew on a phone: ${zoomed[2]} -> ${narrow[2]} px`);
  await screenshot(host, `course-page-${name}-390`);

  // Height messages from a frame PE Lab does not manage, or from the page itself, change nothing.
  const foreign = await (await host.locator('#foreign').elementHandle()).contentFrame();
  await foreign.evaluate(() => parent.postMessage({ type: 'pe-lab:height', height: 3 }, '*'));
  await host.evaluate(() => postMessage({ type: 'pe-lab:height', height: 3 }, '*'));
  await host.waitForTimeout(300);
  assert.deepEqual(await fitted(host), narrow);
  assert.equal(await host.locator('#foreign').evaluate((frame) => frame.getBoundingClientRect().height), 120);

  // Changing an attribute reloads the view with it.
  await host.locator('#grid').evaluate((element) => element.setAttribute('theme', 'dark'));
  await frameOf(host, '#grid iframe', /theme=dark/);
  await fitted(host);
  assert.equal(await (await frameOf(host, '#grid iframe')).evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(problems, [], name);
  await host.context().close();
}

test('three self-sizing embeds from another origin fit their content, follow it, and settle', async () => {
  assert.notEqual(new URL(course.url).origin, new URL(lab.url).origin);
  await checkCoursePage(`${course.url}course-page.html?lab=${encodeURIComponent(lab.url)}`, 'served');
});

test('the same course page and embeds from file://', async () => {
  const folder = `${pathToFileURL(DIST).href}/`;
  const url = `${pathToFileURL(join(FIXTURES, 'course-page.html')).href}?lab=${encodeURIComponent(folder)}`;
  await checkCoursePage(url, 'file');
});

test('from file:// an embed, whose origin is "null" without any sandbox, is not told downloads are blocked', async () => {
  const folder = `${pathToFileURL(DIST).href}/`;
  const url = `${pathToFileURL(join(FIXTURES, 'course-page.html')).href}?lab=${encodeURIComponent(folder)}`;
  const { page: host, problems } = await openPage(page, url, { waitForReady: false });
  const frame = await frameOf(host, '#grid iframe');
  assert.equal(await host.locator('#grid iframe').getAttribute('sandbox'), null, 'embed.js leaves the sandbox out for file://');
  assert.equal(await frame.evaluate(() => window.origin), 'null', 'the opaque origin a sandbox would also give');
  const [download] = await Promise.all([
    host.waitForEvent('download'),
    frame.locator('figure.figure .figure-save button', { hasText: 'CSV' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /^pe-lab-binary-grid-.*\.csv$/);
  assert.equal(await frame.locator('.figure-copy').first().isHidden(), true, 'no "blocked here" fallback');
  assert.deepEqual(problems, []);
  await host.context().close();
});

const background = (host) => host.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const grid = (host) =>
  host.evaluate(() => {
    // The grid's top-left pixel is its header, painted in the theme's paper colour. (Read from a copy:
    // reading the grid's own canvas again and again makes Chromium warn.)
    const copy = document.createElement('canvas').getContext('2d');
    copy.drawImage(document.querySelector('[data-testid="binary-grid"]'), 1, 1, 1, 1, 0, 0, 1, 1);
    const [r, g, b] = copy.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  });

test('theme=light and theme=dark colour the page and the canvas charts, and stay in the link', async () => {
  const shown = {};
  for (const theme of ['light', 'dark']) {
    const { page: host, problems } = await openPage(page, `${page.url}?view=grid&theme=${theme}`, { colorScheme: 'dark' });
    shown[theme] = { background: await background(host), grid: await grid(host) };
    assert.equal(shown[theme].grid, shown[theme].background, `${theme}: the grid is painted on the page's paper`);
    assert.equal(await currentQuery(host), `?view=grid&theme=${theme}`);
    assert.deepEqual(problems, []);
    await host.context().close();
  }
  assert.equal(shown.light.background, 'rgb(255, 255, 255)');
  assert.equal(shown.dark.background, 'rgb(13, 17, 23)');
});

test('theme=auto (the default) follows the system setting, also when it changes', async () => {
  const { page: host, problems } = await openPage(page, `${page.url}?view=grid`, { colorScheme: 'dark' });
  assert.equal(await host.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await grid(host), 'rgb(13, 17, 23)');
  await host.emulateMedia({ colorScheme: 'light' });
  await host.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.equal(await background(host), 'rgb(255, 255, 255)');
  assert.equal(await grid(host), 'rgb(255, 255, 255)', 'the canvas repainted in the new theme');
  assert.equal(await currentQuery(host), '?view=grid');
  assert.deepEqual(problems, []);
  await host.context().close();

  // The cell charts (heat maps, matrices) repaint their labels too.
  const heatMap = await openPage(page, `${page.url}?view=sinusoidal`, { colorScheme: 'dark' });
  const picture = () => heatMap.page.evaluate(() => document.querySelector('.cell-canvas canvas').toDataURL());
  const darkPicture = await picture();
  await heatMap.page.emulateMedia({ colorScheme: 'light' });
  await heatMap.page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.notEqual(await picture(), darkPicture, 'the heat map was repainted for the light theme');
  assert.deepEqual(heatMap.problems, []);
  await heatMap.page.context().close();

  const bad = await openPage(page, `${page.url}?theme=purple`, { colorScheme: 'dark' });
  assert.match(await bad.page.locator('[data-page-notes]').textContent(), /theme "purple" must be one of auto, light, dark/);
  assert.equal(await bad.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await bad.page.context().close();
});

test('a printout shows text and figures in light colours, without controls, tools or tables', async () => {
  const { page: host, problems } = await openPage(page, `${page.url}?theme=dark`);
  await host.evaluate(() => window.peDemo.drawAll());
  // Every data table open and the embed panels too: none of them is for paper.
  await host.evaluate(() => {
    for (const toggle of document.querySelectorAll('.figure-tools button[aria-expanded="false"]')) toggle.click();
    for (const panel of document.querySelectorAll('details.embed-code')) panel.open = true;
  });
  await host.emulateMedia({ media: 'print' });
  // The page hears of the print media as the browser next updates the rendering.
  await host.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  const shown = await host.evaluate(() => {
    const displayed = (selector) =>
      [...document.querySelectorAll(selector)].filter((node) => getComputedStyle(node).display !== 'none').length;
    const laidOut = (selector) => [...document.querySelectorAll(selector)].filter((node) => node.getClientRects().length > 0).length;
    return {
      controls: laidOut('.controls, .embed-code, button, input, select, textarea, .figure-tools, .figure-numbers, .copy-code'),
      figures: displayed('.figure'),
      prose: displayed('.prose'),
      background: getComputedStyle(document.documentElement).backgroundColor,
    };
  });
  assert.equal(await grid(host), 'rgb(255, 255, 255)', 'the canvas charts are repainted in the light theme');
  assert.equal(shown.controls, 0);
  await screenshot(host, 'print-page');
  assert.ok(shown.figures >= REGISTRY.length, `${shown.figures} figures printed`);
  assert.ok(shown.prose >= REGISTRY.length);
  assert.equal(shown.background, 'rgb(255, 255, 255)');
  assert.deepEqual(problems, []);
  await host.context().close();
});

test('every view in the dark theme at 1280 and 390 px: nothing scrolls sideways, nothing goes wrong', async () => {
  for (const width of [1280, 390]) {
    for (const view of [null, ...REGISTRY.map(({ name }) => name)]) {
      const query = view ? `?view=${view}&theme=dark` : '?theme=dark';
      const { page: host, problems } = await openPage(page, `${page.url}${query}`, { width });
      if (!view) await host.evaluate(() => window.peDemo.drawAll());
      assert.equal(await scrollsSideways(host), false, `${query} at ${width} px`);
      assert.deepEqual(problems, [], `${query} at ${width} px`);
      await screenshot(host, `dark-${view ?? 'page'}-${width}`);
      await host.context().close();
    }
  }
});
