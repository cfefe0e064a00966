// The magnitude view in real headless Chromium: integer positions are thousands of times as long
// as the word vectors and pull every pair of words onto one direction; the ratio is written out;
// at GPT-2's word vector scale binary and sinusoidal positions dominate too, at the Transformer
// paper's they keep cat nearer to kitten than to plane; links reproduce the view; hostile text is
// shown as text; the view fits a phone. Every sentence the view generates is checked against a
// recomputation in magnitude-claims.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentParams, currentUrl, openPage, screenshot, scrollsSideways, snapshot, useSession } from './support/browser.mjs';
import { encoding, typeHostileTexts, typeSentence, viewMessage } from './support/sentence-views.mjs';

const CAT = 'The cat and the kitten watched a plane';

const session = useSession();

async function openMagnitude(query = '', options) {
  return openPage(session, `${session.url}?view=magnitude${query}`, options);
}

const SCALE_CHOICES = { init: /GPT-2/, paper: /Transformer paper/ };
const scaleChoice = (page, scale) => page.getByRole('radio', { name: SCALE_CHOICES[scale] });
const titles = (page) => page.locator('.figure-title').allTextContents();

// In CAT, "cat" is token 1, "kitten" token 4 and "plane" token 7.
function catPairs(state) {
  return { kitten: state.similarity.withPE[1][4], plane: state.similarity.withPE[1][7] };
}

