// The oscillation view in headless Chromium: alone (?view=waves) and on the full page, square
// waves per index with their flip periods, the falling flip-frequency curve, the smooth overlay
// on request, presets, the URL following the controls, friendly errors, and 390 px.
// Run: node --test tests/e2e/waves.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentQuery, openPage, screenshot, scrollsSideways, snapshot, useSession, visibleSteps } from './support/browser.mjs';

const session = useSession();

function openWaves(query, options) {
  return openPage(session, `${session.url}index.html?view=waves${query}`, options);
}

// The two charts' SVG elements: [square waves, flip frequency].
const charts = (page) => page.locator('svg.wave-chart');

test('?view=waves&start=64&count=12&dim=8 shows only the waves: the lecture range', async () => {
  for (const width of [1280, 390, 300]) {
    const { page, problems } = await openWaves('&start=64&count=12&dim=8', { width });
    assert.deepEqual(await visibleSteps(page), ['waves']);
    const state = await snapshot(page);
    assert.deepEqual([state.view, state.start, state.count, state.dim, state.smooth], ['waves', 64, 12, 8, false]);
    assert.deepEqual(state.flipPeriods, [1, 2, 4, 8, 16, 32, 64, 128]);
    // Index 1 alternates, index 2 in pairs, index 3 in fours; indices 5-8 do not change in 64..75.
    assert.equal(state.lanes[0].bits, '010101010101');
    assert.equal(state.lanes[1].bits, '001100110011');
    assert.equal(state.lanes[2].bits, '000011110000');
    assert.equal(state.lanes[3].bits, '000000001111');
    assert.deepEqual(
      state.lanes.map((lane) => lane.flipsHere),
      [11, 5, 2, 1, 0, 0, 0, 0],
    );
    assert.equal(state.lanes[6].bits, '111111111111'); // index 7: 64 = 1000000
    // One labelled lane per index, each saying its flip period.
    const labels = await page.locator('.lane-label').allTextContents();
    assert.equal(labels.length, 8);
    // The long form where every label fits; at 300 px index 8's does not, so all take the short one.
    const form = (long, short) => (width === 300 ? short : long);
    assert.match(labels[0], form(/^index 1 \(LSB\) · flips every position$/, /^index 1 \(LSB\) · every position$/));
    assert.match(labels[3], form(/^index 4 · flips every 8 positions$/, /^index 4 · every 8$/));
    assert.match(labels[7], form(/^index 8 \(MSB\) · flips every 128 positions$/, /^index 8 \(MSB\) · every 128$/));
    const overhang = await page.locator('.lane-label').evaluateAll((texts) => {
      const chart = texts[0].ownerSVGElement.getBoundingClientRect();
      return Math.max(...texts.map((text) => text.getBoundingClientRect().right - chart.right));
    });
    assert.ok(overhang <= 0, `lane labels end inside the chart at ${width} px (overhang ${overhang})`);
    // Every lane that stays flat says so, at every width (indices 5 to 8 here).
    const flat = await page
      .locator('.lane')
      .evaluateAll((lanes) => lanes.map((lane) => lane.querySelector('.no-flip-note')?.textContent ?? null));
    assert.deepEqual(flat, [null, null, null, null, 'no flip here', 'no flip here', 'no flip here', 'no flip here']);
    assert.equal(await scrollsSideways(page), false, `no sideways scroll at ${width} px`);
    await screenshot(page, `waves-lecture-range-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('the flip frequency falls by half from each index to the next', async () => {
  const { page, problems } = await openWaves('&dim=8');
  const state = await snapshot(page);
  assert.deepEqual(state.flipsPerPosition, [1, 1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128]);
  const frequency = charts(page).nth(1);
  const dots = await frequency.locator('circle').evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute('cy'))));
  assert.equal(dots.length, 8);
  // Height above the x axis (at flips = 0) halves at each step: the drawn curve is 1 / 2^(k-1).
  const baseline = await frequency.locator('.axis-bottom line').first().getAttribute('y1');
  const heights = dots.map((cy) => Number(baseline) - cy);
  for (let k = 1; k < 8; k += 1) assert.ok(Math.abs(heights[k] / heights[0] - 1 / 2 ** k) < 1e-3, `index ${k + 1}`);
  const text = await frequency.textContent();
  assert.match(text, /fine-grained/);
  assert.match(text, /coarse/);
  assert.match(text, /flips per position/);
  assert.match(text, /index k \(1 = LSB\)/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the smooth counterpart is overlaid on request and the URL follows', async () => {
  for (const width of [1280, 390, 300]) {
    const { page, problems } = await openWaves('&start=64&count=12&dim=8', { width });
    const waves = charts(page).first();
    assert.equal(await waves.locator('path[stroke-dasharray]').count(), 0);
    await page.getByLabel(/Smooth counterpart/).check();
    assert.equal(await currentQuery(page), '?view=waves&start=64&count=12&smooth=1');
    const state = await snapshot(page);
    assert.equal(state.smooth, true);
    assert.ok(state.samplesPerPosition >= 4);
    assert.equal(await waves.locator('path[stroke-dasharray]').count(), 8, 'one sinusoid per index');
    const figure = page.locator('figure').first();
    assert.match(await figure.locator('.legend').textContent(), /sinusoid with the same period/);
    assert.match(await figure.locator('.figure-note').textContent(), /sinusoidal encoding/);
    await screenshot(page, `waves-smooth-${width}`);
    await page.getByLabel(/Smooth counterpart/).uncheck();
    assert.equal(await currentQuery(page), '?view=waves&start=64&count=12');
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('on the full page the waves start at 0..63 with 8 bits and fit 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, `${session.url}index.html`, { width });
    const state = (await snapshot(page)).views.waves;
    assert.deepEqual([state.start, state.count, state.dim, state.smooth], [0, 64, 8, false]);
    assert.equal(state.lanes[0].flipsHere, 63);
    assert.equal(await scrollsSideways(page), false);
    await screenshot(page, `waves-page-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('presets and controls; bad values get a message and the charts keep working', async () => {
  const { page, problems } = await openWaves('');
  await page.getByRole('button', { name: '0–255: every index flips' }).click();
  let state = await snapshot(page);
  assert.deepEqual([state.start, state.count, state.dim], [0, 256, 8]);
  assert.deepEqual(
    state.lanes.map((lane) => lane.flipsHere),
    [255, 127, 63, 31, 15, 7, 3, 1],
  );
  assert.equal(await currentQuery(page), '?view=waves&count=256');

  await page.getByRole('button', { name: '0–31, 5 bits' }).click();
  assert.equal((await snapshot(page)).lanes.length, 5);
  assert.equal(await page.locator('.lane-label').count(), 5);

  const message = page.locator('.view-message');
  await page.locator('input[data-field="dim"]').fill('17');
  assert.equal(await message.textContent(), 'Bits d must be a whole number from 1 to 16.');
  assert.equal((await snapshot(page)).dim, 5, 'the last good state stays');
  await page.locator('input[data-field="dim"]').fill('3');
  assert.ok(await message.isHidden());
  await page.locator('input[data-field="start"]').fill('2147483647');
  assert.match(await message.textContent(), /^These settings do not work: count must be an integer from 0 to 1 /);
  await page.locator('input[data-field="count"]').fill('1');
  assert.ok(await message.isHidden());
  state = await snapshot(page);
  assert.deepEqual(state.range, { first: 2147483647, last: 2147483647 });
  assert.deepEqual(
    state.lanes.map((lane) => lane.bits),
    ['1', '1', '1'],
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a bad link falls back to defaults with a note', async () => {
  const { page, problems } = await openWaves('&dim=40&start=2147483647');
  const state = await snapshot(page);
  assert.equal(state.dim, 8);
  assert.match(await page.locator('[data-page-notes]').textContent(), /dim "40" must be a whole number from 1 to 16/);
  // start alone is fine, but with the default 64 positions it runs past 2^31 - 1.
  assert.deepEqual([state.start, state.count], [0, 64]);
  assert.match(state.message, /The link’s range does not work/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// The readout line under each chart: [square waves, flip frequency].
const readouts = (page) => page.locator('svg.wave-chart + .readout');

// The centre of position p's step in lane i (0-based) of the square waves, from the lane's two
// grid lines (at bit 1 and bit 0, across the plot).
async function laneCell(page, { i, p, start, count }) {
  const [high, low] = await page
    .locator('.lane')
    .nth(i)
    .locator('line')
    .evaluateAll((lines) =>
      lines.map((line) => ({
        left: Number(line.getAttribute('x1')),
        right: Number(line.getAttribute('x2')),
        y: Number(line.getAttribute('y1')),
      })),
    );
  const step = (high.right - high.left) / count;
  return { x: high.left + (p - start + 0.5) * step, y: (high.y + low.y) / 2 };
}

test('pointing at a square wave reads the bit of that index and position', async () => {
  const { page, problems } = await openWaves('&start=64&count=12');
  const waves = charts(page).first();
  const readout = readouts(page).first();
  assert.equal(await readout.getAttribute('aria-live'), 'polite');
  assert.match(await readout.textContent(), /^Point at a wave/);
  const range = { start: 64, count: 12 };
  await waves.hover({ position: await laneCell(page, { i: 0, p: 65, ...range }) });
  assert.equal(await readout.textContent(), 'index 1 (code index 0), position 65: bit 1');
  assert.equal(await waves.locator('.chart-marker').getAttribute('visibility'), 'visible');
  await waves.hover({ position: await laneCell(page, { i: 1, p: 65, ...range }) });
  assert.equal(await readout.textContent(), 'index 2 (code index 1), position 65: bit 0');
  await waves.hover({ position: await laneCell(page, { i: 6, p: 70, ...range }) });
  assert.equal(await readout.textContent(), 'index 7 (code index 6), position 70: bit 1', '64 = 1000000');
  await page.mouse.move(0, 0);
  assert.match(await readout.textContent(), /^Point at a wave/);
  assert.equal(await waves.locator('.chart-marker').getAttribute('visibility'), 'hidden');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the arrow keys move along the square waves: left and right by position, up and down by index', async () => {
  const { page, problems } = await openWaves('&start=64&count=12');
  const waves = charts(page).first();
  const readout = readouts(page).first();
  const marker = waves.locator('.chart-marker');
  await waves.focus();
  assert.equal(await readout.textContent(), 'index 1 (code index 0), position 64: bit 0');
  const firstX = Number(await marker.getAttribute('x'));
  await page.keyboard.press('ArrowRight');
  assert.equal(await readout.textContent(), 'index 1 (code index 0), position 65: bit 1');
  assert.ok(Number(await marker.getAttribute('x')) > firstX, 'the marker moves right');
  await page.keyboard.press('ArrowDown');
  assert.equal(await readout.textContent(), 'index 2 (code index 1), position 65: bit 0');
  for (let n = 0; n < 5; n += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await readout.textContent(), 'index 7 (code index 6), position 65: bit 1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown'); // stays on the last index
  assert.equal(await readout.textContent(), 'index 8 (code index 7), position 65: bit 0');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');
  assert.equal(await readout.textContent(), 'index 7 (code index 6), position 75: bit 1');
  assert.equal(await marker.getAttribute('visibility'), 'visible');
  await page.keyboard.press('Tab');
  assert.equal(await marker.getAttribute('visibility'), 'hidden', 'leaving the chart hides the marker');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the flip-frequency chart reads each index by keyboard and pointer', async () => {
  const { page, problems } = await openWaves('&dim=16');
  const frequency = charts(page).nth(1);
  const readout = readouts(page).nth(1);
  assert.equal(await readout.getAttribute('aria-live'), 'polite');
  await frequency.focus();
  assert.equal(await readout.textContent(), 'index 1 flips every position: frequency 1 flip per position');
  for (let n = 0; n < 3; n += 1) await page.keyboard.press('ArrowRight');
  assert.equal(await readout.textContent(), 'index 4 flips every 8 positions: frequency 1/8 flips per position');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await readout.textContent(), 'index 3 flips every 4 positions: frequency 1/4 flips per position');
  await page.keyboard.press('End');
  assert.equal(await readout.textContent(), 'index 16 flips every 32,768 positions: frequency 1/32,768 flips per position');
  assert.equal(await frequency.locator('.chart-marker').getAttribute('visibility'), 'visible');
  await frequency.blur();

  const dot = frequency.locator('circle').nth(5);
  const [cx, cy] = await dot.evaluate((circle) => [Number(circle.getAttribute('cx')), Number(circle.getAttribute('cy'))]);
  await frequency.hover({ position: { x: cx + 3, y: cy } });
  assert.equal(await readout.textContent(), 'index 6 flips every 32 positions: frequency 1/32 flips per position');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a narrower window redraws both charts at the new width and resamples the smooth waves', async () => {
  const { page, problems } = await openWaves('&start=0&count=64&dim=8&smooth=1', { width: 1280 });
  const widths = () => charts(page).evaluateAll((svgs) => svgs.map((svg) => Number(svg.getAttribute('width'))));
  const wide = await widths();
  const wideSamples = (await snapshot(page)).samplesPerPosition;
  await page.setViewportSize({ width: 500, height: 900 });
  await page.waitForFunction((before) => Number(document.querySelector('svg.wave-chart').getAttribute('width')) < before, wide[0]);
  const narrow = await widths();
  assert.ok(narrow[0] < wide[0] && narrow[1] === narrow[0], `${wide} -> ${narrow}`);
  assert.ok((await snapshot(page)).samplesPerPosition < wideSamples, 'fewer samples for fewer pixels per position');
  assert.equal(await scrollsSideways(page), false);
  assert.deepEqual(problems, []);
});

// The numbers in an SVG path's "M x,y L x,y ..." or "M x,y H x V y ..." as [command, numbers].
function pathCommands(d) {
  return [...d.matchAll(/([MLHV])([-\d.,]+)/g)].map(([, command, numbers]) => [command, numbers.split(',').map(Number)]);
}

test("the smooth overlay is drawn where its note says: on the bit's side of ½ at every position, the bit itself for index 1, ½ at each jump", async () => {
  for (const [start, count, dim] of [
    [64, 12, 8],
    [0, 32, 5],
    [250, 20, 9],
    [2147483640, 8, 4],
    [0, 3, 1],
  ]) {
    const label = `start ${start}, count ${count}, dim ${dim}`;
    const { page, problems } = await openWaves(`&start=${start}&count=${count}&dim=${dim}&smooth=1`);
    const state = await snapshot(page);
    const lanes = await page.locator('.lane').evaluateAll((nodes) =>
      nodes.map((lane) => ({
        lines: [...lane.querySelectorAll('line')].map((line) => Number(line.getAttribute('y1'))),
        square: lane.querySelector('path:not([stroke-dasharray])').getAttribute('d'),
        smooth: lane.querySelector('path[stroke-dasharray]').getAttribute('d'),
      })),
    );
    assert.equal(lanes.length, dim, label);
    lanes.forEach(({ lines: [high, low], square, smooth }, i) => {
      // The square wave: one flat stretch per position, its edges half-way between positions.
      const edges = pathCommands(square)
        .filter(([command]) => command !== 'V')
        .map(([, numbers]) => numbers[0]);
      assert.equal(edges.length, count + 1, `${label}, index ${i + 1}`);
      const points = pathCommands(smooth).map(([, [x, y]]) => ({ x, value: (low - y) / (low - high) }));
      const at = (x) => points.find((point) => Math.abs(point.x - x) <= 0.11);
      // The curve spans the positions drawn, from the left edge where there is a position before.
      assert.ok(
        Math.abs(points[0].x - (start > 0 ? edges[0] : (edges[0] + edges[1]) / 2)) <= 0.11,
        `${label}, index ${i + 1}: starts at ${points[0].x}`,
      );
      assert.ok(
        Math.abs(points[points.length - 1].x - edges[count]) <= 0.11,
        `${label}, index ${i + 1}: ends at ${points[points.length - 1].x}`,
      );
      for (let r = 0; r < count; r += 1) {
        const p = start + r;
        const bit = Math.floor(p / 2 ** i) % 2;
        const mid = at((edges[r] + edges[r + 1]) / 2);
        assert.ok(mid, `${label}: index ${i + 1} has no sample at position ${p}`);
        // First principles: (1 - sin(2 pi (p + 1/2) / 2^(i+1))) / 2, within the drawing's 0.1 px.
        const expected = (1 - Math.sin((2 * Math.PI * (p + 0.5)) / 2 ** (i + 1))) / 2;
        assert.ok(Math.abs(mid.value - expected) < 0.01, `${label}: index ${i + 1} at ${p} is ${mid.value}, not ${expected}`);
        assert.ok(bit === 1 ? mid.value > 0.5 : mid.value < 0.5, `${label}: index ${i + 1} at ${p} is on the wrong side of ½`);
        if (i === 0) assert.ok(Math.abs(mid.value - bit) < 0.01, `${label}: index 1 at ${p} is not the bit`);
        // Where the bit changes, the curve crosses ½ on the square wave's edge.
        if (r + 1 < count && Math.floor((p + 1) / 2 ** i) % 2 !== bit) {
          assert.ok(Math.abs(at(edges[r + 1]).value - 0.5) < 0.01, `${label}: index ${i + 1} between ${p} and ${p + 1}`);
        }
      }
    });
    const note = await page.locator('figure').first().locator('.figure-note').textContent();
    assert.match(
      note,
      /crossing ½ where the bit jumps, half-way between two positions\. It never jumps\. At each whole position it is above ½ where the bit is 1 and below ½ where it is 0; for index 1, whose period is only 2 positions, it is exactly the bit there/,
    );
    assert.doesNotMatch(note, /at every step/);
    assert.equal(state.samplesPerPosition % 2, 0, 'the half-way points are samples');
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('one bit: the titles speak of one index', async () => {
  const { page, problems } = await openWaves('&start=0&count=8&dim=1');
  const titles = await page.locator('.figure-title').allTextContents();
  assert.deepEqual(titles, [
    'Along the positions, index 1 is a square wave that flips at every position',
    'With one index there is one point: index 1 flips once per position',
  ]);
  assert.match(await page.locator('.lane-label').textContent(), /^index 1 \(LSB and MSB\) · flips every position$/);
  assert.deepEqual(problems, []);
  await page.context().close();
});
