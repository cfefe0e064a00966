// The sentence view with every position scheme of the core's registry, in real headless Chromium:
// the selector and each scheme's own options, where the copies of a word come apart (stage strip),
// the attention-weight matrices, moving the whole sentence, and the four settings of mask and
// positions. Expected values come from web/pe.js in Node (the same module the page loads).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import { currentParams, openPage, screenshot, scrollsSideways, snapshot, useSession } from './support/browser.mjs';
import { encoding, typeSentence, viewMessage } from './support/sentence-views.mjs';

const DOG = 'The dog chased another dog';
// The stage at which each kind of scheme separates the two dogs, as the strip's columns name it.
const STAGE_OF = { none: null, input: 'input', queryKey: 'queries and keys', scores: 'weights' };

const pe = await loadPE();
const session = useSession();

async function openSentence(query = '', options) {
  return openPage(session, `${session.url}?view=sentence${query}`, options);
}

// The column heading of the outlined (first differing) cell of the first stage strip, or null.
function firstStage(page) {
  return page.evaluate(() => {
    const strip = document.querySelector('.stage-strip');
    const cell = strip.querySelector('.is-first');
    if (!cell) return null;
    return strip.querySelectorAll('thead th')[cell.cellIndex - 1].textContent;
  });
}

test('the selector lists the registry, and each scheme separates the dogs at its own stage', async () => {
  const { page, problems } = await openSentence();
  const offered = await encoding(page)
    .locator('option')
    .evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual(
    offered,
    pe.schemes.map(({ name }) => name),
  );
  for (const scheme of pe.schemes) {
    await encoding(page).selectOption(scheme.name);
    const [pair] = (await snapshot(page)).pairs;
    const expected = pe.analyze(DOG, { kind: scheme.name }).pairs[0];
    assert.equal(pair.firstDifference, expected.firstDifference, scheme.name);
    assert.deepEqual(pair.identical, expected.identical, scheme.name);
    assert.equal(await firstStage(page), STAGE_OF[scheme.actsOn], scheme.name);
    const title = await page.locator('.group-comparison .figure-title').textContent();
    if (scheme.actsOn === 'none') assert.match(title, /identical at every stage with no positions/);
    else
      assert.match(
        title,
        new RegExp(
          `with ${scheme.label.replace(/[()]/g, '\\$&')}, the copies first differ in their (attention )?${STAGE_OF[scheme.actsOn]}`,
        ),
      );
  }
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('each scheme shows its own options, which reach the analysis, the address and the link', async () => {
  const { page, problems } = await openSentence('&kind=rope');
  const visible = () =>
    page
      .locator('[data-option]')
      .evaluateAll((inputs) => inputs.filter((input) => input.closest('label').checkVisibility()).map((input) => input.dataset.option));
  assert.deepEqual(await visible(), ['base', 'pairing']);
  await page.getByRole('combobox', { name: 'pairing' }).selectOption('half');
  await page.getByRole('spinbutton', { name: 'base' }).fill('500000');
  const state = await snapshot(page);
  assert.deepEqual(state.schemeOptions, { base: 500000, pairing: 'half', scaling: null });
  const expected = pe.analyze(DOG, { kind: 'rope', base: 500000, pairing: 'half' }).pairs[0];
  assert.equal(state.pairs[0].queryDistance.withPE, expected.queryDistance.withPE);
  const params = await currentParams(page);
  assert.deepEqual([params.get('pairing'), params.get('base')], ['half', '500000']);

  await encoding(page).selectOption('alibi');
  assert.deepEqual(await visible(), ['slope']);
  await encoding(page).selectOption('sinusoidal');
  assert.deepEqual(await visible(), ['base', 'layout']);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("a bad slope in a link falls back with a note; a bad one typed gets the core's message", async () => {
  const { page, problems } = await openSentence('&kind=alibi&slope=0');
  const notes = await page.locator('[data-page-notes]').textContent();
  assert.match(notes, /slope "0" must be a number greater than 0 and at most 16, so the default "0.5" is used/);
  assert.equal((await snapshot(page)).slope, 0.5);
  const slope = page.getByRole('spinbutton', { name: 'slope' });
  await slope.fill('20');
  assert.match(
    await viewMessage(page),
    /These settings cannot be drawn: slope must be a number greater than 0 and at most 16; received 20/,
  );
  await slope.fill('');
  assert.match(await viewMessage(page), /The slope must be a number\./);
  assert.equal(await slope.getAttribute('aria-invalid'), 'true');
  await slope.fill('0.125');
  assert.equal(await viewMessage(page), '');
  assert.equal((await snapshot(page)).schemeOptions.slope, 0.125);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("the attention weights read out by pointer and keyboard, with the core's values", async () => {
  const { page, problems } = await openSentence('&kind=alibi&causal=1');
  const figure = page.getByTestId('attention-weights');
  assert.match(
    await figure.locator('.figure-title').textContent(),
    /the rows of “\u2068dog\u2069” are different without positions and different with ALiBi/,
  );
  const readout = figure.locator('.readout');
  const expected = pe.analyze(DOG, { kind: 'alibi', causal: true });
  const matrices = figure.locator('canvas');
  await matrices.nth(1).focus();
  await page.keyboard.press('ArrowDown'); // row 1 ("dog"), column 0 ("the")
  const weight = expected.weights.withPE[1 * 5 + 0];
  assert.match(
    await readout.textContent(),
    /^with ALiBi \(linear biases\): “\u2068dog\u2069” \(position 1\) gives “\u2068the\u2069” \(position 0\) weight /,
  );
  assert.ok(Math.abs(Number((await readout.textContent()).split('weight ')[1]) - weight) < 1e-6);
  const box = await matrices.nth(0).boundingBox();
  await matrices.nth(0).hover({ position: { x: box.width - 3, y: box.height - 3 } });
  assert.match(
    await readout.textContent(),
    /^without positions: “\u2068dog\u2069” \(position 4\) gives “\u2068dog\u2069” \(position 4\) weight /,
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('moving the whole sentence changes nothing for RoPE and ALiBi, and the weights for absolute schemes', async () => {
  const { page, problems } = await openSentence('&kind=rope&shift=1048');
  const line = page.getByTestId('shift').locator('.shift-result');
  let state = await snapshot(page);
  const rope = pe.compareShift(DOG, { kind: 'rope', by: 1048 });
  assert.deepEqual(state.shift, { by: 1048, maxWeightChange: rope.maxWeightChange, weightsUnchanged: true });
  assert.match(
    await line.textContent(),
    /^Moved by 1,048 positions, (not one attention weight with RoPE \(rotary\) changes|every attention weight with RoPE \(rotary\) stays as it was)/,
  );
  await encoding(page).selectOption('binary');
  state = await snapshot(page);
  assert.equal(state.shift.weightsUnchanged, false);
  assert.match(await line.textContent(), /^Moved by 1,048 positions, the attention weights with binary change, by up to /);
  await page.getByLabel('Add this to every position').fill('-5');
  assert.match(await line.textContent(), /The distance must be a whole number from 0 to 1,000,000/);
  assert.equal((await currentParams(page)).get('shift'), '1048', 'the last good distance stays in the address');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the four settings of mask and positions say which tell the copies apart', async () => {
  const { page, problems } = await openSentence('&kind=binary');
  const table = page.getByTestId('mask-table');
  assert.deepEqual(await table.locator('.mask-cell').allTextContents(), ['= equal in float32', '≠ apart', '≠ apart', '≠ apart']);
  assert.match(
    await table.locator('.figure-title').textContent(),
    /tells the copies apart in the attention outputs: binary alone, the causal mask alone and both together/,
  );
  await typeSentence(page, 'dog dog');
  await encoding(page).selectOption('none');
  // "dog dog" under the mask: the second dog averages two equal values, exactly the first dog's.
  assert.deepEqual(await table.locator('.mask-cell').allTextContents(), [
    '= equal in float32',
    '= equal in float32',
    '= equal in float32',
    '= equal in float32',
  ]);
  assert.match(await table.locator('.figure-title').textContent(), /^Nothing here tells every pair of copies apart/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('"First copy at 200" puts the first dog at 200 and the second at 203, as the lecture does', async () => {
  const { page, problems } = await openSentence();
  await page.getByRole('button', { name: 'First copy at 200' }).click();
  const state = await snapshot(page);
  assert.equal(state.start, 199);
  assert.deepEqual(
    state.duplicates[0].map((index) => state.tokens[index].position),
    [200, 203],
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('rounding noise is not shown as a difference: "the dog the dog" with a mask and no positions', async () => {
  const { page, problems } = await openSentence(`&kind=none&causal=1&text=${encodeURIComponent('the dog the dog')}`);
  const state = await snapshot(page);
  const dogs = state.pairs.find(({ a, b }) => a === 1 && b === 3);
  assert.ok(dogs.contextDistance.withPE > 0, 'float32 sums in another order');
  assert.equal(dogs.identical.context.withPE, true);
  const dogsTable = page.locator('.group-comparison').nth(1).locator('.distance-table');
  const outputs = dogsTable.locator('tr', { hasText: 'Attention outputs' });
  assert.match(await outputs.textContent(), /= equal up to float32 rounding/);
  assert.doesNotMatch(await outputs.textContent(), /≠ different/);
  const title = await page.locator('.group-comparison .figure-title').nth(1).textContent();
  assert.match(title, /first differ in their attention weights, yet their attention outputs are equal in float32/);
  assert.match(
    await page.getByTestId('divergence').textContent(),
    /Even without positions, 1 of the 2 pairs of copies here get different outputs/,
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

// The colour legends' end labels (−0.000121, +0.000121) each on one line, clear of the 0
// between them (issue 23, finding 16).
test('the colour legends write their ends on one line, clear of the 0, at 1280 and 390 px', async () => {
  for (const width of [1280, 390]) {
    for (const kind of ['rope', 'alibi']) {
      const { page, problems } = await openSentence(`&kind=${kind}`, { width, height: 844 });
      const legends = await page
        .locator('[data-view-slot="sentence"] .color-legend-ticks')
        .evaluateAll((all) =>
          all
            .filter((ticks) => ticks.checkVisibility())
            .map((ticks) => [...ticks.children].map((tick) => ({ text: tick.textContent, ...tick.getBoundingClientRect().toJSON() }))),
        );
      assert.ok(legends.length > 3, `${kind} at ${width}`);
      for (const ticks of legends) {
        const where = `${kind} at ${width}: ${ticks.map(({ text }) => text).join(' ')}`;
        for (const tick of ticks) assert.ok(tick.height < 20, `${where}: “${tick.text}” wraps (${tick.height} px tall)`);
        for (let t = 1; t < ticks.length; t += 1) assert.ok(ticks[t].left >= ticks[t - 1].right + 4, `${where}: labels touch`);
      }
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  }
});

test('at 390 px with RoPE and ALiBi nothing scrolls sideways; screenshots', async () => {
  for (const kind of ['rope', 'alibi']) {
    const { page, problems } = await openSentence(`&kind=${kind}&causal=1&dim=16`, { width: 390, height: 844 });
    assert.equal(await scrollsSideways(page), false, kind);
    await screenshot(page, `sentence-${kind}-390`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
  const { page } = await openSentence('&kind=rope&text=The%20dog%20chased%20the%20ball.%20It%20could%20not%20catch%20it.');
  await screenshot(page, 'sentence-rope-1280');
  await page.context().close();
});
