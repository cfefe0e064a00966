// PE Lab where course authors put it: dist/ opened from disk, a strict CSP, a sandboxed iframe,
// and links with nonsense in them. Every case must render with no console error at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { VIEWS as REGISTRY } from '../../web/views/registry.js';
import { REPO_ROOT, currentQuery, openPage, screenshot, snapshot, useSession, visibleSteps } from './support/browser.mjs';

const VIEWS = REGISTRY.map(({ name }) => name);
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";
const DIST_INDEX = join(REPO_ROOT, 'dist/index.html');

const session = useSession();
const distSession = useSession({ root: join(REPO_ROOT, 'dist') });
const strictSession = useSession({ csp: STRICT_CSP });

test('dist/ is built and opens from disk, full page and every embed', async () => {
  assert.ok(existsSync(DIST_INDEX), 'run `npm run build` (or the test build) first: dist/index.html is missing');
  for (const view of [null, ...VIEWS]) {
    const url = pathToFileURL(DIST_INDEX).href + (view ? `?view=${view}` : '');
    const { page, problems } = await openPage(session, url);
    assert.equal((await snapshot(page)).view, view ?? 'page');
    assert.deepEqual(await visibleSteps(page), view ? [view] : VIEWS);
    assert.deepEqual(problems, [], `file:// ${view ?? 'full page'}`);
    await screenshot(page, `dist-file-${view ?? 'page'}`);
    await page.context().close();
  }
});

