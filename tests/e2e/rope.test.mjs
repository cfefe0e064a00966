// The RoPE view in headless Chromium: alone (?view=rope) and on the full page. Every number the
// snapshot reports is checked against web/pe.js run in Node (the same core); pointer and keyboard
// readouts of every chart; play and pause, and reduced motion (no animation, the slider still
// works); the URL following the controls and a round trip through it; bad links; 390 px.
// Run: node --test tests/e2e/rope.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import {
  currentQuery,
  currentUrl,
  openPage,
  screenshot,
  scrollsSideways,
  snapshot,
  useSession,
  visibleSteps,
  waitForSnapshot,
} from './support/browser.mjs';

const pe = await loadPE();
const session = useSession();

function openRope(query = '', options) {
  return openPage(session, `${session.url}index.html?view=rope${query}`, options);
}

const same = (actual, expected, what) => {
  assert.equal(actual.length, expected.length, what);
  expected.forEach((value, j) => assert.equal(actual[j], value, `${what}[${j}]`));
};
const other = (pairing) => (pairing === 'half' ? 'interleaved' : 'half');

// Every number of the snapshot against the core in Node.
function checkAgainstCore(s) {
  const rope = { dim: s.dim, base: s.base };
  const weights = pe.attentionWeights({ dim: s.dim });
  const row = s.seed % s.dim;
  const [q, k] = [weights.query, weights.key].map((w) => w.subarray(row * s.dim, (row + 1) * s.dim));
  same(s.query, Array.from(q), 'query');
  same(s.key, Array.from(k), 'key');
  same(s.frequencies, Array.from(pe.ropeFrequencies(rope)), 'frequencies');
  same(s.wavelengths, Array.from(pe.ropeBands(rope).originalWavelengths), 'wavelengths');
  const options = { ...rope, pairing: s.pairing, position: s.position, count: s.span + 1 };
  const random = pe.ropeScores({ ...options, query: q, key: k });
  const aligned = pe.ropeScores({ ...options, query: q, key: q });
  same(s.offsetCurve, Array.from(random.scores), 'offsetCurve');
  same(s.alignedCurve, Array.from(aligned.scores), 'alignedCurve');
  same(s.bounds.random, Array.from(random.bounds), 'bounds.random');
  same(s.bounds.aligned, Array.from(aligned.bounds), 'bounds.aligned');
  for (const pairing of ['interleaved', 'half']) {
    same(s.rotated[pairing], Array.from(pe.rotate({ ...rope, data: q, start: s.position, pairing })), `rotated.${pairing}`);
  }
  const pairs = pe.ropePairingPermutation({ dim: s.dim, from: s.pairing, to: 'interleaved' });
  s.clocks.forEach(({ pair, channels, hand }) => {
    assert.deepEqual(channels, [pairs[2 * pair], pairs[2 * pair + 1]]);
    assert.deepEqual(
      hand,
      channels.map((c) => s.rotated[s.pairing][c]),
    );
  });
  const permutation = pe.ropePairingPermutation({ dim: s.dim, from: s.pairing, to: other(s.pairing) });
  same(s.mismatch.permutation, Array.from(permutation), 'permutation');
  const converted = [q, k].map((v) => Float32Array.from(permutation, (c) => v[c]));
  const runOther = { ...options, pairing: other(s.pairing) };
  same(s.mismatch.wrong, Array.from(pe.ropeScores({ ...runOther, query: q, key: k }).scores), 'wrong');
  same(s.mismatch.fixed, Array.from(pe.ropeScores({ ...runOther, query: converted[0], key: converted[1] }).scores), 'fixed');
  const preset = pe.ropePresets.find(({ name }) => name === s.preset);
  const bands = pe.ropeBands({ dim: preset.dim, base: preset.base, scaling: preset.scaling });
  assert.deepEqual(s.bands, bands.counts);
  assert.deepEqual(s.long.bands, bands.bands);
  same(s.long.wavelengths, Array.from(bands.wavelengths), 'long.wavelengths');
  assert.equal(s.long.mscale, preset.scaling?.type === 'yarn' ? pe.yarnMscale({ factor: preset.scaling.factor }) : null);
}

