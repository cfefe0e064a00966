// The real tokenizers on the page: each one chosen in the sentence and magnitude views gives the
// pinned GPT-2, Llama 3 and DeepSeek-V3 ids, chips show the piece and the id, the notes follow
// the tokenizer, links keep it, and a vocabulary loads served, from dist/ over file://, under
// the strict CSP and in a sandboxed iframe, with a clear message when its file is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, currentParams, openPage, screenshot, scrollsSideways, useSession, waitForSnapshot } from './support/browser.mjs';
import { viewMessage } from './support/sentence-views.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";
const DIST_INDEX = join(REPO_ROOT, 'dist/index.html');
// "The dog chased another dog" in each vocabulary (web/pe.js's pinned ids).
const DOG_IDS = {
  gpt2: [464, 3290, 26172, 1194, 3290],
  llama3: [791, 5679, 62920, 2500, 5679],
  'deepseek-v3': [671, 6397, 88814, 2658, 6397],
};
const TOKENIZERS = Object.keys(DOG_IDS);
// The begin-of-text token Llama 3 and DeepSeek-V3 read first; the views put it first by default.
const BOS = { gpt2: null, llama3: 128000, 'deepseek-v3': 0 };
const readIds = (tokenizer) => (BOS[tokenizer] === null ? DOG_IDS[tokenizer] : [BOS[tokenizer], ...DOG_IDS[tokenizer]]);

const session = useSession();
const strictSession = useSession({ csp: STRICT_CSP });

const tokenizerSelect = (page) => page.getByTestId('tokenizer');
const idsOf = (state) => state.tokens.map(({ id }) => id);
// The snapshot once the view shows tokens of the given tokenizer (after its vocabulary loaded).
const drawnWith = (page, tokenizer) =>
  waitForSnapshot(page, (state) => state.tokenizer === tokenizer && state.count > 0, { timeout: 30000 });