test('the first screen needs app.js alone; views.js, the other views, is fetched after it is drawn', async () => {
  const { page, problems } = await openPage(session, session.url);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some(({ name }) => name.endsWith('/views.js')));
  const { rendered, fetched } = await page.evaluate(() => ({
    rendered: performance.getEntriesByName('pe-lab:rendered')[0].startTime,
    fetched: performance.getEntriesByType('resource').find(({ name }) => name.endsWith('/views.js')).startTime,
  }));
  assert.ok(fetched >= rendered, `views.js asked for at ${fetched} ms, the first screen drawn at ${rendered} ms`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('without views.js, the first view still works and every other view says why it is missing', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pe-lab-dist-'));
  try {
    cpSync(join(REPO_ROOT, 'dist'), folder, { recursive: true });
    rmSync(join(folder, 'web/generated/views.js'));
    const index = pathToFileURL(join(folder, 'index.html')).href;
    const missing = 'This view could not be drawn: the file views.js could not be loaded. Reload the page to try again.';
    const { page, problems } = await openPage(session, index);
    const state = await snapshot(page);
    assert.equal(state.views.sentence.text, 'The dog chased another dog');
    for (const view of VIEWS.slice(1)) {
      assert.equal(state.views[view].drawn, false, view);
      assert.equal(await page.locator(`[data-view-slot="${view}"]`).textContent(), missing, view);
    }
    await screenshot(page, 'dist-without-views-js');
    await page.context().close();
    const embed = await openPage(session, `${index}?view=rope`);
    assert.equal(await embed.page.locator('[data-view-slot="rope"]').textContent(), missing);
    await embed.page.context().close();
    // Nothing but the missing file itself is reported: no exception, no stack trace.
    for (const problem of [...problems, ...embed.problems]) assert.match(problem, /views\.js|ERR_FILE_NOT_FOUND/);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('every view runs under a strict CSP without eval or inline script', async () => {
  for (const view of [null, ...VIEWS]) {
    const { page, problems } = await openPage(strictSession, `${strictSession.url}${view ? `?view=${view}` : ''}`);
    assert.equal((await snapshot(page)).view, view ?? 'page');
    assert.deepEqual(problems, [], `CSP ${view ?? 'full page'}`);
    await page.context().close();
  }
});

test('an embed and the full page run inside <iframe sandbox="allow-scripts">', async () => {
  const { page, problems } = await openPage(session, `${session.url}tests/e2e/fixtures/sandboxed-embed.html`, { waitForReady: false });
  for (const id of ['#embed', '#page']) {
    await page.frameLocator(id).locator('body.ready').waitFor({ timeout: 15000 });
  }
  const [embed, full] = [page.frame({ url: /view=grid/ }), page.frames().find((f) => f.url().endsWith('/index.html'))];
  const state = await snapshot(embed);
  assert.equal(state.view, 'grid');
  assert.equal(state.start, 64);
  assert.equal(state.count, 12);
  assert.equal((await snapshot(full)).view, 'page');
  // The clipboard is refused in a sandbox: copying must fall back to a selection, silently.
  const panel = page.frameLocator('#page').locator('[data-view-slot="grid"] + .embed-code');
  await panel.locator('summary').click();
  await panel.getByRole('button', { name: 'Copy iframe code' }).click();
  await panel.locator('.embed-code-status', { hasText: 'Ctrl+C' }).waitFor();
  assert.deepEqual(problems, []);
  await screenshot(page, 'sandboxed-iframe-grid');
  await page.context().close();
});

test('nonsense in the link falls back to defaults with a visible note', async () => {
  const junk = [
    ['?view=grid&dim=abc&start=-5&count=1e99', ['dim "abc"', 'start "-5"', 'count "1e99"']],
    ['?view=<b>bold</b>', ['view "<b>bold</b>"']],
    ['?view=waves&dim=<img src=x onerror=window.hacked=1>', ['dim "<img src=x onerror=window.hacked=1>"']],
    ['?kind=%3Cscript%3Ewindow.hacked%3D1%3C%2Fscript%3E&dim=1.5', ['kind "<script>window.hacked=1</script>"', 'dim "1.5"']],
    ['?view=grid&count=0x10&start=%2B64&dim=%208', ['count "0x10"', 'start "+64"', 'dim " 8"']],
    ['?dim=64', ['In the grid view, dim "64" must be a whole number from 1 to 31']],
  ];
  for (const [query, mentions] of junk) {
    const { page, problems } = await openPage(session, `${session.url}${query}`);
    const notes = page.locator('[data-page-notes]');
    assert.ok(await notes.isVisible(), `a note is shown for ${query}`);
    const text = await notes.textContent();
    for (const mention of mentions) assert.ok(text.includes(mention), `the note for ${query} mentions ${mention}: ${text}`);
    assert.equal(await page.evaluate(() => window.hacked), undefined, 'markup in a link is never run');
    assert.equal(await page.locator('[data-page-notes] b, [data-page-notes] img, [data-page-notes] script').count(), 0);
    const items = await notes.locator('li').allTextContents();
    assert.equal(new Set(items).size, items.length, `no note is repeated: ${text}`);
    // The address now holds what is shown, not the junk.
    for (const junkValue of ['abc', '1e99', '0x10', '<'])
      assert.ok(!(await currentQuery(page)).includes(encodeURIComponent(junkValue)), query);
    assert.deepEqual(problems, [], query);
    await page.context().close();
  }
  const { page } = await openPage(session, `${session.url}?view=grid&dim=abc`);
  await screenshot(page, 'junk-link-note');
  await page.context().close();
});

test('"Embed this view" gives the self-sizing element and a plain iframe for the state on screen, served from the repository or dist/', async () => {
  for (const [layout, server] of [
    ['repository', session],
    ['dist/', distSession],
  ]) {
    const { page, problems } = await openPage(server, `${server.url}?grid.start=64&grid.count=12`);
    const panel = page.locator('[data-view-slot="grid"] + .embed-code');
    await panel.locator('summary').click();
    // The code is written on the panel's 'toggle' event, which the browser queues after the click
    // (behind any view that the scroll brought near enough to draw).
    await page.waitForFunction(() => document.querySelector('[data-view-slot="grid"] + .embed-code textarea').value !== '');
    // The grid may be drawn only now that the panel is in view; copying writes the code anew.
    await page.locator('[data-view-slot="grid"] [data-testid="binary-grid"]').waitFor();
    await panel.getByRole('button', { name: 'Copy iframe code' }).click();
    const [element, iframe] = await panel.locator('textarea').evaluateAll((codes) => codes.map(({ value }) => value));
    assert.match(
      element,
      /^<script src="http:\/\/127\.0\.0\.1:\d+\/web\/embed\.js"><\/script>\n<pe-lab-view view="grid" start="64" count="12"><\/pe-lab-view>$/,
      layout,
    );
    assert.match(iframe, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?view=grid&amp;start=64&amp;count=12" /, layout);
    assert.match(iframe, /sandbox="allow-scripts"/, layout);
    // The plain iframe's height is what the view needs in a frame as wide as the view is here
    // (plus the embed's 8 px padding each side): pasted so, it neither scrolls nor leaves a gap.
    const height = Number(/ height="(\d+)"/.exec(iframe)[1]);
    const width = await page.locator('[data-view-slot="grid"]').evaluate((slot) => slot.getBoundingClientRect().width);
    const plainPage = await page.context().newPage();
    await plainPage.setContent(`<!doctype html><html><body style="margin:0;width:${width + 16}px">${iframe}</body></html>`);
    const plainFrame = plainPage.frameLocator('iframe');
    await plainFrame.locator('body.ready').waitFor({ timeout: 15000 });
    const needs = await plainFrame.locator('html').evaluate((html) => html.getBoundingClientRect().height);
    assert.ok(Math.abs(height - needs) <= 2, `${layout}: iframe height ${height} for a view that needs ${needs}`);
    await plainPage.close();

    // The code works as given: pasted into a page in place of this one, its script loads and its
    // element shows the grid at 64.
    await page.setContent(`<!doctype html><html><body>${element}</body></html>`);
    const frame = page.frameLocator('pe-lab-view iframe');
    await frame.locator('body.ready').waitFor({ timeout: 15000 });
    assert.equal(await frame.locator('[data-view-slot="grid"] input[data-field="start"]').inputValue(), '64', layout);
    assert.deepEqual(problems, [], layout);
    await page.context().close();
  }
});

// The README's hand-written form, <iframe data-pe-lab src=…>, would keep the browser's default
// 300 px width: embed.js gives it the width of its container, unless the author set one (a width
// attribute or any rule of the page's own styles) (issue 23, finding 21).
test('a hand-written iframe is as wide as its container unless its author set a width', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=waves`);
  const src = `${session.url}index.html?view=waves`;
  await page.setContent(
    `<!doctype html><html><head><style>.narrow { width: 500px; }</style></head><body style="margin:0;width:900px">` +
      `<iframe data-pe-lab id="plain" src="${src}"></iframe>` +
      `<iframe data-pe-lab id="attribute" width="400" src="${src}"></iframe>` +
      `<iframe data-pe-lab id="styled" class="narrow" src="${src}"></iframe>` +
      `<iframe id="other" src="about:blank"></iframe>` +
      `<script src="${session.url}web/embed.js"></script></body></html>`,
  );
  // The frame's box (its border included) for the full width, its content's width for the others.
  const widths = await page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll('iframe')].map((frame) => [
        frame.id,
        frame.id === 'plain' ? frame.getBoundingClientRect().width : frame.clientWidth,
      ]),
    ),
  );
  assert.deepEqual(widths, { plain: 900, attribute: 400, styled: 500, other: 300 });
  assert.deepEqual(problems, []);
  await page.context().close();
});

// An embed shows one view: its texts must not send the reader to a step or another view the embed
// does not show (issue 23, finding 9). Read at each view's defaults, and with binary positions.
test('no text of an embed points at a step or a view it does not show', async () => {
  for (const query of [...VIEWS.map((name) => `view=${name}`), 'view=sentence&kind=binary']) {
    const { page, problems } = await openPage(session, `${session.url}index.html?${query}`);
    const text = await page.locator('body').innerText();
    const pointers =
      text.match(
        // A step of the guided page ("of step 1's head", "see step 3"), not a training step ("step 0 of 600").
        /[^.\n]*\b(?:(?:in|see|of) step \d|step \d+['’]s|steps? (?:above|below)|(?:grid|sentence|magnitude|waves|sinusoidal|rope|deepseek) view)\b[^.\n]*/gi,
      ) ?? [];
    assert.deepEqual(pointers, [], query);
    assert.deepEqual(problems, [], query);
    await page.context().close();
  }
});
