// Saving figures: every export button of every view gives a file of the right type and content
// (PNG at twice the CSS size, SVG that parses and renders alone, in colour, with the figure's title, CSV with
// the figure's header and the core's numbers); in a sandboxed iframe without allow-downloads the
// file is offered to copy instead; the tools fit a phone.
// Run: node web/build/dist.mjs && node --test --test-concurrency=1 tests/e2e/figure-export.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import { VIEWS as REGISTRY } from '../../web/views/registry.js';
import { downloadBytes, openPage, screenshot, screenshotOf, scrollsSideways, useSession } from './support/browser.mjs';

const VIEWS = REGISTRY.map(({ name }) => name);
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pe = await loadPE();
const session = useSession();
// The strict policy of embedding.test.mjs: images may come from data: and blob: URLs, which
// the PNG is drawn through.
const strictSession = useSession({
  csp: "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:",
});

/** { width, height } of a PNG file, from its IHDR chunk. */
function pngSize(bytes) {
  assert.ok(bytes.subarray(0, 8).equals(PNG_SIGNATURE), 'a PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Minimal CSV reading (quoted fields with doubled quotes; CRLF lines, or LF as a textarea gives them). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), (i += 1));
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') (row.push(field), (field = ''));
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n'))
      (row.push(field), rows.push(row), (row = []), (field = ''), (i += c === '\r' ? 1 : 0));
    else field += c;
  }
  return rows;
}

async function save(page, figure, format) {
  const [download] = await Promise.all([page.waitForEvent('download'), figure.locator('.figure-save button', { hasText: format }).click()]);
  return { name: download.suggestedFilename(), bytes: await downloadBytes(download) };
}

// What the page knows about a figure: its title, the CSS size of its drawings and SVG parse checks.
function figureFacts(figure) {
  return figure.evaluate((node) => {
    const body = node.querySelector('.figure-body').getBoundingClientRect();
    const drawings = [...node.querySelectorAll('.figure-body svg, .figure-body canvas')].filter((d) => !d.parentNode.closest('svg'));
    return {
      title: node.querySelector('h3').textContent,
      bodyWidth: body.width,
      widest: Math.max(...drawings.map((d) => d.getBoundingClientRect().width)),
      tallest: Math.max(...drawings.map((d) => d.getBoundingClientRect().height)),
      buttons: [...node.querySelectorAll('.figure-save button')].filter((b) => !b.hidden).map((b) => b.textContent),
    };
  });
}

// A function in the page that reads a picture's pixels: the colour of its top-left corner (the
// background) and the share of its pixels in a clear hue (not a grey), as a chart's series and
// swatches are.
function pixelReader(page) {
  return page.evaluateHandle(() => (image) => {
    const context = new OffscreenCanvas(image.width, image.height).getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    let colored = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (Math.max(data[i], data[i + 1], data[i + 2]) - Math.min(data[i], data[i + 1], data[i + 2]) > 60) colored += 1;
    }
    return { corner: [...data.subarray(0, 3)], colored: colored / (data.length / 4) };
  });
}

// Parses SVG text in the page and draws it as an image there: a file that needs the page's
// stylesheet or scripts would still parse, but this checks that it renders on its own, and in colour.
async function checkSvg(page, text) {
  return page.evaluate(
    async ([source, readPixels]) => {
      const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const image = new Image();
      image.src = URL.createObjectURL(new Blob([source], { type: 'image/svg+xml' }));
      await image.decode();
      return {
        error,
        title: doc.querySelector('svg > title')?.textContent,
        width: Number(doc.documentElement.getAttribute('width')),
        height: Number(doc.documentElement.getAttribute('height')),
        rendered: image.naturalWidth,
        stylesheets: doc.querySelectorAll('style, link, script').length,
        themeVariables: (source.match(/var\(--[\w-]+\)/g) ?? []).length,
        ...readPixels(image),
      };
    },
    [text, await pixelReader(page)],
  );
}

// The same reading of a PNG file.
async function checkPng(page, bytes) {
  return page.evaluate(
    async ([base64, readPixels]) => readPixels(await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob())),
    [bytes.toString('base64'), await pixelReader(page)],
  );
}

