// The sinusoidal view in headless Chromium: alone (?view=sinusoidal) and as step 5 of the page.
// Every number the snapshot reports is checked against web/pe.js run here in Node (the same core),
// and every readout against the value it names; the titles are checked to state those numbers.
// Also keyboard and pointer readouts, presets, the URL round trip, bad links and panel values,
// and 390 px.
// Run: node --test tests/e2e/sinusoidal.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import { formatExact, formatShort, formatSmall } from '../../web/lib/format.js';
import { formatLarge } from '../../web/views/sinusoidal/notation.js';
import { currentQuery, currentUrl, openPage, screenshot, scrollsSideways, snapshot, useSession, visibleSteps } from './support/browser.mjs';

const pe = await loadPE();
const session = useSession();

function openSinusoidal(query, options) {
  return openPage(session, `${session.url}index.html?view=sinusoidal${query}`, options);
}

// Every number of a snapshot against the core, for the settings it reports.
function assertMatchesCore(state) {
  const { start, count, dim, base, layout, by, bits } = state;
  const { data } = pe.encode({ kind: 'sinusoidal', start, count, dim, base, layout });
  assert.deepEqual(state.firstRow, Array.from(data.subarray(0, dim)));
  assert.deepEqual(state.wavelengths, Array.from(pe.sinusoidalFrequencies({ dim, base }).wavelengths));
  const { byOffset } = pe.dotProducts({ data, dim });
  assert.deepEqual(state.similarity.offsetLow, Array.from(byOffset.low));
  assert.deepEqual(state.similarity.offsetHigh, Array.from(byOffset.high));
  assert.equal(state.similarity.squaredLength, byOffset.high[0]);
  const shift = pe.shiftRotation({ dim, base, layout, start, count, by });
  assert.deepEqual(state.rotation.angles, Array.from(shift.angles));
  assert.deepEqual(state.rotation.cos, Array.from(shift.cos));
  assert.deepEqual(state.rotation.sin, Array.from(shift.sin));
  assert.deepEqual(
    [state.rotation.maxError, state.rotation.maxErrorAt, state.rotation.identical],
    [shift.maxError, shift.maxErrorAt, shift.identical],
  );
  assert.equal(state.rotation.matrixShown, dim <= 64);
  const steps = pe.neighbourSteps({ start, count: count - 1, bits });
  assert.deepEqual(state.steps.periods, Array.from(steps.periods));
  assert.deepEqual(state.steps.binary, Array.from(steps.binary));
  assert.deepEqual(state.steps.sinusoidal, Array.from(steps.sinusoidal));
  assert.deepEqual(state.steps.flips, Array.from(pe.binaryStructure({ start, count, dim: bits }).hamming));
  return { data, byOffset, shift, steps };
}

// The heat maps' canvases and readouts: [encoding, similarity matrix, rotation].
const maps = (page) => page.locator('.heat-map canvas');
const mapReadouts = (page) => page.locator('.heat-map .readout');
// The series charts and readouts: [offset curve, neighbour steps].
const curves = (page) => page.locator('.series-chart svg');
const curveReadouts = (page) => page.locator('.series-chart .readout');

