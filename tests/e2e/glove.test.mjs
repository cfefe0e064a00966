// GloVe's word vectors on the page: chosen in the magnitude and sentence views, served, from dist/
// over file://, under the strict CSP and in a sandboxed iframe; the numbers drawn are GloVe's
// (cat/kitten/plane), words it lacks are marked, the sentences about lengths are the numbers', the
// link keeps the choice, and a missing table file is a clear message with the page still usable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, currentParams, openPage, screenshot, scrollsSideways, useSession, waitForSnapshot } from './support/browser.mjs';
import { viewMessage } from './support/sentence-views.mjs';
import { formatShort, formatWhole } from '../../web/lib/format.js';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";
const DIST_INDEX = join(REPO_ROOT, 'dist/index.html');
const session = useSession();
const strictSession = useSession({ csp: STRICT_CSP });

const vectorsSelect = (page) => page.getByTestId('embeddings');
const drawnWithGlove = (page) => waitForSnapshot(page, (state) => state.embeddings === 'glove' && state.count > 0, { timeout: 30000 });

// The magnitude view's sentence, "The cat and the kitten watched a plane": GloVe's cosines.
function checkCatSentence(state) {
  assert.deepEqual(
    state.tokens.map(({ text, oov }) => [text, oov]),
    [
      ['the', false],
      ['cat', false],
      ['and', false],
      ['the', false],
      ['kitten', false],
      ['watched', false],
      ['a', true],
      ['plane', false],
    ],
  );
  const { withoutPE } = state.similarity;
  assert.ok(Math.abs(withoutPE[1][4] - 0.558) < 0.01, `cat/kitten ${withoutPE[1][4]}`);
  assert.ok(Math.abs(withoutPE[1][7] - 0.294) < 0.01, `cat/plane ${withoutPE[1][7]}`);
  assert.equal(state.embeddingStd > 0.52 && state.embeddingStd < 0.54, true, `oov std ${state.embeddingStd}`);
}