test('?view=rope shows the RoPE view alone, every number from the core, at 1280 and 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openRope('', { width });
    assert.deepEqual(await visibleSteps(page), ['rope']);
    const s = await snapshot(page);
    assert.deepEqual(
      [s.view, s.dim, s.base, s.pairing, s.position, s.span, s.seed, s.preset],
      ['rope', 32, 10000, 'interleaved', 20, 256, 1, 'llama3.1'],
    );
    assert.deepEqual(s.bands, { kept: 29, blended: 6, divided: 29 });
    checkAgainstCore(s);
    assert.equal(s.clocks.length, 16);
    assert.equal(await page.locator('.rope-clocks circle').count(), 16);
    assert.equal(await scrollsSideways(page), false, `no sideways scroll at ${width} px`);
    await screenshot(page, `rope-default-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('titles say what to notice, generated from the numbers on screen', async () => {
  const { page, problems } = await openRope('&dim=16&position=300&preset=deepseek-v3');
  const s = await snapshot(page);
  checkAgainstCore(s);
  const [clocks, offsets, cells, mismatch, long] = s.titles;
  const theta = s.frequencies;
  assert.match(
    clocks,
    /^Pair 0 turns 1 rad per position \(a turn every 6\.28 positions\), pair 7 3\.16 × 10⁻⁴ rad \(a turn every 19,900\), 3,160 times slower: fast pairs spin, slow pairs barely move$/,
  );
  assert.ok(
    theta.every((t, i) => i === 0 || t < theta[i - 1]),
    'every pair turns more slowly than the one before',
  );
  const atZero = pe.ropeScores({ query: Float32Array.from(s.query), key: Float32Array.from(s.key), dim: 16, count: 257 }).scores;
  const drift = Math.max(...s.offsetCurve.map((v, j) => Math.abs(v - atZero[j])));
  assert.equal(s.largestDifferenceFromPosition0 >= drift, true);
  assert.ok(s.largestDifferenceFromPosition0 < 1e-6, 'the same curve at m = 300 as at m = 0');
  assert.match(
    offsets,
    /^The score depends only on the offset n − m: at m = 300 they are the curves of m = 0 to within .* × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/,
  );
  const differing = s.rotated.interleaved.filter((v, c) => v !== s.rotated.half[c]).length;
  assert.equal(cells, `At m = 300 the two pairings turn the same q into different vectors: ${differing} of 16 channels differ`);
  assert.ok(s.mismatch.largestWrong > 0.05 && s.mismatch.largestFixed < 1e-6);
  assert.match(
    mismatch,
    /^Trained with interleaved pairing, run with half: scores off by up to 0\.\d+; with the rows of W_q and W_k permuted, they agree (exactly|to within .*)$/,
  );
  assert.equal(
    long,
    'DeepSeek-V3, rope part (YaRN factor 40, d 64): 11 fast pairs kept, 12 blended, 9 slow pairs turned 40× more slowly, to run at 163,840 positions instead of 4,096',
  );
  // The decay is a bound, not a property of every q and k: the note counts the rises it shows.
  const rises = s.alignedCurve.filter((v, j) => j > 0 && v > s.alignedCurve[j - 1]).length;
  const note = await page.locator('figure').nth(1).locator('.figure-note').textContent();
  assert.match(note, /upper bound on the size of the score/);
  assert.ok(note.includes(`the aligned curve rises at ${rises} of its 256 steps`), note);
  assert.ok(rises > 0);
  s.offsetCurve.forEach((v, j) => assert.ok(Math.abs(v) <= s.bounds.random[j]));
  const position0 = await openRope('&position=0');
  assert.match((await snapshot(position0.page)).titles[1], /move m, and the curves stay where they are$/);
  assert.match((await snapshot(position0.page)).titles[2], /^At m = 0 nothing turns: both pairings leave q as it is$/);
  await position0.page.context().close();
  const unscaled = await openRope('&preset=llama3');
  assert.match(
    (await snapshot(unscaled.page)).titles[4],
    /^Llama 3 \(base 500,000, d 128\): no scaling, all 64 pairs kept, one turn every 6\.28 to .* positions; \d+ of them need more than its 8,192-position context for one turn$/,
  );
  const longer = pe.ropeBands({ dim: 128, base: 500000 }).originalWavelengths.filter((w) => w > 8192).length;
  assert.ok((await snapshot(unscaled.page)).titles[4].includes(`; ${longer} of them`));
  await unscaled.page.context().close();
  assert.deepEqual([...problems, ...position0.problems, ...unscaled.problems], []);
  await page.context().close();
});

test('play turns the hands one position per frame and pause stops them', async () => {
  const { page, problems } = await openRope('&position=100');
  const play = page.getByRole('button', { name: 'Play' });
  assert.equal(await page.locator('.control-hint').isHidden(), true);
  await play.click();
  await waitForSnapshot(page, (state) => state.position >= 110);
  assert.equal((await snapshot(page)).playing, true);
  await page.getByRole('button', { name: 'Pause' }).click();
  const stopped = await snapshot(page);
  assert.equal(stopped.playing, false);
  await page.waitForTimeout(200);
  const later = await snapshot(page);
  assert.equal(later.position, stopped.position, 'nothing moves after pause');
  checkAgainstCore(later);
  assert.equal(
    await page.locator('[data-field="position-box"], input[type="number"][max="100000"]').first().inputValue(),
    String(later.position),
  );
  assert.equal(await currentQuery(page), `?view=rope&position=${later.position}`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('with reduced motion nothing plays by itself and the slider still works', async () => {
  const { page, problems } = await openRope('', { reducedMotion: 'reduce' });
  const play = page.getByRole('button', { name: 'Play' });
  assert.equal(await play.isDisabled(), true);
  assert.match(await page.locator('.control-hint').textContent(), /reduced motion/);
  assert.equal((await snapshot(page)).reducedMotion, true);
  const slider = page.locator('input[type="range"][data-field="position"]');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const s = await snapshot(page);
  assert.deepEqual([s.position, s.playing], [22, false]);
  checkAgainstCore(s);
  // Switching reduced motion off while the page is open enables Play; on again stops it.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await play.click();
  await waitForSnapshot(page, (state) => state.position >= 25);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await waitForSnapshot(page, (state) => !state.playing);
  assert.equal(await play.isDisabled(), true);
  const stopped = (await snapshot(page)).position;
  await page.waitForTimeout(150);
  assert.deepEqual([(await snapshot(page)).position, (await snapshot(page)).playing], [stopped, false]);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the controls follow into the URL, and the URL brings them back', async () => {
  const { page, problems } = await openRope();
  await page.locator('select[data-field="dim"]').selectOption('64');
  await page.locator('input[data-field="base"]').fill('500000');
  await page.locator('select[data-field="pairing"]').selectOption('half');
  await page.locator('select[data-field="span"]').selectOption('1024');
  await page.getByRole('button', { name: 'Other random q, k' }).click();
  await page.locator('select[data-field="preset"]').selectOption('llama3.2');
  await page.locator('input[type="number"][max="100000"]').fill('4096');
  assert.equal(await currentQuery(page), '?view=rope&dim=64&base=500000&pairing=half&position=4096&span=1024&seed=2&preset=llama3.2');
  const before = await snapshot(page);
  checkAgainstCore(before);
  assert.deepEqual(before.bands, { kept: 15, blended: 3, divided: 14 });
  const reopened = await openPage(session, await currentUrl(page));
  const after = await snapshot(reopened.page);
  assert.deepEqual(after, before);
  assert.deepEqual([...problems, ...reopened.problems], []);
  await reopened.page.context().close();
  await page.context().close();
});

test('bad link values fall back to their defaults with a note; a bad base in the box gets a message', async () => {
  const { page, problems } = await openRope('&dim=7&base=0.5&pairing=neox&position=-3&span=100&seed=x&preset=gpt2');
  const s = await snapshot(page);
  assert.deepEqual([s.dim, s.base, s.pairing, s.position, s.span, s.seed, s.preset], [32, 10000, 'interleaved', 20, 256, 1, 'llama3.1']);
  const notes = await page.locator('[data-page-notes]').textContent();
  for (const expected of [
    'dim "7" must be one of 8, 16, 32, 64, 128',
    'base "0.5" must be a finite number greater than 1',
    'pairing "neox" must be one of interleaved, half',
    'position "-3" must be a whole number from 0 to 100000',
    'span "100" must be one of 64, 256, 1024, 4096',
    'seed "x" must be a whole number',
    'preset "gpt2" must be one of rope, llama3, llama3.1, llama3.2, deepseek-v3',
  ])
    assert.ok(notes.includes(expected), `${expected} in ${notes}`);
  assert.equal(await currentQuery(page), '?view=rope');
  await page.locator('input[data-field="base"]').fill('1');
  assert.equal(
    await page.locator('.view-message').textContent(),
    'This base does not work: base must be a finite number greater than 1; received 1.',
  );
  assert.equal((await snapshot(page)).base, 10000, 'the last good base stays');
  await page.locator('input[type="number"][max="100000"]').fill('100001');
  assert.equal(await page.locator('.view-message').textContent(), 'The position m must be a whole number from 0 to 100,000.');
  assert.equal((await snapshot(page)).position, 20);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('every chart reads out by keyboard and by pointer', async () => {
  const { page, problems } = await openRope('&dim=16&position=10');
  const s = await snapshot(page);
  const readout = (chart) => chart.locator('xpath=following-sibling::p[contains(@class, "readout")][1]');
  // Clocks.
  const clocks = page.locator('svg.rope-clocks');
  await clocks.focus();
  assert.match(
    await readout(clocks).textContent(),
    /^pair 0 \(channels 0 and 1\): turns 1 rad per position, a full turn every 6\.28 positions; at m = 10 the hand is \(/,
  );
  await page.keyboard.press('ArrowRight');
  assert.match(
    await readout(clocks).textContent(),
    /^pair 1 \(channels 2 and 3\): turns 0\.316 rad per position, a full turn every 19\.9 positions/,
  );
  await page.keyboard.press('End');
  assert.match(await readout(clocks).textContent(), /^pair 7 \(channels 14 and 15\)/);
  const circle = clocks.locator('circle').nth(3);
  const [cx, cy] = await circle.evaluate((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]);
  await clocks.hover({ position: { x: cx, y: cy } });
  assert.match(await readout(clocks).textContent(), /^pair 3 \(channels 6 and 7\)/);
  // The offset chart.
  const offsetChart = page.locator('svg.rope-chart').nth(0);
  await offsetChart.focus();
  const text0 = await readout(offsetChart).textContent();
  assert.ok(text0.startsWith('offset 0 (m = 10, n = 10): random q, k '), text0);
  await page.keyboard.press('End');
  assert.match(await readout(offsetChart).textContent(), /^offset 256 \(m = 10, n = 266\): random q, k /);
  await page.keyboard.press('ArrowLeft');
  assert.match(await readout(offsetChart).textContent(), /^offset 255 /);
  const box = await offsetChart.boundingBox();
  await page.mouse.move(box.x + box.width - 20, box.y + 100);
  assert.match(await readout(offsetChart).textContent(), /^offset 2[45]\d /);
  // The pairing cells.
  const canvas = page.locator('.cell-canvas canvas');
  await canvas.focus();
  const cellReadout = page.locator('.cell-canvas + .readout');
  assert.match(await cellReadout.textContent(), /^channel 0 of q: .*; interleaved pairs it with channel 1, half with channel 8$/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  assert.match(await cellReadout.textContent(), /^channel 1 of R_m q at m = 10, interleaved pairing \(with channel 0\): /);
  await page.keyboard.press('ArrowDown');
  assert.match(await cellReadout.textContent(), /^channel 1 of R_m q at m = 10, half pairing \(with channel 9\): /);
  // The mismatch chart and the wavelengths.
  const mismatchChart = page.locator('svg.rope-chart').nth(1);
  await mismatchChart.focus();
  assert.match(await readout(mismatchChart).textContent(), /^offset 0: trained .*, run with half .*, with rows permuted /);
  const longChart = page.locator('svg.rope-chart').nth(2);
  await longChart.focus();
  await page.keyboard.press('End');
  assert.match(await readout(longChart).textContent(), /^pair 63: a turn every .* positions before scaling, .* after \(divided\)$/);
  await page.keyboard.press('Home');
  assert.match(await readout(longChart).textContent(), /^pair 0: a turn every 6\.28 positions before scaling, 6\.28 after \(kept\)$/);
  assert.equal(s.bands.kept, 29);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('on the full page the RoPE view follows the sinusoidal step, drawn with its own settings, at 1280 and 390 px', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, `${session.url}index.html?rope.position=64&rope.preset=deepseek-v3`, { width });
    const steps = await visibleSteps(page);
    assert.equal(steps[steps.indexOf('sinusoidal') + 1], 'rope');
    const s = (await snapshot(page)).views.rope;
    assert.deepEqual([s.position, s.preset], [64, 'deepseek-v3']);
    checkAgainstCore(s);
    assert.equal(await scrollsSideways(page), false);
    await page.locator('#rope').scrollIntoViewIfNeeded();
    await screenshot(page, `rope-page-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

// The context lines' labels clear of the pairs' dots (issue 23, finding 20), for every
// configuration, at 390 and 1280 px: a label sits on the side of the line the dots are not.
test('the long-context labels are clear of the dots at 390 and 1280 px', async () => {
  for (const width of [390, 1280]) {
    const { page, problems } = await openPage(session, `${session.url}index.html?view=rope`, { width, height: 844 });
    const select = page.locator('[data-view-slot="rope"] select[data-field="preset"]');
    const chart = page.locator('[data-view-slot="rope"] .figure:has(select) svg.rope-chart');
    for (const preset of await select.locator('option').evaluateAll((options) => options.map((option) => option.value))) {
      await select.selectOption(preset);
      const crowded = await chart.evaluate((svg) => {
        const dots = [...svg.querySelectorAll('circle')].map((dot) => dot.getBoundingClientRect());
        return [...svg.querySelectorAll('.chart-annotation')].flatMap((label) => {
          const box = label.getBoundingClientRect();
          const near = dots.filter((dot) => dot.right > box.left && dot.left < box.right && dot.bottom > box.top && dot.top < box.bottom);
          return near.length > 0 ? [`“${label.textContent}” covers ${near.length} dots`] : [];
        });
      });
      assert.deepEqual(crowded, [], `${preset} at ${width}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});
