// The sentence view in real headless Chromium: the two copies of "dog" are identical until
// positions are added, the causal mask tells them apart on its own, links reproduce the view,
// hostile text is shown as text, and the view fits a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { currentParams, currentUrl, openPage, screenshot, scrollsSideways, snapshot, useSession } from './support/browser.mjs';
import { MARKUP_TEXT, encoding, typeHostileTexts, typeSentence, viewMessage } from './support/sentence-views.mjs';

const DOG = 'The dog chased another dog';
const IT = 'The dog chased the ball. It could not catch it.';

const session = useSession();

async function openSentence(query = '', options) {
  return openPage(session, `${session.url}?view=sentence${query}`, options);
}

test('the two dogs are identical without positions and different with them', async () => {
  const { page, problems } = await openSentence();
  const state = await snapshot(page);
  assert.equal(state.view, 'sentence');
  assert.equal(state.text, DOG);
  assert.equal(state.kind, 'binary');
  assert.equal(state.count, 5);
  assert.deepEqual(state.duplicates, [[1, 4]]);
  assert.equal(state.pairs.length, 1);
  const [pair] = state.pairs;
  assert.deepEqual([pair.a, pair.b], [1, 4]);
  assert.equal(pair.inputDistance.withoutPE, 0);
  assert.ok(pair.inputDistance.withPE > 0);
  assert.equal(pair.contextDistance.withoutPE, 0);
  assert.ok(pair.contextDistance.withPE > 0);

  assert.equal(pair.firstDifference, 'input');
  const panel = page.getByTestId('divergence');
  const verdicts = await panel.locator('.verdict').allTextContents();
  assert.deepEqual(verdicts, Array(5).fill(['= equal in float32', '≠ different']).flat(), 'five stages, without then with positions');
  assert.deepEqual(await panel.locator('.stage-mark').allTextContents(), [
    ...Array(4).fill('=\u00a0same'),
    ...Array(4).fill('≠\u00a0differs'),
  ]);
  assert.equal(await panel.locator('.stage-mark.is-first').textContent(), '≠\u00a0differs');
  assert.match(await panel.textContent(), /with binary, the copies first differ in their inputs, and their attention outputs differ/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('with no positional encoding the copies stay identical', async () => {
  const { page, problems } = await openSentence();
  await encoding(page).selectOption('none');
  const [pair] = (await snapshot(page)).pairs;
  assert.equal(pair.inputDistance.withPE, 0);
  assert.equal(pair.contextDistance.withPE, 0);
  assert.match(
    await page.getByTestId('divergence').textContent(),
    /identical at every stage with no positions: nothing here tells the copies apart/,
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a causal mask makes the attention outputs differ even without positions', async () => {
  const { page, problems } = await openSentence();
  await page.getByLabel('Causal mask').check();
  const state = await snapshot(page);
  assert.equal(state.causal, true);
  const [pair] = state.pairs;
  assert.equal(pair.inputDistance.withoutPE, 0, 'the mask does not change the input vectors');
  assert.ok(pair.contextDistance.withoutPE > 0, 'the mask alone separates the outputs');
  assert.match(await page.getByTestId('divergence').textContent(), /Causal mask on/);
  assert.equal((await currentParams(page)).get('causal'), '1');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the lecture\'s "it" sentence groups the, the full stop and it', async () => {
  const { page, problems } = await openSentence();
  await typeSentence(page, IT);
  const state = await snapshot(page);
  assert.deepEqual(state.duplicates, [
    [0, 3],
    [5, 11],
    [6, 10],
  ]);
  assert.deepEqual(
    state.pairs.map(({ a, b }) => [a, b]),
    [
      [0, 3],
      [5, 11],
      [6, 10],
    ],
  );
  for (const pair of state.pairs) {
    assert.equal(pair.inputDistance.withoutPE, 0);
    assert.ok(pair.inputDistance.withPE > 0);
  }
  assert.equal(await page.locator('.group-comparison').count(), 3);
  assert.equal(await page.locator('.token-chip.is-repeated').count(), 6);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a word that appears three times lists every pair', async () => {
  const { page } = await openSentence();
  await typeSentence(page, 'dog and dog and dog');
  const state = await snapshot(page);
  assert.deepEqual(
    state.pairs.map(({ a, b }) => [a, b]),
    [
      [0, 2],
      [0, 4],
      [2, 4],
      [1, 3],
    ],
  );
  await page.context().close();
});

test('a link with ?text= and settings reproduces the view', async () => {
  const query = `&text=${encodeURIComponent(IT)}&kind=integer&dim=4&start=200&causal=1`;
  const { page, problems } = await openSentence(query);
  const state = await snapshot(page);
  assert.equal(state.text, IT);
  assert.deepEqual([state.kind, state.dim, state.start, state.causal], ['integer', 4, 200, true]);
  assert.equal(state.tokens[0].position, 200);
  assert.equal(await page.getByTestId('sentence').inputValue(), IT);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the URL follows the controls, and opening it shows the same state', async () => {
  const { page, problems } = await openSentence();
  await typeSentence(page, 'A puppy saw a puppy');
  await encoding(page).selectOption('sinusoidal');
  await page.getByLabel('Dimensions').fill('16');
  await page.getByRole('button', { name: 'First copy at 200' }).click();
  const params = await currentParams(page);
  assert.equal(params.get('view'), 'sentence');
  assert.equal(params.get('text'), 'A puppy saw a puppy');
  assert.equal(params.get('kind'), 'sinusoidal');
  assert.equal(params.get('dim'), '16');
  assert.equal(params.get('start'), '200');
  const before = await snapshot(page);

  const reopened = await openPage(session, await currentUrl(page));
  assert.deepEqual(await snapshot(reopened.page), before);
  assert.deepEqual([...problems, ...reopened.problems], []);
  await reopened.page.context().close();
  await page.context().close();
});

test('on the full page the sentence view keeps its settings under its own name', async () => {
  const { page, problems } = await openPage(session, session.url);
  await page.locator('[data-view-slot="sentence"]').getByTestId('sentence').fill('The cat saw the cat');
  const params = await currentParams(page);
  assert.equal(params.get('sentence.text'), 'The cat saw the cat');
  assert.equal((await snapshot(page)).views.sentence.count, 5);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('strip cells can be read with the keyboard', async () => {
  const { page } = await openSentence();
  const strip = page.locator('.group-comparison canvas').first();
  await strip.focus();
  const readout = page.locator('.group-comparison .readout');
  assert.match(await readout.textContent(), /^position 1, token embedding, dimension 0: −?\d/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  assert.match(await readout.textContent(), /^position 4, token embedding, dimension 1: /);
  await page.context().close();
});

test('hostile text gets a clear message and the view stays usable', async () => {
  const { page, problems } = await openSentence();
  const seen = await typeHostileTexts(page, DOG);

  assert.equal(seen.empty.snapshot.count, 0);
  assert.match(seen.empty.message, /Type a sentence/);
  assert.equal(seen.huge.snapshot.count, 0);
  assert.match(seen.huge.message, /20,000 characters.*at most 2,000/);
  assert.equal(seen.manyTokens.snapshot.count, 0);
  assert.match(seen.manyTokens.message, /300 tokens.*at most 256/);

  assert.equal(seen.markup.markupElements, 0, 'typed markup must not become elements');
  assert.ok(seen.markup.chipTexts.includes('<') && seen.markup.chipTexts.includes('script'));
  assert.equal(await page.getByTestId('sentence').inputValue(), DOG);
  assert.deepEqual(seen.dialogs, []);

  const world = seen.world.snapshot;
  assert.equal(seen.world.message, '');
  const words = world.tokens.map((token) => token.text);
  assert.ok(words.includes('👨‍👩‍👧') && words.includes('狗') && words.includes('כלב') && words.includes('كلب'));
  assert.equal(world.duplicates.length, 4, '👍🏽, 狗, כלב and كلب repeat');
  assert.ok(world.pairs.every((pair) => pair.inputDistance.withoutPE === 0 && pair.inputDistance.withPE > 0));

  assert.equal(seen.normal.snapshot.count, 5);
  assert.equal(seen.normal.message, '');
  assert.deepEqual(problems, []);
  await page.context().close();
});

const EVEN_NOTE = /Sinusoidal needs an even number of dimensions \(they come in pairs\), so 7 became 8\./;

test('a link with an odd dimension for sinusoidal draws the figures at the next even one', async () => {
  const { page, problems } = await openSentence('&kind=sinusoidal&dim=7');
  const state = await snapshot(page);
  assert.equal(state.dim, 8, 'the snapshot reports the dimension actually used');
  assert.equal(state.count, 5);
  assert.ok(state.pairs[0].contextDistance.withPE > 0);
  assert.match(await viewMessage(page), EVEN_NOTE);
  assert.equal(await page.locator('.view-results').isVisible(), true);
  assert.equal(await page.getByLabel('Dimensions').getAttribute('step'), '2');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('typing an odd dimension with sinusoidal rounds it up; a bad one is marked invalid', async () => {
  const { page, problems } = await openSentence('&kind=sinusoidal');
  const box = page.getByLabel('Dimensions');
  await box.fill('7');
  assert.match(await viewMessage(page), EVEN_NOTE);
  let state = await snapshot(page);
  assert.equal(state.dim, 8);
  assert.equal(state.count, 5);
  // 8 is also the default, which a link may leave out; it must not keep the 7.
  assert.ok([null, '8'].includes((await currentParams(page)).get('dim')));
  assert.equal(await box.getAttribute('aria-invalid'), 'false');

  await box.fill('1');
  assert.match(await viewMessage(page), /Dimensions must be a whole number from 2 to 64/);
  assert.equal(await box.getAttribute('aria-invalid'), 'true');
  await page.getByLabel('First position').fill('-3');
  assert.equal(await page.getByLabel('First position').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('First position').fill('0');

  await box.fill('6');
  assert.equal(await viewMessage(page), '');
  assert.equal(await box.getAttribute('aria-invalid'), 'false');
  assert.equal((await snapshot(page)).dim, 6);

  await box.fill('7');
  await encoding(page).selectOption('binary');
  state = await snapshot(page);
  assert.equal(state.dim, 7, 'other encodings take odd dimensions as typed');
  assert.equal(await viewMessage(page), '');
  assert.equal(await box.getAttribute('step'), '1');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("at the lecture's start 200, integer positions separate the inputs but not the attention outputs, and the page says why", async () => {
  for (const text of [DOG, IT]) {
    const { page, problems } = await openSentence(`&kind=integer&start=200&text=${encodeURIComponent(text)}`);
    const state = await snapshot(page);
    for (const pair of state.pairs) {
      assert.ok(pair.inputDistance.withPE > 0);
      assert.equal(pair.contextDistance.withPE, 0, 'softmax saturates: every output row is the same');
    }
    const titles = await page.locator('.group-comparison .figure-title').allTextContents();
    const panel = await page.getByTestId('divergence').textContent();
    assert.match(panel, /spread their attention over the tokens in the same way \(rows of attention weights equal in float32\)/);
    assert.match(panel, /The largest weight in their rows is 1\. Integer positions make the attention scores grow/);
    assert.equal(titles.length, state.duplicates.length);
    for (const title of titles)
      assert.match(title, /with integer, the copies first differ in their inputs, yet their attention outputs are equal in float32/);
    if (text === IT) await screenshot(page, 'sentence-it-integer-200-1280');
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('with no positions and a causal mask, the title says the mask alone separates the outputs', async () => {
  const { page, problems } = await openSentence('&kind=none&causal=1');
  const [pair] = (await snapshot(page)).pairs;
  assert.equal(pair.inputDistance.withPE, 0);
  assert.ok(pair.contextDistance.withPE > 0);
  const panel = await page.getByTestId('divergence').textContent();
  assert.match(panel, /Even without positions, every pair of copies here gets different outputs: the mask alone leaks word order/);
  assert.match(panel, /with no positions, the copies first differ in their attention weights, and their attention outputs differ/);
  assert.doesNotMatch(panel, /Why are some attention outputs identical/);
  await screenshot(page, 'sentence-none-causal-1280');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('at 390 px nothing scrolls sideways, even with long words and 64 dimensions', async () => {
  const { page, problems } = await openSentence('&dim=64&start=1000000', { width: 390, height: 844 });
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'sentence-390');
  await typeSentence(page, `${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3)} dog ${MARKUP_TEXT} dog`);
  assert.equal(await scrollsSideways(page), false);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('screenshots at 1280 px: the dog and the "it" sentence with a causal mask', async () => {
  const { page, problems } = await openSentence();
  await screenshot(page, 'sentence-1280');
  await typeSentence(page, IT);
  await page.getByLabel('Causal mask').check();
  await screenshot(page, 'sentence-it-causal-1280');
  assert.deepEqual(problems, []);
  await page.context().close();
});