// The training lab's charts stay empty until it trains: a short run gives them lines to save.
async function withData(page, view) {
  if (view !== 'train') return;
  await page.locator('[data-field="steps"]').fill('20');
  await page.locator('[data-control="play"]').click();
  await page.waitForFunction(() => /Every run has ended/.test(document.body.innerText), null, { timeout: 120000 });
}

test('every export button of every view saves a file of its type, named after the figure and its settings', async () => {
  for (const view of VIEWS) {
    const { page, problems } = await openPage(session, `${session.url}?view=${view}`);
    await withData(page, view);
    const figures = page.locator('figure.figure:has(.figure-tools:not([hidden]))');
    const count = await figures.count();
    assert.ok(count >= 1, `${view} has figures with tools`);
    for (let i = 0; i < count; i += 1) {
      const figure = figures.nth(i);
      const facts = await figureFacts(figure);
      const where = `${view}: ${facts.title}`;
      assert.ok(facts.buttons.includes('CSV'), where);
      const sizes = {};
      for (const format of facts.buttons) {
        const { name, bytes } = await save(page, figure, format);
        assert.match(name, new RegExp(`^pe-lab-[a-z0-9.-]+\\.${format.toLowerCase()}$`), where);
        if (format === 'PNG') {
          const size = (sizes.png = pngSize(bytes));
          assert.equal(size.width % 2, 0, where);
          assert.ok(size.width >= 2 * facts.widest && size.width <= 2 * (facts.bodyWidth + 24), `${where}: PNG ${size.width} px wide`);
          assert.ok(size.height >= 2 * facts.tallest, `${where}: PNG ${size.height} px high`);
        } else if (format === 'SVG') {
          const svg = await checkSvg(page, bytes.toString('utf8'));
          assert.equal(svg.error, null, where);
          assert.equal(svg.title, facts.title, where);
          assert.equal(svg.stylesheets, 0, `${where}: styles are inlined`);
          assert.ok(svg.rendered > 0, `${where}: the SVG renders alone`);
          assert.equal(svg.themeVariables, 0, `${where}: theme colours are resolved`);
          assert.ok(svg.colored > 0.001, `${where}: the SVG is in colour (${svg.colored})`);
          sizes.svg = { width: svg.width, height: svg.height };
        } else {
          const rows = parseCsv(bytes.toString('utf8'));
          assert.ok(rows.length >= 2, `${where}: a header and rows`);
          assert.ok(
            rows.every((row) => row.length === rows[0].length),
            `${where}: every row has every column`,
          );
        }
      }
      // A figure saved as both is the same picture, the PNG at twice the size.
      if (sizes.svg) assert.deepEqual(sizes.png, { width: 2 * sizes.svg.width, height: 2 * sizes.svg.height }, where);
    }
    assert.deepEqual(problems, [], view);
    await page.context().close();
  }
});

// The dark theme's paper and ink (web/styles/themes.css), as getComputedStyle writes them.
const DARK = { paper: [13, 17, 23], ink: 'rgb(230, 237, 243)' };

test('in the dark theme a saved picture is the figure as shown: dark paper, light text, colours resolved', async () => {
  for (const view of VIEWS) {
    const { page, problems } = await openPage(session, `${session.url}?view=${view}&theme=dark`);
    await withData(page, view);
    const figures = page.locator('figure.figure:has(.figure-tools:not([hidden]))');
    for (let i = 0; i < (await figures.count()); i += 1) {
      const figure = figures.nth(i);
      const { title, buttons } = await figureFacts(figure);
      const where = `${view}, dark: ${title}`;
      const png = await checkPng(page, (await save(page, figure, 'PNG')).bytes);
      assert.deepEqual(png.corner, DARK.paper, `${where}: PNG background`);
      assert.ok(png.colored > 0.001, `${where}: the PNG is in colour (${png.colored})`);
      if (!buttons.includes('SVG')) continue;
      const text = (await save(page, figure, 'SVG')).bytes.toString('utf8');
      const svg = await checkSvg(page, text);
      assert.equal(svg.themeVariables, 0, `${where}: theme colours are resolved`);
      assert.deepEqual(svg.corner, DARK.paper, `${where}: SVG background`);
      assert.ok(svg.colored > 0.001, `${where}: the SVG is in colour (${svg.colored})`);
      assert.match(
        text,
        new RegExp(`<text [^>]*fill:${DARK.ink.replace(/[()]/g, '\\$&')}[^>]*>${title.split(' ')[0]}`),
        `${where}: light title`,
      );
    }
    assert.deepEqual(problems, [], view);
    await page.context().close();
  }
});