test('each tokenizer in the sentence view: pinned ids, pieces and ids on the chips, duplicates by id', async () => {
  const { page, problems } = await openPage(session, `${session.url}?view=sentence`);
  for (const tokenizer of TOKENIZERS) {
    await tokenizerSelect(page).selectOption(tokenizer);
    const state = await drawnWith(page, tokenizer);
    const first = BOS[tokenizer] === null ? 0 : 1;
    assert.deepEqual(idsOf(state), readIds(tokenizer), tokenizer);
    assert.deepEqual(state.duplicates, [[1 + first, 4 + first]], tokenizer);
    const chips = page.locator('.token-chip');
    assert.equal(
      await chips
        .nth(1 + first)
        .locator('.token-text')
        .textContent(),
      '␣dog',
    );
    assert.equal(
      await chips
        .nth(1 + first)
        .locator('.token-id')
        .textContent(),
      `id ${DOG_IDS[tokenizer][1]}`,
    );
    const hint = await page.locator('.sentence-controls .control-hint').first().textContent();
    assert.match(hint, /byte-level BPE/);
    // The note says what was done, from the choice: the begin-of-text token first, or no such token.
    assert.equal(await page.getByTestId('bos').isVisible(), BOS[tokenizer] !== null, tokenizer);
    if (BOS[tokenizer] === null) assert.match(hint, /adds no special token before a text, and none is added here\./);
    else assert.match(hint, new RegExp(`its begin-of-text token \\(id ${BOS[tokenizer]}\\) comes first, at the first position\\.`));
    assert.doesNotMatch(hint, /No special tokens are added/);
    assert.match(await page.locator('.figure-note').first().textContent(), /seeded by\s+its token id/);
    assert.match(await page.locator('.tokenizer-credit').textContent(), /Vocabulary: .*licence texts/);
    await screenshot(page, `tokenizer-sentence-${tokenizer}-1280`);
  }
  assert.match(await page.locator('.tokenizer-credit').textContent(), /DeepSeek/);
  await tokenizerSelect(page).selectOption('llama3');
  assert.match(await page.locator('.tokenizer-credit').textContent(), /Built with Meta Llama 3/);
  // Without the begin-of-text token: the text's own ids, a note that says so, and a link that keeps it.
  await page.getByTestId('bos').uncheck();
  const plain = await waitForSnapshot(page, (state) => state.tokenizer === 'llama3' && state.tokens[0]?.id === DOG_IDS.llama3[0]);
  assert.deepEqual(idsOf(plain), DOG_IDS.llama3);
  assert.match(
    await page.locator('.sentence-controls .control-hint').first().textContent(),
    /The model reads its begin-of-text token \(id 128000\) before a text; it is left out here\./,
  );
  assert.equal((await currentParams(page)).get('bos'), '0');
  await tokenizerSelect(page).selectOption('words');
  const words = await drawnWith(page, 'words');
  assert.deepEqual(
    words.tokens.map(({ text }) => text),
    ['the', 'dog', 'chased', 'another', 'dog'],
  );
  assert.equal(await page.locator('.tokenizer-credit').isHidden(), true);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('each tokenizer in the magnitude view, and at phone width', async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, `${session.url}?view=magnitude`, { width });
    for (const tokenizer of TOKENIZERS) {
      await tokenizerSelect(page).selectOption(tokenizer);
      const state = await drawnWith(page, tokenizer);
      assert.equal(state.tokens[0].id, readIds(tokenizer)[0]);
      // The synthetic vectors of ids are not grouped: no pair counts as related.
      assert.equal(state.similarity.relatedPairs, 0, tokenizer);
      const prose = await page.locator('body').textContent();
      assert.match(prose, /pair of positioned tokens|pairs of different tokens|different tokens/, tokenizer);
      assert.doesNotMatch(prose, /word groups are listed below|placed close together: animals/, tokenizer);
      assert.equal(await scrollsSideways(page), false, `${tokenizer} at ${width} px`);
      await screenshot(page, `tokenizer-magnitude-${tokenizer}-${width}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  }
  const { page } = await openPage(session, `${session.url}?view=sentence&tokenizer=llama3`, { width: 390 });
  await drawnWith(page, 'llama3');
  assert.equal(await scrollsSideways(page), false);
  await screenshot(page, 'tokenizer-sentence-llama3-390');
  await page.context().close();
});

test('links keep the tokenizer: plain in an embed, with the view prefix on the full page', async () => {
  const embed = await openPage(session, `${session.url}?view=sentence&tokenizer=deepseek-v3`);
  assert.deepEqual(idsOf(await drawnWith(embed.page, 'deepseek-v3')), readIds('deepseek-v3'));
  assert.equal((await currentParams(embed.page)).get('tokenizer'), 'deepseek-v3');
  await embed.page.context().close();

  const full = await openPage(session, session.url);
  await full.page.locator('[data-view-slot="magnitude"]').scrollIntoViewIfNeeded();
  await full.page.locator('[data-view-slot="magnitude"] [data-testid="tokenizer"]').selectOption('gpt2');
  await waitForSnapshot(full.page, (state) => state.views.magnitude?.tokenizer === 'gpt2' && state.views.magnitude.count > 0, {
    timeout: 30000,
  });
  assert.equal((await currentParams(full.page)).get('magnitude.tokenizer'), 'gpt2');
  assert.deepEqual([...full.problems], []);
  await full.page.context().close();
});

test('a vocabulary loads from dist/ over file://, and under the strict CSP', async () => {
  const fromDisk = await openPage(session, `${pathToFileURL(DIST_INDEX).href}?view=sentence&tokenizer=llama3`);
  // A vocabulary to fetch and build. (That the view says so while it waits is tested below, frame by
  // frame: looked for here, after the page is ready, the message could already be gone.)
  assert.deepEqual(idsOf(await drawnWith(fromDisk.page, 'llama3')), readIds('llama3'));
  assert.deepEqual(fromDisk.problems, []);
  await fromDisk.page.context().close();

  const strict = await openPage(strictSession, `${strictSession.url}?view=magnitude&tokenizer=gpt2`);
  // The magnitude view's own sentence, "The cat and the kitten watched a plane".
  assert.deepEqual(idsOf(await drawnWith(strict.page, 'gpt2')), [464, 3797, 290, 262, 42143, 7342, 257, 6614]);
  await tokenizerSelect(strict.page).selectOption('deepseek-v3');
  await drawnWith(strict.page, 'deepseek-v3');
  assert.deepEqual(strict.problems, []);
  await strict.page.context().close();
});

test('a vocabulary loads inside <iframe sandbox="allow-scripts">', async () => {
  const { page, problems } = await openPage(session, `${session.url}tests/e2e/fixtures/sandboxed-view.html?view=sentence&tokenizer=gpt2`, {
    waitForReady: false,
  });
  await page.frameLocator('#embed').locator('body.ready').waitFor({ timeout: 15000 });
  const frame = page.frame({ url: /index\.html\?view=sentence/ });
  assert.deepEqual(idsOf(await drawnWith(frame, 'gpt2')), DOG_IDS.gpt2);
  assert.deepEqual(problems, []);
  await screenshot(page, 'tokenizer-sandboxed-iframe');
  await page.context().close();
});

test('a vocabulary another view loaded is used at once: no loading message, the figures never hidden', async () => {
  const { page, problems } = await openPage(session, session.url);
  const slot = (view) => page.locator(`[data-view-slot="${view}"]`);
  await slot('magnitude').scrollIntoViewIfNeeded();
  await slot('magnitude').getByTestId('tokenizer').selectOption('gpt2');
  await waitForSnapshot(page, (state) => state.views.magnitude?.tokenizer === 'gpt2' && state.views.magnitude.count > 0, {
    timeout: 30000,
  });
  await slot('sentence').scrollIntoViewIfNeeded();
  await waitForSnapshot(page, (state) => state.views.sentence?.count > 0);
  // Every state of the sentence view's message and results between two tasks, from now on.
  await page.evaluate(() => {
    const root = document.querySelector('[data-view-slot="sentence"]');
    window.seen = [];
    new MutationObserver(() =>
      window.seen.push({
        message: root.querySelector('.view-message').textContent,
        hidden: root.querySelector('.view-results').hidden,
      }),
    ).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await slot('sentence').getByTestId('tokenizer').selectOption('gpt2');
  const state = await waitForSnapshot(page, (s) => s.views.sentence?.tokenizer === 'gpt2' && s.views.sentence.count > 0);
  assert.deepEqual(idsOf(state.views.sentence), DOG_IDS.gpt2);
  const seen = await page.evaluate(() => window.seen);
  assert.ok(seen.length > 0, 'the view redrew');
  assert.deepEqual(
    seen.filter(({ message, hidden }) => message.includes('Loading') || hidden),
    [],
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a missing vocabulary file: a clear message, the rest of the page works, choosing it again or Try again retries', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'pe-lab-dist-'));
  try {
    cpSync(join(REPO_ROOT, 'dist'), folder, { recursive: true });
    rmSync(join(folder, 'web/generated/vocab/llama3.js'));
    const { page, problems } = await openPage(session, `${pathToFileURL(join(folder, 'index.html')).href}?view=sentence`);
    await tokenizerSelect(page).selectOption('llama3');
    await page.getByText('The Llama 3 vocabulary could not be loaded (the file vocab/llama3.js could not be loaded).').waitFor();
    assert.match(await viewMessage(page), /Choose another tokenizer, or try again\. Try again$/);
    await screenshot(page, 'tokenizer-load-failure');
    // Another tokenizer still works.
    await tokenizerSelect(page).selectOption('gpt2');
    assert.deepEqual(idsOf(await drawnWith(page, 'gpt2')), DOG_IDS.gpt2);
    // Choosing it again tries again (and fails again, visibly).
    await tokenizerSelect(page).selectOption('llama3');
    await page.getByText('The Llama 3 vocabulary could not be loaded').waitFor();
    // So does the Try again button, from the keyboard: the file is asked for again, and fails again.
    const failedLoads = problems.length;
    await page.getByRole('button', { name: 'Try again' }).focus();
    await page.keyboard.press('Enter');
    while (problems.length === failedLoads) await page.waitForTimeout(50);
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    assert.match(await viewMessage(page), /^The Llama 3 vocabulary could not be loaded/);
    for (const problem of problems) assert.match(problem, /llama3\.js|ERR_FILE_NOT_FOUND/);
    await page.context().close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('the loading message is painted before the vocabulary arrives, and no task holds the page for long while it is built', async () => {
  const { page, problems } = await openPage(session, `${session.url}?view=sentence`);
  // Every frame the page draws from now on (whether the loading message, or DeepSeek-V3's tokens,
  // its begin-of-text id on the first chip, were on screen in it), and every main-thread task over 50 ms.
  await page.evaluate((firstId) => {
    window.frames_ = [];
    window.longTasks = [];
    new PerformanceObserver((list) =>
      window.longTasks.push(...list.getEntries().map(({ startTime, duration }) => ({ startTime, duration }))),
    ).observe({
      type: 'longtask',
    });
    const tick = (time) => {
      window.frames_.push({
        time,
        loading: document.querySelector('.view-message').textContent.startsWith('Loading the'),
        drawn: document.querySelector('.token-chip .token-id')?.textContent === `id ${firstId}`,
      });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, readIds('deepseek-v3')[0]);
  await tokenizerSelect(page).selectOption('deepseek-v3');
  await drawnWith(page, 'deepseek-v3');
  // A long task is reported once it has ended, and after the next tasks: wait for a frame and two tasks.
  const { frames, longTasks, arrivedAt } = await page.evaluate(
    () =>
      new Promise((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() =>
            setTimeout(() =>
              resolve({
                frames: window.frames_,
                longTasks: window.longTasks,
                arrivedAt: performance.getEntriesByType('resource').find(({ name }) => name.endsWith('vocab/deepseek-v3.js')).responseEnd,
              }),
            ),
          ),
        ),
      ),
  );
  assert.ok(
    frames.some(({ time, loading }) => loading && time < arrivedAt),
    'the message is painted before the file arrives',
  );
  // The vocabulary's tables are built a slice per task (web/tokenizers/lenml-tokenizer.js): no task
  // from the file's arrival on is half as long as the time from its arrival to the tokens drawn
  // (built in one go, the page drew nothing for several times that).
  const drawnAt = frames.find(({ drawn }) => drawn).time;
  const longest = Math.max(0, ...longTasks.filter(({ startTime }) => startTime >= arrivedAt).map(({ duration }) => duration));
  assert.ok(
    longest < (drawnAt - arrivedAt) / 2,
    `a task of ${longest.toFixed(0)} ms; ${(drawnAt - arrivedAt).toFixed(0)} ms from the file's arrival to the tokens drawn`,
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});