test('integer positions dwarf the token embeddings, and the ratio is written out', async () => {
  const { page, problems } = await openMagnitude();
  const state = await snapshot(page);
  assert.equal(state.view, 'magnitude');
  assert.deepEqual([state.text, state.kind, state.dim, state.start, state.count], [CAT, 'integer', 8, 0, 8]);
  // Integer: |p| = p * sqrt(dim); the word vectors are ~0.02 * sqrt(dim) long.
  state.positionNorms.forEach((norm, r) => assert.ok(Math.abs(norm - r * Math.sqrt(8)) < 1e-9));
  state.tokenNorms.forEach((norm) => assert.ok(norm > 0.01 && norm < 0.2));
  assert.equal(state.ratios[0], 0, 'position 0 adds a zero vector');

  await page.getByRole('button', { name: 'First copy at 200' }).click();
  const at200 = await snapshot(page);
  assert.equal(at200.start, 200);
  assert.ok(at200.ratios[0] > 5000, `at position 200 the ratio is ${at200.ratios[0]}`);
  assert.ok(at200.similarity.minWithPE > 0.999, 'every pair collapses toward similarity 1');
  const words = await page.locator('.ratio-words').textContent();
  assert.match(words, /^At position 200 \(“\u2068the\u2069”\) the position vector is [\d,]+× as long as the token's vector\./);
  assert.match(await page.locator('.figure-title').last().textContent(), /every pair of positioned tokens has similarity 0\.999 or more/);
  assert.equal((await currentParams(page)).get('start'), '200');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('binary positions are far shorter than integer ones', async () => {
  const { page, problems } = await openMagnitude('&start=200');
  const integer = await snapshot(page);
  await encoding(page).selectOption('binary');
  const binary = await snapshot(page);
  assert.equal(binary.kind, 'binary');
  assert.ok(binary.maxRatio * 100 < integer.maxRatio, `binary ${binary.maxRatio}x vs integer ${integer.maxRatio}x`);
  binary.positionNorms.forEach((norm) => assert.ok(norm <= Math.sqrt(8)));
  assert.equal((await currentParams(page)).get('kind'), 'binary');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("at GPT-2's scale binary and sinusoidal positions dominate the word vectors too", async () => {
  const { page, problems } = await openMagnitude();
  assert.equal(await scaleChoice(page, 'init').isChecked(), true);
  for (const kind of ['binary', 'sinusoidal']) {
    await encoding(page).selectOption(kind);
    for (const dim of ['8', '64']) {
      await page.getByLabel('Dimensions').fill(dim);
      for (const start of ['0', '200']) {
        await page.getByLabel('First position').fill(start);
        const state = await snapshot(page);
        assert.deepEqual([state.scale, state.embeddingStd], ['init', 0.02]);
        assert.ok(state.maxRatio > 10, `${kind} dim ${dim} start ${start}: ratio ${state.maxRatio}`);
        const [normTitle, similarityTitle] = await titles(page);
        assert.match(
          normTitle,
          new RegExp(`^With ${kind} positions and word vectors at 0\\.02 per component, the position vector is up to`),
        );
        assert.match(
          similarityTitle,
          /word vectors at 0\.02 per component, related words no longer stand out: /,
          `${kind} dim ${dim} start ${start}`,
        );
      }
    }
  }
  assert.match(
    await page.locator('.embedding-note').textContent(),
    /standard deviation 0\.02, the scale at which GPT-2 initialises its token embeddings/,
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("at the Transformer paper's scale integer positions still collapse every pair, binary and sinusoidal keep cat~kitten above cat~plane", async () => {
  const { page, problems } = await openMagnitude('&scale=paper');
  for (const dim of ['8', '64']) {
    await page.getByLabel('Dimensions').fill(dim);
    await encoding(page).selectOption('integer');
    await page.getByLabel('First position').fill('200');
    const integer = await snapshot(page);
    assert.deepEqual([integer.scale, integer.embeddingStd], ['paper', 1]);
    assert.ok(integer.similarity.minWithPE >= 0.99, `dim ${dim}: ${integer.similarity.minWithPE}`);
    assert.match(
      (await titles(page))[1],
      /word vectors at 1 per component, every pair of positioned tokens has similarity 0\.99\d or more/,
    );
    for (const kind of ['binary', 'sinusoidal']) {
      await encoding(page).selectOption(kind);
      for (const start of ['0', '200']) {
        await page.getByLabel('First position').fill(start);
        const cat = catPairs(await snapshot(page));
        assert.ok(cat.kitten > cat.plane + 0.1, `${kind} dim ${dim} start ${start}: cat~kitten ${cat.kitten}, cat~plane ${cat.plane}`);
        // With 64 dimensions every related pair stays above every unrelated one; with 8 an
        // unrelated pair can overtake "the"/"a" (the title then names both).
        if (dim === '64') assert.match((await titles(page))[1], /word vectors at 1 per component, related words still stand out/);
      }
    }
  }
  const note = await page.locator('.embedding-note').textContent();
  assert.match(
    note,
    /standard deviation 1, the scale of the Transformer paper’s embeddings \(the paper multiplies them by √d; its authors’ library, tensor2tensor, initialises them with standard deviation 1\/√d/,
  );
  // The note lists the core's word groups, not only the animals and vehicles.
  assert.match(note, /determiners: the, a, an, another;/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the word vector scale follows the URL, and a link reproduces it', async () => {
  const { page, problems } = await openMagnitude('&kind=binary&start=200');
  const gpt2 = await snapshot(page);
  await scaleChoice(page, 'paper').check();
  assert.equal((await currentParams(page)).get('scale'), 'paper');
  const paper = await snapshot(page);
  assert.equal(paper.scale, 'paper');
  assert.deepEqual(paper.positionNorms, gpt2.positionNorms);
  paper.tokenNorms.forEach((norm, r) => assert.ok(Math.abs(norm / gpt2.tokenNorms[r] - 50) < 1e-4));
  const reopened = await openPage(session, await currentUrl(page));
  assert.deepEqual(await snapshot(reopened.page), paper);
  assert.equal(await scaleChoice(reopened.page, 'paper').isChecked(), true);

  await scaleChoice(page, 'init').check();
  assert.equal((await currentParams(page)).has('scale'), false, 'the default scale is left out of the link');
  const bad = await openMagnitude('&scale=huge');
  assert.equal((await snapshot(bad.page)).scale, 'init');
  assert.match(await bad.page.locator('body').textContent(), /scale "huge" must be one of init, paper/);
  assert.deepEqual([...problems, ...reopened.problems, ...bad.problems], []);
  await Promise.all([page, reopened.page, bad.page].map((open) => open.context().close()));
});

test("with no encoding the similarities are the token embeddings' own", async () => {
  const { page, problems } = await openMagnitude();
  await encoding(page).selectOption('none');
  const state = await snapshot(page);
  assert.equal(state.maxRatio, 0);
  const { mostAlike } = state.similarity.ranked.withPE;
  assert.equal(mostAlike.withPE, mostAlike.withoutPE);
  assert.deepEqual(mostAlike.words, ['the', 'a']);
  assert.match(await page.locator('.figure-title').first().textContent(), /nothing is added/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a link reproduces the view, and the URL follows the controls', async () => {
  const text = 'A puppy and a dog chased the train and the car';
  const { page, problems } = await openMagnitude(`&text=${encodeURIComponent(text)}&kind=sinusoidal&dim=16&start=64`);
  const state = await snapshot(page);
  assert.deepEqual([state.text, state.kind, state.dim, state.start], [text, 'sinusoidal', 16, 64]);
  assert.equal(state.tokens[0].position, 64);

  await typeSentence(page, 'The kitten saw the plane');
  await page.getByLabel('Dimensions').fill('32');
  const params = await currentParams(page);
  assert.equal(params.get('text'), 'The kitten saw the plane');
  assert.equal(params.get('dim'), '32');
  const reopened = await openPage(session, await currentUrl(page));
  assert.deepEqual(await snapshot(reopened.page), await snapshot(page));
  assert.deepEqual([...problems, ...reopened.problems], []);
  await reopened.page.context().close();
  await page.context().close();
});

test('similarity cells and norms can be read by pointer and keyboard', async () => {
  const { page } = await openMagnitude();
  const matrix = page.locator('.token-matrix canvas').first();
  const box = await matrix.boundingBox();
  await matrix.hover({ position: { x: box.width - 5, y: box.height - 5 } }); // bottom-right: plane vs plane
  const readout = page.locator('.token-matrix').first().locator('xpath=ancestor::figure').locator('.readout');
  assert.match(
    await readout.textContent(),
    /“\u2068plane\u2069” \(position 7\) and “\u2068plane\u2069” \(position 7\): cosine similarity 1\.000/,
  );

  await page.locator('svg.norm-chart').focus();
  await page.keyboard.press('End');
  const normReadout = page.locator('svg.norm-chart + .readout');
  assert.match(
    await normReadout.textContent(),
    /^“\u2068plane\u2069” at position 7: token [\d.]+, position 19\.8 \([\d,]+× the token's length\)/,
  );
  await page.context().close();
});

test('hostile text gets a clear message and the view stays usable', async () => {
  const { page, problems } = await openMagnitude();
  const seen = await typeHostileTexts(page, CAT);
  assert.equal(seen.empty.snapshot.count, 0);
  assert.match(seen.empty.message, /Type a sentence/);
  assert.match(seen.huge.message, /20,000 characters.*at most 2,000/);
  assert.match(seen.manyTokens.message, /300 tokens.*at most 256/);
  assert.equal(seen.markup.markupElements, 0, 'typed markup must not become elements');
  assert.ok(seen.markup.snapshot.tokens.some((token) => token.text === 'script'));
  assert.deepEqual(seen.dialogs, []);
  assert.equal(seen.world.message, '');
  assert.equal(seen.world.snapshot.count, 12);
  assert.equal(seen.normal.snapshot.count, 8);

  await encoding(page).selectOption('sinusoidal');
  await page.getByLabel('Dimensions').fill('9');
  assert.match(await viewMessage(page), /needs an even number of dimensions \(they come in pairs\), so 9 became 10/);
  assert.equal((await snapshot(page)).dim, 10);
  assert.equal((await snapshot(page)).count, 8, 'the figures are drawn at the rounded dimension');
  await page.getByLabel('Dimensions').fill('10');
  assert.equal(await viewMessage(page), '');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('at 390 px nothing scrolls sideways, at 8 tokens or at 64', async () => {
  const { page, problems } = await openMagnitude('', { width: 390, height: 844 });
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'magnitude-390');
  await typeSentence(page, `${'the cat and the kitten watched a plane '.repeat(8)}`);
  assert.equal((await snapshot(page)).count, 64);
  assert.equal(await scrollsSideways(page), false);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("screenshots at 1280 px: integer at position 200, then binary, then binary at the paper's scale", async () => {
  const { page, problems } = await openMagnitude('&start=200');
  await screenshot(page, 'magnitude-1280');
  await encoding(page).selectOption('binary');
  await screenshot(page, 'magnitude-binary-1280');
  await scaleChoice(page, 'paper').check();
  await screenshot(page, 'magnitude-binary-paper-1280');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("screenshot at 390 px: binary at the paper's scale, nothing scrolls sideways", async () => {
  const { page, problems } = await openMagnitude('&kind=binary&start=200&scale=paper', { width: 390, height: 844 });
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'magnitude-binary-paper-390');
  assert.deepEqual(problems, []);
  await page.context().close();
});

// Lengths of 10⁶ and more: the length axis's labels stay inside the chart and clear of its name
// (issue 23, finding 17), at 1280 and 390 px, up to the largest first position (1,000,000).
test('the length axis labels fit at large first positions', async () => {
  for (const width of [1280, 390]) {
    for (const start of [1_000, 1_000_000]) {
      const { page, problems } = await openPage(session, `${session.url}index.html?view=magnitude&start=${start}`, { width, height: 844 });
      const { ticks, name, chart } = await page
        .locator('[data-view-slot="magnitude"] svg:has(.axis-left)')
        .first()
        .evaluate((svg) => ({
          ticks: [...svg.querySelectorAll('.axis-left .tick-label')].map((tick) => ({
            text: tick.textContent,
            ...tick.getBoundingClientRect().toJSON(),
          })),
          name: svg.querySelector('.axis-left .axis-label').getBoundingClientRect().toJSON(),
          chart: svg.getBoundingClientRect().toJSON(),
        }));
      assert.equal((await snapshot(page)).start, start);
      assert.ok(ticks.length >= 3, `${start} at ${width}`);
      for (const tick of ticks) {
        const where = `${start} at ${width}: “${tick.text}”`;
        assert.ok(tick.left >= chart.left, `${where} starts ${chart.left - tick.left} px left of the chart`);
        assert.ok(tick.left >= name.right, `${where} runs into the axis name`);
      }
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  }
});