// The category colours only the dark theme has (web/styles/themes.css), as a legend swatch writes them.
const DARK_ONLY = ['#e69f00', '#56b4e9', '#e6edf3'];

test('after the system theme changes, a view with no canvas chart saves its legend in the new colours', async () => {
  const { page, problems } = await openPage(session, `${session.url}?view=mla`, { colorScheme: 'dark' });
  assert.equal(await page.locator('[data-view-slot="mla"] canvas').count(), 0, 'the mla view draws no canvas');
  const figures = page.locator('figure.figure:has(.figure-save button:not([hidden]):text-is("SVG"))');
  const darkColours = async (figure) => {
    const svg = (await save(page, figure, 'SVG')).bytes.toString('utf8');
    return DARK_ONLY.filter((hex) => svg.includes(hex));
  };
  let legended = null;
  for (let i = 0; i < (await figures.count()) && !legended; i += 1) {
    if ((await darkColours(figures.nth(i))).length) legended = figures.nth(i);
  }
  assert.ok(legended, 'a figure whose legend uses a colour of the dark theme only');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.deepEqual(await darkColours(legended), [], 'no dark-theme colour left in the light SVG');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("CSV files hold the core's numbers: the grid, the sinusoidal encoding and the RoPE clocks", async () => {
  const { page, problems } = await openPage(
    session,
    `${session.url}?grid.start=64&grid.count=65536&grid.dim=16&sinusoidal.start=5&sinusoidal.count=10&sinusoidal.dim=8&rope.position=7`,
  );
  await page.evaluate(() => window.peDemo.drawAll());
  const csvOf = async (slot, index = 0) => {
    const { name, bytes } = await save(page, page.locator(`[data-view-slot="${slot}"] figure.figure`).nth(index), 'CSV');
    return { name, rows: parseCsv(bytes.toString('utf8')) };
  };

  // The grid: every one of the 65,536 rows, though the page shows a few dozen.
  const grid = await csvOf('grid');
  assert.equal(grid.name, 'pe-lab-binary-grid-start-64-count-65536-dim-16.csv');
  assert.equal(grid.rows.length, 1 + 65536);
  assert.deepEqual(grid.rows[0].slice(0, 2), ['position', 'index 16 = bit 15 (MSB)']);
  assert.deepEqual(grid.rows[0].slice(-3), ['index 1 = bit 0 (LSB)', 'bits flipped to the next position', 'same code as position']);
  const binary = pe.encode({ kind: 'binary', start: 64, count: 65536, dim: 16 }).data;
  const structure = pe.binaryStructure({ start: 64, count: 65536, dim: 16 });
  for (const r of [0, 1, 63, 65471, 65472, 65535]) {
    const row = grid.rows[1 + r];
    assert.equal(Number(row[0]), 64 + r);
    for (let k = 1; k <= 16; k += 1) assert.equal(Number(row[17 - k]), binary[r * 16 + k - 1], `row ${r}, index ${k}`);
    assert.equal(row[17], r === 65535 ? '' : String(structure.hamming[r]));
    assert.equal(Number(row[18]), structure.sameCodeAs[r]);
  }

  // The sinusoidal encoding: the values of pe.encode, to the last digit.
  const map = await csvOf('sinusoidal', 0);
  assert.equal(map.name, 'pe-lab-sinusoidal-encoding-start-5-count-10-dim-8-base-10000-layout-interleaved.csv');
  assert.equal(map.rows.length, 1 + 10);
  assert.equal(map.rows[0][0], 'position p');
  assert.match(map.rows[0][1], /^dim 0 = sin\(p·w_0\), wavelength 6\.28/);
  const table = pe.encode({ kind: 'sinusoidal', start: 5, count: 10, dim: 8 }).data;
  for (const [r, c] of [
    [0, 0],
    [3, 5],
    [9, 7],
  ])
    assert.equal(Number(map.rows[1 + r][1 + c]), table[r * 8 + c]);

  // The RoPE clocks: each pair's hand is R_m q at m = 7.
  const clocks = await csvOf('rope', 0);
  assert.match(clocks.name, /^pe-lab-rope-clocks-dim-32-pairing-interleaved-position-7\.csv$/);
  assert.equal(clocks.rows.length, 1 + 16);
  const theta = pe.ropeFrequencies({ dim: 32, base: 10000 });
  for (const k of [0, 5, 15]) {
    const [pair, a, b, angle, , qa, qb, ra, rb] = clocks.rows[1 + k].map(Number);
    assert.deepEqual([pair, a, b], [k, 2 * k, 2 * k + 1]);
    assert.equal(angle, theta[k]);
    const q = new Float32Array(32);
    [q[a], q[b]] = [qa, qb];
    const turned = pe.rotate({ dim: 32, base: 10000, data: q, start: 7, pairing: 'interleaved' });
    assert.deepEqual([ra, rb], [turned[a], turned[b]], `pair ${k}`);
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a PNG hardly depends on the screen: canvases are repainted at 2x on a 1x screen', async () => {
  const files = [];
  for (const deviceScaleFactor of [1, 2]) {
    const { page, problems } = await openPage(session, `${session.url}?view=sinusoidal`, { deviceScaleFactor });
    const figure = page.locator('figure.figure').first(); // the encoding map, a canvas
    files.push((await save(page, figure, 'PNG')).bytes);
    // The canvas on screen is back at the screen's density.
    assert.equal(
      await figure.evaluate((node, ratio) => {
        const canvas = node.querySelector('canvas');
        return canvas.width === Math.round(canvas.getBoundingClientRect().width * ratio);
      }, deviceScaleFactor),
      true,
    );
    assert.deepEqual(problems, []);
    await page.context().close();
  }
  assert.deepEqual(pngSize(files[0]), pngSize(files[1]));
  // Text is smoothed a little differently on the two screens; enlarging the 1x canvas instead
  // would change about 10% of the pixels (measured), its cells' edges and its labels blurred.
  const { page } = await openPage(session, `${session.url}?view=grid`);
  const changed = await page.evaluate(
    async (pictures) => {
      const pixels = async (base64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
        const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d');
        context.drawImage(bitmap, 0, 0);
        return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      };
      const [a, b] = await Promise.all(pictures.map(pixels));
      let differing = 0;
      for (let i = 0; i < a.length; i += 4) if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2]) differing += 1;
      return differing / (a.length / 4);
    },
    files.map((file) => file.toString('base64')),
  );
  assert.ok(changed < 0.01, `${(100 * changed).toFixed(2)}% of the pixels differ between a 1x and a 2x screen`);
  await page.context().close();
});

test('under a strict CSP every format still saves', async () => {
  const { page, problems } = await openPage(strictSession, `${strictSession.url}?view=rope`);
  const figure = page.locator('figure.figure').first();
  for (const format of ['PNG', 'SVG', 'CSV']) assert.ok((await save(page, figure, format)).bytes.length > 100, format);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('in <iframe sandbox="allow-scripts"> saving offers the file to copy, and says why', async () => {
  const { page, problems } = await openPage(session, `${session.url}tests/e2e/fixtures/sandboxed-embed.html`, { waitForReady: false });
  await page.frameLocator('#embed').locator('body.ready').waitFor({ timeout: 15000 });
  const frame = page.frameLocator('#embed');
  const figure = frame.locator('figure.figure');
  let downloads = 0;
  page.on('download', () => (downloads += 1));

  await figure.locator('.figure-save button', { hasText: 'CSV' }).click();
  const panel = figure.locator('.figure-copy');
  await panel.waitFor();
  assert.match(
    await panel.locator('.figure-copy-why').textContent(),
    /^Downloads are most likely blocked here: .*sandbox.*allow-downloads/,
  );
  assert.equal(await panel.locator('.figure-copy-name').textContent(), 'pe-lab-binary-grid-start-64-count-12-dim-8.csv');
  const csv = parseCsv(await panel.locator('textarea').inputValue());
  assert.equal(csv.length, 1 + 12);
  assert.deepEqual(csv[1].slice(0, 9), ['64', '0', '1', '0', '0', '0', '0', '0', '0']);
  // The clipboard is refused in this sandbox: the text is selected for Ctrl+C instead.
  await panel.getByRole('button', { name: 'Copy the CSV' }).click();
  await panel.locator('.figure-copy-status', { hasText: 'Ctrl+C' }).waitFor();

  await figure.locator('.figure-save button', { hasText: 'PNG' }).click();
  const image = panel.locator('img.figure-copy-image');
  await image.waitFor();
  const src = await image.getAttribute('src');
  assert.match(src, /^data:image\/png;base64,/);
  const size = pngSize(Buffer.from(src.split(',')[1], 'base64'));
  const widest = await figure.evaluate((node) => node.querySelector('.figure-body canvas').getBoundingClientRect().width);
  assert.ok(size.width >= 2 * widest, `PNG ${size.width} px wide for a ${widest} px grid`);
  await screenshot(page, 'figure-export-sandboxed-copy');
  await panel.getByRole('button', { name: 'Close' }).click();
  assert.equal(await panel.isHidden(), true);
  assert.equal(downloads, 0, 'no download was attempted');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a sandbox that can read its own attribute: copying without allow-downloads, a download with it', async () => {
  const { page, problems } = await openPage(session, `${session.url}tests/e2e/fixtures/sandboxed-downloads.html`, { waitForReady: false });
  for (const id of ['#blocked', '#allowed']) await page.frameLocator(id).locator('body.ready').waitFor({ timeout: 15000 });
  const flips = (id) => page.frameLocator(id).locator('figure.figure').nth(1);
  await flips('#blocked').locator('.figure-save button', { hasText: 'SVG' }).click();
  const panel = flips('#blocked').locator('.figure-copy');
  await panel.waitFor();
  assert.equal(
    await panel.locator('.figure-copy-why').textContent(),
    'Downloads are blocked here: this page runs in a sandboxed frame without allow-downloads (the embedding page can add allow-downloads to its sandbox attribute).',
  );
  const svg = await checkSvg(page, await panel.locator('textarea').inputValue());
  assert.equal(svg.error, null);
  assert.equal(svg.title, await flips('#blocked').locator('h3').textContent());
  const { name, bytes } = await save(page, flips('#allowed'), 'CSV');
  assert.equal(name, 'pe-lab-flip-frequency-dim-8.csv');
  assert.deepEqual(parseCsv(bytes.toString('utf8'))[8], ['8', '128', String(1 / 128)]);
  // Chromium warns about this fixture's sandbox itself (scripts with same origin can lift it).
  assert.deepEqual(
    problems.filter((problem) => !problem.includes('can escape its sandboxing')),
    [],
  );
  await page.context().close();
});

test('the tools and the numbers fit a phone: no sideways scroll at 390 px with every table open', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, session.url, { width });
    await page.evaluate(() => window.peDemo.drawAll());
    await screenshot(page, `figure-tools-page-${width}`);
    await page.evaluate(() => {
      for (const toggle of document.querySelectorAll('.figure-tools button[aria-expanded="false"]')) toggle.click();
    });
    assert.equal(await scrollsSideways(page), false, `${width} px`);
    // Each table's name wraps within its scrolling box, however wide the table.
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('.figure-tools:not([hidden]) .figure-numbers:not([hidden])')]
        .filter((box) => {
          const caption = box.querySelector('.figure-numbers-caption').getBoundingClientRect();
          return caption.right > box.getBoundingClientRect().right || caption.left < box.getBoundingClientRect().left;
        })
        .map((box) => box.querySelector('.figure-numbers-caption').textContent),
    );
    assert.deepEqual(overflowing, [], `${width} px: table names past their box`);
    // The page is too long now for one screenshot: the grid's figure with its table.
    await screenshotOf(page.locator('[data-view-slot="grid"] figure.figure'), `figure-tools-numbers-${width}`);
    assert.deepEqual(problems, [], `${width} px`);
    await page.context().close();
  }
});