test('GloVe in the magnitude view: its cosines, integer positions drown it within a few positions, a binary code does not', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, `${session.url}?view=magnitude`, { width });
    await vectorsSelect(page).selectOption('glove');
    const state = await drawnWithGlove(page);
    checkCatSentence(state);
    // The dimension box shows the table's 100, and the scale choice (synthetic vectors only) is gone.
    const dim = page.getByLabel(/^Dimensions/);
    assert.equal(await dim.isDisabled(), true);
    assert.equal(await dim.inputValue(), '100');
    assert.equal(await page.locator('.scale-control').isHidden(), true);
    const words = await page.locator('.ratio-words').textContent();
    assert.match(words, /Token vectors here are [\d.]+ to [\d.]+ long\. An integer position p has length √100 · p = 10p here\./);
    // Position 1 is already 10 long, longer than every GloVe vector of the sentence.
    assert.match(
      words,
      /The first one longer than every token vector here \(the longest is [\d.]+\): position 1 \(“\u2068cat\u2069”\), 10 long\./,
    );
    assert.equal(Math.max(...state.tokenNorms) < 10, true);
    const note = await page.locator('.embedding-note').textContent();
    assert.match(note, /real word vectors, GloVe 6B 100d: 100 numbers per word/);
    assert.match(note, /Not in the table here: “\u2068a\u2069”\./);
    assert.match(
      await page.locator('.embedding-credit').textContent(),
      /GloVe 6B 100d by Pennington, Socher and Manning.*notice and licence\./,
    );
    assert.equal(
      await page
        .locator('.embedding-credit a')
        .getAttribute('href')
        .then((href) => href.endsWith('vocab/glove.NOTICE.txt')),
      true,
    );
    assert.equal(await scrollsSideways(page), false, `magnitude at ${width} px`);
    await screenshot(page, `glove-magnitude-integer-${width}`);

    await page
      .locator('.sentence-controls select')
      .filter({ has: page.locator('option[value="binary"]') })
      .selectOption('binary');
    const binary = await waitForSnapshot(page, (s) => s.kind === 'binary' && s.embeddings === 'glove' && s.count > 0);
    const binaryWords = await page.locator('.ratio-words').textContent();
    assert.match(
      binaryWords,
      /A binary position’s length is the square root of its number of set bits: at most √3 = 1\.73 here, since no position up to 7 has more than 3 of its 100 bits set\./,
    );
    // Positions 0 to 7 have at most 3 set bits: at most √3, shorter than every GloVe vector here.
    assert.equal(Math.max(...binary.positionNorms) <= Math.sqrt(3) + 1e-6, true);
    assert.match(binaryWords, /None is longer than the longest token vector/);
    await screenshot(page, `glove-magnitude-binary-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('GloVe in the sentence view: OOV chips marked, the link keeps the choice; another tokenizer is a clear message', async () => {
  const { page, problems } = await openPage(session, `${session.url}?view=sentence`);
  await page.getByTestId('sentence').fill('a dog chased another dog');
  await vectorsSelect(page).selectOption('glove');
  const state = await drawnWithGlove(page);
  assert.deepEqual(
    state.tokens.map(({ oov }) => oov),
    [true, false, false, false, false],
  );
  assert.equal(await page.locator('.token-chip.is-oov').count(), 1);
  assert.equal(await page.locator('.token-chip').first().locator('.token-oov').textContent(), 'not in table');
  assert.equal((await currentParams(page)).get('embeddings'), 'glove');
  await screenshot(page, 'glove-sentence-1280');
  await page.getByTestId('tokenizer').selectOption('gpt2');
  await page.getByText('choose the words tokenizer to use these vectors').waitFor();
  await vectorsSelect(page).selectOption('synthetic');
  await waitForSnapshot(page, (s) => s.tokenizer === 'gpt2' && s.embeddings === 'synthetic' && s.count > 0, { timeout: 30000 });
  assert.deepEqual(problems, []);
  await page.context().close();

  const full = await openPage(session, session.url);
  await full.page.locator('[data-view-slot="magnitude"]').scrollIntoViewIfNeeded();
  await full.page.locator('[data-view-slot="magnitude"] [data-testid="embeddings"]').selectOption('glove');
  await waitForSnapshot(full.page, (s) => s.views.magnitude?.embeddings === 'glove' && s.views.magnitude.count > 0, { timeout: 30000 });
  assert.equal((await currentParams(full.page)).get('magnitude.embeddings'), 'glove');
  assert.deepEqual(full.problems, []);
  await full.page.context().close();
});

test('GloVe loads from dist/ over file://, under the strict CSP, and in <iframe sandbox="allow-scripts">', async () => {
  const fromDisk = await openPage(session, `${pathToFileURL(DIST_INDEX).href}?view=magnitude&embeddings=glove`);
  checkCatSentence(await drawnWithGlove(fromDisk.page));
  assert.deepEqual(fromDisk.problems, []);
  await fromDisk.page.context().close();

  const strict = await openPage(strictSession, `${strictSession.url}?view=sentence&embeddings=glove`);
  const dogs = await drawnWithGlove(strict.page);
  assert.deepEqual(dogs.duplicates, [[1, 4]]);
  assert.deepEqual(strict.problems, []);
  await strict.page.context().close();

  const { page, problems } = await openPage(
    session,
    `${session.url}tests/e2e/fixtures/sandboxed-view.html?view=magnitude&embeddings=glove`,
    { waitForReady: false },
  );
  await page.frameLocator('#embed').locator('body.ready').waitFor({ timeout: 15000 });
  checkCatSentence(await drawnWithGlove(page.frame({ url: /index\.html\?view=magnitude/ })));
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a missing GloVe file: a clear message, the synthetic vectors still work, choosing GloVe again or Try again retries', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pe-lab-dist-'));
  try {
    cpSync(join(REPO_ROOT, 'dist'), folder, { recursive: true });
    rmSync(join(folder, 'web/generated/vocab/glove.js'));
    const { page, problems } = await openPage(session, `${pathToFileURL(join(folder, 'index.html')).href}?view=magnitude`);
    await vectorsSelect(page).selectOption('glove');
    await page.getByText('The GloVe 6B 100d word vectors could not be loaded (the file vocab/glove.js could not be loaded).').waitFor();
    assert.match(await viewMessage(page), /Choose the synthetic vectors, or try again\. Try again$/);
    await screenshot(page, 'glove-load-failure');
    await vectorsSelect(page).selectOption('synthetic');
    await waitForSnapshot(page, (s) => s.embeddings === 'synthetic' && s.count > 0);
    await vectorsSelect(page).selectOption('glove');
    await page.getByText('The GloVe 6B 100d word vectors could not be loaded').waitFor();
    // With the file back, the Try again button, reached and pressed from the keyboard, loads it.
    cpSync(join(REPO_ROOT, 'dist/web/generated/vocab/glove.js'), join(folder, 'web/generated/vocab/glove.js'));
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.focus();
    await page.keyboard.press('Enter');
    checkCatSentence(await drawnWithGlove(page));
    assert.equal(await viewMessage(page), '');
    for (const problem of problems) assert.match(problem, /glove\.js|ERR_FILE_NOT_FOUND/);
    await page.context().close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

// Every length sentence with GloVe, read back and checked against the lengths drawn and against
// each scheme's rule, at several schemes, first positions and texts.
const numberOf = (text) => Number(text.replaceAll(',', ''));
const near = (shown, value, what) =>
  assert.ok(Math.abs(numberOf(shown) - value) <= 0.005 * Math.abs(value) + 1e-9, `${what}: ${shown} for ${value}`);
const popcount = (p) => p.toString(2).replaceAll('0', '').length;

function checkSpan(match, values, what) {
  const [, low, high] = match;
  near(low, Math.min(...values), `${what} low`);
  if (high === undefined) assert.equal(Math.min(...values), Math.max(...values), what);
  else near(high, Math.max(...values), `${what} high`);
}

// The most set bits of any position up to last: last itself, or last with one of its set bits
// cleared and every bit below it set (each candidate is at most last).
function mostSetBits(last) {
  let most = popcount(last);
  for (let i = 0; 2 ** i <= last; i += 1)
    if (Math.floor(last / 2 ** i) % 2 === 1) most = Math.max(most, popcount(last - 2 ** i - (last % 2 ** i) + 2 ** i - 1));
  return most;
}

// Binary's rule with the bound reachable here: GloVe's 100 dimensions hold every position drawn.
function binaryRule(last) {
  const bits = mostSetBits(last);
  return (
    `A binary position’s length is the square root of its number of set bits: at most √${bits} = ${formatShort(Math.sqrt(bits))} ` +
    `here, since no position up to ${formatWhole(last)} has more than ${bits} of its 100 bits set.`
  );
}

function checkLengthSentences(words, state, label) {
  const { kind, tokens, tokenNorms, positionNorms } = state;
  const tokenSpan = /Token vectors here are ([\d.,]+)(?: to ([\d.,]+))? long\./.exec(words);
  assert.ok(tokenSpan, `${label}: ${words}`);
  checkSpan(tokenSpan, tokenNorms, `${label} token lengths`);
  const rule = {
    integer: 'An integer position p has length √100 · p = 10p here.',
    binary: binaryRule(tokens[tokens.length - 1].position),
    sinusoidal: 'Every sinusoidal position has length √(100/2) = 7.07: each sine and cosine pair adds 1.',
  }[kind];
  if (!rule) {
    assert.doesNotMatch(words, /Position vectors here/, label);
    return;
  }
  assert.ok(words.includes(rule), `${label}: the rule`);
  // The rule holds for every position drawn.
  const expected = (p) => ({ integer: 10 * p, binary: Math.sqrt(popcount(p)), sinusoidal: Math.sqrt(50) })[kind];
  tokens.forEach(({ position }, r) => near(String(positionNorms[r]), expected(position), `${label} position ${position}`));
  const positionSpan = /Position vectors here are ([\d.,]+)(?: to ([\d.,]+))? long\./.exec(words);
  assert.ok(positionSpan, label);
  checkSpan(positionSpan, positionNorms, `${label} position lengths`);
  const longest = Math.max(...tokenNorms);
  const first = positionNorms.findIndex((norm) => norm > longest);
  const none = /None is longer than the longest token vector \(([\d.,]+)\)\./.exec(words);
  const firstLonger =
    /The first one longer than every token vector here \(the longest is ([\d.,]+)\): position ([\d,]+) \(“\u2068(.+?)\u2069”\), ([\d.,]+) long\./.exec(
      words,
    );
  assert.equal(Boolean(none) + Boolean(firstLonger), 1, `${label}: one verdict`);
  if (none) {
    assert.equal(first, -1, label);
    near(none[1], longest, label);
  } else {
    near(firstLonger[1], longest, label);
    assert.equal(numberOf(firstLonger[2]), tokens[first].position, label);
    assert.equal(firstLonger[3], `${tokens[first].text}${tokens[first].oov ? '*' : ''}`, label);
    near(firstLonger[4], positionNorms[first], label);
  }
}

test("every length sentence with GloVe holds: the lengths drawn, each scheme's rule, the first position longer than every word", async () => {
  const { page, problems } = await openPage(session, `${session.url}?view=magnitude&embeddings=glove`);
  await drawnWithGlove(page);
  let checked = 0;
  for (const text of ['The cat and the kitten watched a plane', 'A puppy and a dog chased the train and the car', 'zzzq xqv']) {
    for (const kind of ['none', 'integer', 'binary', 'sinusoidal']) {
      for (const start of [0, 5, 200, 65535]) {
        await page.evaluate(
          ({ t, k, s }) => {
            const panel = document.querySelector('.sentence-controls');
            panel.querySelector('textarea').value = t;
            panel.querySelector('select:has(option[value="integer"])').value = k;
            const first = [...panel.querySelectorAll('label')].find((label) => label.textContent.startsWith('First position'));
            first.querySelector('input').value = String(s);
            panel.querySelector('textarea').dispatchEvent(new Event('input', { bubbles: true }));
          },
          { t: text, k: kind, s: start },
        );
        const state = await waitForSnapshot(page, (s) => s.kind === kind && s.start === start && s.text === text && s.count > 0);
        checkLengthSentences(await page.locator('.ratio-words').textContent(), state, JSON.stringify({ text, kind, start }));
        checked += 1;
      }
    }
  }
  assert.equal(checked, 48);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('with GloVe the dimension box is not read: no notice about an odd number, and a visible reason', async () => {
  const { page, problems } = await openPage(session, `${session.url}?view=sentence&kind=integer&dim=7`);
  const dim = page.getByLabel(/^Dimensions/);
  await waitForSnapshot(page, (s) => s.dim === 7 && s.count > 0);
  await vectorsSelect(page).selectOption('glove');
  await drawnWithGlove(page);
  // A paired scheme with the table's 100 dimensions: the reader's hidden 7 is not rounded.
  await page.getByLabel('Position scheme').selectOption('rope');
  await waitForSnapshot(page, (s) => s.embeddings === 'glove' && s.kind === 'rope' && s.count > 0);
  assert.equal(await viewMessage(page), '');
  assert.equal(await dim.isDisabled(), true);
  const reason = page.locator('.dimension-reason');
  assert.equal(await reason.isVisible(), true);
  assert.equal(await reason.textContent(), 'GloVe 6B 100d has 100 numbers per word: the dimensions are its own.');
  assert.equal(await dim.getAttribute('aria-describedby'), await reason.getAttribute('id'));
  // Back to the synthetic vectors, the box holds the reader's 7 again, which RoPE now rounds up.
  await vectorsSelect(page).selectOption('synthetic');
  await waitForSnapshot(page, (s) => s.embeddings === 'synthetic' && s.dim === 8 && s.count > 0);
  assert.match(await viewMessage(page), /needs an even number of dimensions \(they come in pairs\), so 7 became 8\./);
  assert.equal(await reason.isHidden(), true);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// The snapshot describes what is drawn: with GloVe, its 100 dimensions, not the disabled box's
// value (issue 23, finding 22).
test("with GloVe the snapshot reports the table's 100 dimensions in both views", async () => {
  for (const view of ['magnitude', 'sentence']) {
    const { page, problems } = await openPage(session, `${session.url}?view=${view}&embeddings=glove&dim=8`);
    const state = await drawnWithGlove(page);
    assert.equal(state.dim, 100, view);
    assert.deepEqual(problems, [], view);
    await page.context().close();
  }
});