test('?view=sinusoidal shows only this view, every number from the core, and fits 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openSinusoidal('', { width });
    assert.deepEqual(await visibleSteps(page), ['sinusoidal']);
    const state = await snapshot(page);
    assert.deepEqual(
      [state.view, state.start, state.count, state.dim, state.by, state.bits, state.base, state.layout],
      ['sinusoidal', 0, 64, 32, 3, 8, 10000, 'interleaved'],
    );
    const { byOffset, shift, steps } = assertMatchesCore(state);
    // The titles state the numbers they are made from.
    const [map, similarity, rotation, neighbours] = state.titles;
    assert.equal(
      map,
      `Each pair of dimensions is one wave, each slower than the one before: pair 0 repeats every 6.28 positions, pair 15 every ${formatShort(state.wavelengths[15])} (${formatShort(state.wavelengths[15] / state.wavelengths[0])} times as long)`,
    );
    assert.equal(
      similarity,
      `PE(p) · PE(q) depends only on the distance q − p: along every diagonal it varies by at most ${formatSmall(state.similarity.largestSpread)}, float32 rounding`,
    );
    assert.ok(state.similarity.largestSpread < 1e-5);
    const spreads = Array.from(byOffset.high, (high, k) => high - byOffset.low[k]);
    assert.equal(state.similarity.largestSpread, Math.max(...spreads));
    assert.equal(
      rotation,
      `PE(p + 3) = R₃ PE(p): one rotation for every p from 0 to 63; the largest difference is ${formatSmall(shift.maxError)}, at p = ${shift.maxErrorAt}, float32 rounding`,
    );
    assert.ok(shift.maxError < 1e-6);
    // 0 -> 63 with 8 bits: the biggest binary jump is 31 -> 32, five bits; every sinusoidal step is the same.
    assert.deepEqual(state.steps.binaryExtent, { min: 1, max: Math.sqrt(6), minAt: 0, maxAt: 31 });
    assert.equal(
      neighbours,
      `Binary steps run from 1 to 2.45 (31 → 32); sinusoidal steps at the same periods are all ${formatShort(steps.sinusoidal[0])}, to within ${formatSmall(state.steps.sinusoidalExtent.max - state.steps.sinusoidalExtent.min)}`,
    );
    assert.ok(state.steps.sinusoidalExtent.max - state.steps.sinusoidalExtent.min < 1e-6);
    assert.equal(state.message, null);
    assert.equal(await scrollsSideways(page), false, `no sideways scroll at ${width} px`);
    await screenshot(page, `sinusoidal-default-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('on the full page it is step 5, after the waves, and fits 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, `${session.url}index.html`, { width });
    const steps = await visibleSteps(page);
    assert.equal(steps.indexOf('sinusoidal'), steps.indexOf('waves') + 1);
    const section = page.locator('section#sinusoidal');
    assert.equal(await section.locator('.step-number').textContent(), '5');
    assert.match(await section.locator('h2').textContent(), /Round waves: the sinusoidal encoding/);
    const state = (await snapshot(page)).views.sinusoidal;
    assertMatchesCore(state);
    await section.scrollIntoViewIfNeeded();
    assert.equal(await scrollsSideways(page), false);
    await screenshot(page, `sinusoidal-page-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test("the paper's d = 512 and the split layout: wavelengths, bands and the rotation pair by pair", async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openSinusoidal('&dim=512&layout=split&start=1000000&count=40&by=100000', { width });
    const state = await snapshot(page);
    assertMatchesCore(state);
    assert.equal(state.rotation.matrixShown, false);
    assert.match(state.titles[0], /pair 255 every 60,600 \(9,650 times as long\)$/);
    const notes = await page.locator('.figure-note').allTextContents();
    assert.match(notes[0], /The first half of the columns holds the sines, the second half the cosines/);
    assert.match(notes[2], /With more than 64 dimensions the matrix is shown pair by pair/);
    // The strip reads the cosine and sine of each pair's turn.
    await maps(page).nth(2).focus();
    const readout = mapReadouts(page).nth(2);
    assert.equal(
      await readout.textContent(),
      `cos(100,000 · w₀) = ${formatExact(state.rotation.cos[0])} · pair 0 turns by 100,000 · w₀ = ${formatShort(state.rotation.angles[0])} rad after whole turns`,
    );
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    assert.equal(
      await readout.textContent(),
      `sin(100,000 · w₂₅₅) = ${formatExact(state.rotation.sin[255])} · pair 255 turns by 100,000 · w₂₅₅ = ${formatShort(state.rotation.angles[255])} rad after whole turns`,
    );
    assert.equal(await scrollsSideways(page), false);
    await screenshot(page, `sinusoidal-paper-split-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('the encoding map reads each value with its formula, by keyboard and by pointer', async () => {
  const { page, problems } = await openSinusoidal('&dim=8&count=16&start=100');
  const state = await snapshot(page);
  const { data } = assertMatchesCore(state);
  const { frequencies, wavelengths } = pe.sinusoidalFrequencies({ dim: 8 });
  const readout = mapReadouts(page).first();
  assert.match(await readout.textContent(), /^Point at a cell/);
  await maps(page).first().focus();
  const cell = (row, col, formula, pair) =>
    `position ${100 + row}, dimension ${col} = ${formula} = ${formatExact(data[row * 8 + col])} · ` +
    `pair ${pair}: w${'₀₁₂₃'[pair]} = ${formatShort(frequencies[pair])}, wavelength ${formatShort(wavelengths[pair])} positions`;
  assert.equal(await readout.textContent(), cell(0, 0, 'sin(100 · w₀)', 0));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.equal(await readout.textContent(), cell(1, 1, 'cos(101 · w₀)', 0));
  await page.keyboard.press('End');
  assert.equal(await readout.textContent(), cell(1, 7, 'cos(101 · w₃)', 3));
  await maps(page).first().blur();
  // The pointer: whatever cell it lands on, the readout names it and gives its value.
  const box = await maps(page).first().boundingBox();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5);
  const [, position, dimension, value] = (await readout.textContent()).match(/^position (\d+), dimension (\d+) = .*? = (\S+) ·/);
  assert.equal(value, formatExact(data[(Number(position) - 100) * 8 + Number(dimension)]));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the similarity matrix and the offset curve read out PE(p) · PE(q) and each diagonal', async () => {
  const { page, problems } = await openSinusoidal('&count=16&dim=16');
  const state = await snapshot(page);
  const { data } = assertMatchesCore(state);
  const dots = pe.dotProducts({ data, dim: 16 });
  await maps(page).nth(1).focus();
  const readout = mapReadouts(page).nth(1);
  assert.equal(await readout.textContent(), `PE(0) · PE(0) = ${formatExact(dots.data[0])} · distance 0`);
  for (let n = 0; n < 5; n += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.equal(await readout.textContent(), `PE(1) · PE(5) = ${formatExact(dots.data[16 + 5])} · distance 4`);

  const curve = curves(page).first();
  const curveReadout = curveReadouts(page).first();
  await curve.focus();
  for (let n = 0; n < 4; n += 1) await page.keyboard.press('ArrowRight');
  const { low, high } = dots.byOffset;
  assert.equal(
    await curveReadout.textContent(),
    `offset k = 4: PE(p) · PE(p + 4) from ${formatExact(low[4])} to ${formatExact(high[4])} for every p from 0 to 11 (a spread of ${formatSmall(high[4] - low[4])})`,
  );
  await page.keyboard.press('End');
  assert.match(await curveReadout.textContent(), /^offset k = 15: .* for p = 0, the one pair this far apart here/);
  assert.equal(await curve.locator('.chart-marker').getAttribute('visibility'), 'visible');
  await curve.blur();
  // The pointer reads the offset under it.
  const box = await curve.boundingBox();
  await page.mouse.move(box.x + box.width - 16, box.y + box.height / 2);
  assert.match(await curveReadout.textContent(), /^offset k = 15: /);
  assert.match(state.titles[1], /^PE\(p\) · PE\(q\) depends only on the distance q − p/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the rotation matrix reads each entry: cos and sin of k·w_j inside a block, 0 between pairs', async () => {
  for (const layout of ['interleaved', 'split']) {
    const { page, problems } = await openSinusoidal(`&dim=8&by=5&layout=${layout}`);
    const state = await snapshot(page);
    const { shift } = assertMatchesCore(state);
    assert.deepEqual(Array.from(shift.matrix).length, 64);
    await maps(page).nth(2).focus();
    const readout = mapReadouts(page).nth(2);
    const turn = `pair 0 turns by 5 · w₀ = ${formatShort(shift.angles[0])} rad after whole turns`;
    assert.equal(
      await readout.textContent(),
      `row 0 (sin of pair 0), column 0 (sin of pair 0): cos(5 · w₀) = ${formatExact(shift.matrix[0])} · ${turn}`,
    );
    await page.keyboard.press('ArrowRight');
    if (layout === 'interleaved') {
      assert.equal(
        await readout.textContent(),
        `row 0 (sin of pair 0), column 1 (cos of pair 0): sin(5 · w₀) = ${formatExact(shift.matrix[1])} · ${turn}`,
      );
      await page.keyboard.press('ArrowRight');
      assert.equal(await readout.textContent(), 'row 0 (sin of pair 0), column 2 (sin of pair 1): 0, pairs do not mix');
    } else {
      assert.equal(await readout.textContent(), 'row 0 (sin of pair 0), column 1 (sin of pair 1): 0, pairs do not mix');
      for (let n = 0; n < 3; n += 1) await page.keyboard.press('ArrowRight');
      assert.equal(
        await readout.textContent(),
        `row 0 (sin of pair 0), column 4 (cos of pair 0): sin(5 · w₀) = ${formatExact(shift.matrix[4])} · ${turn}`,
      );
      await page.keyboard.press('Home');
      for (let n = 0; n < 4; n += 1) await page.keyboard.press('ArrowDown');
      assert.equal(
        await readout.textContent(),
        `row 4 (cos of pair 0), column 0 (sin of pair 0): −sin(5 · w₀) = ${formatExact(shift.matrix[32])} · ${turn}`,
      );
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('binary against sinusoidal: the 127 → 128 preset, read by keyboard and pointer', async () => {
  const { page, problems } = await openSinusoidal('');
  await page.getByRole('button', { name: '127 → 128 with 8 bits' }).click();
  const state = await snapshot(page);
  const { steps } = assertMatchesCore(state);
  assert.deepEqual([state.start, state.count, state.bits], [120, 16, 8]);
  assert.equal(await currentQuery(page), '?view=sinusoidal&start=120&count=16');
  assert.deepEqual(state.steps.binaryExtent, { min: 1, max: Math.sqrt(8), minAt: 0, maxAt: 7 });
  assert.match(state.titles[3], /^Binary steps run from 1 to 2\.83 \(127 → 128\); sinusoidal steps at the same periods are all 2\.61/);
  const chart = curves(page).nth(1);
  const readout = curveReadouts(page).nth(1);
  await chart.focus();
  for (let n = 0; n < 7; n += 1) await page.keyboard.press('ArrowRight');
  assert.equal(
    await readout.textContent(),
    `127 → 128: binary ${formatExact(Math.sqrt(8))} (all 8 bits flip), sinusoidal ${formatExact(steps.sinusoidal[7])}`,
  );
  await page.keyboard.press('ArrowRight');
  assert.equal(await readout.textContent(), `128 → 129: binary 1 (1 of 8 bits flip), sinusoidal ${formatExact(steps.sinusoidal[8])}`);
  await chart.blur();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width - 16, box.y + box.height / 2);
  assert.match(await readout.textContent(), /^134 → 135: binary 1 \(1 of 8 bits flip\)/);
  const note = await page.locator('figure').nth(3).locator('.figure-note').textContent();
  assert.match(
    note,
    /^What is compared: for each index k from 1 to 8, the binary bit of index k, 0 or 1, which repeats every 2\^k positions \(2 to 256\), against the sinusoidal pair \(sin 2πp\/2\^k, cos 2πp\/2\^k\) with the same period/,
  );
  await screenshot(page, 'sinusoidal-127-128');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the URL follows every control, and reopening it shows the same numbers', async () => {
  const { page, problems } = await openSinusoidal('');
  await page.locator('input[data-field="dim"]').fill('8');
  await page.locator('input[data-field="by"]').fill('7');
  await page.locator('input[data-field="bits"]').fill('4');
  await page.locator('input[data-field="base"]').fill('500');
  await page.locator('select[data-field="layout"]').selectOption('split');
  await page.locator('input[data-field="start"]').fill('30');
  await page.locator('input[data-field="count"]').fill('20');
  assert.equal(await currentQuery(page), '?view=sinusoidal&start=30&count=20&dim=8&by=7&bits=4&base=500&layout=split');
  const before = await snapshot(page);
  assertMatchesCore(before);
  const url = await currentUrl(page);
  await page.context().close();

  const reopened = await openPage(session, url);
  const after = await snapshot(reopened.page);
  assert.deepEqual(after, before);
  assert.deepEqual([...problems, ...reopened.problems], []);
  await reopened.page.context().close();
});

test('bad link values fall back with a note; the panel reports values the core rejects and keeps the last good state', async () => {
  let { page, problems } = await openSinusoidal('&dim=7&base=1&layout=rotated&bits=99&count=1');
  let state = await snapshot(page);
  assert.deepEqual([state.dim, state.base, state.layout, state.bits, state.count], [32, 10000, 'interleaved', 8, 64]);
  const notes = await page.locator('[data-page-notes]').textContent();
  for (const mention of [
    'dim "7" must be an even whole number from 2 to 512',
    'base "1" must be a finite number greater than 1',
    'layout "rotated" must be one of interleaved, split',
    'bits "99" must be a whole number from 1 to 16',
    'count "1" must be a whole number from 2 to 256',
  ]) {
    assert.ok(notes.includes(mention), `${mention} in ${notes}`);
  }
  assert.equal(await currentQuery(page), '?view=sinusoidal');
  assert.deepEqual(problems, []);
  await page.context().close();

  // Each value is fine alone, but the shifted range runs past 2^31 - 1: the default range instead.
  ({ page, problems } = await openSinusoidal('&start=2147483600&by=1000'));
  state = await snapshot(page);
  assert.deepEqual([state.start, state.count, state.by], [0, 64, 3]);
  assert.match(state.message, /^The link’s range does not work \(count must be an integer from 0 to 48 /);
  assertMatchesCore(state);

  const message = page.locator('.view-message');
  await page.locator('input[data-field="dim"]').fill('9');
  assert.equal(
    await message.textContent(),
    'These settings do not work: dim must be even for sinusoidal (one sin/cos pair per frequency); received 9.',
  );
  assert.equal((await snapshot(page)).dim, 32, 'the last good state stays');
  await page.locator('input[data-field="dim"]').fill('10');
  assert.ok(await message.isHidden());
  await page.locator('input[data-field="base"]').fill('0.5');
  assert.equal(await message.textContent(), 'These settings do not work: base must be a finite number greater than 1; received 0.5.');
  await page.locator('input[data-field="base"]').fill('20');
  await page.locator('input[data-field="by"]').fill('2147483647');
  assert.match(await message.textContent(), /^These settings do not work: by must be an integer from 0 to 2147483584 /);
  await page.locator('input[data-field="by"]').fill('2147483584');
  assert.ok(await message.isHidden());
  state = await snapshot(page);
  assert.deepEqual([state.dim, state.base, state.by], [10, 20, 2147483584]);
  assertMatchesCore(state);
  assert.ok(state.rotation.identical, 'the rotation holds for an offset of 2^31 - 64 too');
  await page.locator('input[data-field="count"]').fill('300');
  assert.equal(await message.textContent(), 'Positions must be a whole number from 2 to 256.');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('one bit, two positions, two dimensions: the smallest settings still say what holds', async () => {
  const { page, problems } = await openSinusoidal('&bits=1&count=2&dim=2&by=0');
  const state = await snapshot(page);
  assertMatchesCore(state);
  assert.equal(state.titles[0], 'One pair of dimensions, one wave: sin and cos of the position, repeating every 6.28 positions');
  assert.equal(state.titles[2], 'PE(p + 0) = R₀ PE(p): one rotation for every p from 0 to 1, exactly: not one value differs');
  assert.equal(state.titles[3], 'The one step here, 0 → 1, is 1 long in binary and 2 in sinusoidal');
  const note = await page.locator('figure').nth(3).locator('.figure-note').textContent();
  assert.match(note, /^What is compared: for index k = 1, the binary bit of index k, 0 or 1, which repeats every 2 positions,/);
  assert.match(note, /With one bit every binary step flips it: a step of 1;/);
  // Three positions, two steps, one bit: every binary step is the same length too.
  await page.locator('input[data-field="count"]').fill('3');
  assert.equal((await snapshot(page)).titles[3], 'Every binary step here is 1 long; sinusoidal steps at the same periods are all 2');
  assert.deepEqual(state.range, { first: 0, last: 1 });
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a base of 10^300: wavelengths, frequencies and angles written as powers of ten', async () => {
  const { page, problems } = await openSinusoidal('&base=1e300&dim=16');
  const state = await snapshot(page);
  assertMatchesCore(state);
  assert.equal(state.base, 1e300);
  assert.equal(formatLarge(state.wavelengths[7]), '1.99 × 10²⁶³');
  assert.equal(
    state.titles[0],
    `Each pair of dimensions is one wave, each slower than the one before: pair 0 repeats every 6.28 positions, pair 7 every ${formatLarge(state.wavelengths[7])} (${formatLarge(state.wavelengths[7] / state.wavelengths[0])} times as long)`,
  );
  await maps(page).first().focus();
  await page.keyboard.press('End');
  assert.match(await mapReadouts(page).first().textContent(), /· pair 7: w₇ = 3\.2 × 10⁻²⁶³, wavelength 1\.99 × 10²⁶³ positions$/);
  const rotationNote = await page.locator('figure').nth(2).locator('.figure-note').textContent();
  assert.match(rotationNote, /Here pair 0 turns by 3 rad and pair 7 by 9\.\d × 10⁻²⁶³ rad/);
  assert.equal(await scrollsSideways(page), false);
  assert.deepEqual(problems, []);
  await page.context().close();
});
