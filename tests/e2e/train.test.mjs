// The training lab (?view=train) in headless Chromium, on short experiments (a few dozen steps of
// the tiny model): every run's numbers are the core's (the same trainer run here in Node gives the
// same losses and accuracies, bit for bit), Step, Pause then Play continue where they stopped,
// Reset with the same seed gives the same losses, the link round-trips every setting, a setting
// that invalidates the runs resets them and says so, hide= hides what it names and nothing else,
// and it trains served, from dist/ over file://, under the strict CSP and in a sandboxed iframe.
// Run: node --test tests/e2e/train.test.mjs   (after `bash .ci/build.sh web dist`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadPE } from '../../web/pe.js';
import {
  REPO_ROOT,
  currentParams,
  openPage,
  screenshot,
  scrollsSideways,
  snapshot,
  useSession,
  waitForSnapshot,
} from './support/browser.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";
const SHORT = 'size=tiny&length=6&steps=24&schemes=none,rope,learned';
const SETTINGS = { task: 'kback', norm: 'rms', causal: true, start: 0, length: 6, size: 'tiny', lr: 0.01, steps: 24, seed: 1 };
const TINY = { layers: 1, dModel: 16, heads: 2 };

const session = useSession();
const strictSession = useSession({ csp: STRICT_CSP });
const pe = await loadPE();
await pe.loadTrainer();

// The same run in Node: its losses, held-out loss before training and accuracy by length at the end.
function reference(scheme, settings = SETTINGS) {
  const trainer = pe.trainer({
    task: settings.task,
    scheme,
    norm: settings.norm,
    causal: settings.causal,
    ...TINY,
    trainingLength: settings.length,
    firstPosition: settings.start,
    learningRate: settings.lr,
    steps: settings.steps,
    seed: settings.seed,
  });
  const trained = Array.from({ length: settings.length }, (_, i) => i + 1);
  const heldOut0 = trainer.evaluate({ lengths: trained, sequences: 8 }).loss;
  const losses = [];
  while (!trainer.state().finished) losses.push(...trainer.step(1).losses);
  const lengths = Array.from({ length: 4 * settings.length }, (_, i) => i + 1);
  const accuracy = trainer.evaluate({ lengths, sequences: 32 }).byLength.map((row) => row.tokenAccuracy);
  trainer.dispose();
  return { losses, heldOut0, accuracy };
}

const loaded = (page) => waitForSnapshot(page, (state) => state.loaded, { timeout: 30000 });
const ended = (page) => waitForSnapshot(page, (state) => state.loaded && state.runs.every((run) => !run.busy), { timeout: 120000 });
const button = (page, control) => page.locator(`[data-control="${control}"]`);
// NaN (no labelled token at that length) comes through JSON as null.
const asJson = (values) => JSON.parse(JSON.stringify(values));

function assertCoreNumbers(state) {
  for (const run of state.runs) {
    const core = reference(run.scheme, state);
    assert.deepEqual(run.losses, core.losses, `${run.scheme}: every loss is the core's`);
    assert.equal(run.heldOut[0].loss, core.heldOut0, `${run.scheme}: the held-out loss`);
    assert.deepEqual(run.accuracy.accuracy, asJson(core.accuracy), `${run.scheme}: the accuracy by length`);
  }
}

test('it starts paused; played to the end, every number on its charts is the core’s', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${SHORT}`);
  const first = await loaded(page);
  assert.equal(first.playing, false);
  assert.deepEqual(
    first.tasks,
    pe.tasks.map(({ name }) => name),
  );
  assert.deepEqual(
    first.runs.map(({ step }) => step),
    [0, 0, 0],
  );
  await button(page, 'play').click();
  const state = await ended(page);
  assertCoreNumbers(state);
  // One training line and one held-out line per run on the loss chart; one line per run by length.
  assert.equal(await page.locator('[data-control="loss"] svg path[stroke-dasharray]').count(), 3);
  assert.match(await page.locator('[data-control="accuracy"] h3').textContent(), /^Accuracy by length/);
  assert.deepEqual(await page.locator('.train-progress td:last-child').allTextContents(), ['done', 'done', 'done']);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('Step runs one step; Pause then Play continues where it stopped; Reset gives the same losses', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${SHORT}`);
  await loaded(page);
  for (let i = 0; i < 3; i += 1) await button(page, 'step').click();
  assert.deepEqual(
    (await snapshot(page)).runs.map(({ step }) => step),
    [3, 3, 3],
  );
  await button(page, 'play').click();
  const moving = await waitForSnapshot(page, (state) => state.runs.some((run) => run.step > 6));
  await button(page, 'play').click(); // now Pause
  const paused = await snapshot(page);
  assert.equal(paused.playing, false);
  await page.waitForTimeout(300);
  assert.deepEqual(
    (await snapshot(page)).runs.map(({ step }) => step),
    paused.runs.map(({ step }) => step),
    'paused: no step',
  );
  assert.ok(moving.runs.every((run) => run.step < 24));
  await button(page, 'play').click();
  const first = await ended(page);
  assertCoreNumbers(first);

  await button(page, 'reset').click();
  assert.deepEqual(
    (await snapshot(page)).runs.map(({ step }) => step),
    [0, 0, 0],
  );
  await button(page, 'play').click();
  const again = await ended(page);
  for (const [r, run] of again.runs.entries()) assert.deepEqual(run.losses, first.runs[r].losses, `${run.scheme}: bit for bit`);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the link round-trips every setting; a change that invalidates the runs resets them and says so', async () => {
  const query = 'task=first&schemes=rope,alibi&norm=layer&causal=0&start=200&length=8&size=tiny&lr=0.005&steps=30&seed=7';
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${query}`);
  const state = await loaded(page);
  const expected = {
    task: 'first',
    schemes: ['rope', 'alibi'],
    norm: 'layer',
    causal: false,
    start: 200,
    length: 8,
    size: 'tiny',
    lr: 0.005,
    steps: 30,
    seed: 7,
  };
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(state[key], value, key);
  assert.deepEqual([...(await currentParams(page)).entries()], [['view', 'train'], ...new URLSearchParams(query).entries()]);
  assert.equal(await page.locator('[data-field="task"]').inputValue(), 'first');
  assert.equal(await page.locator('[data-field="start"]').inputValue(), '200');
  assert.equal(await page.locator('[data-field="norm"]').inputValue(), 'layer');

  await button(page, 'step').click();
  await page.locator('[data-field="seed"]').fill('8');
  const reset = await waitForSnapshot(page, (next) => next.seed === 8);
  assert.deepEqual(
    reset.runs.map(({ step }) => step),
    [0, 0],
  );
  assert.equal(reset.message, 'The runs started again, because the seed changed.');
  await page.evaluate(() => window.peDemo.urlSettled());
  assert.equal((await currentParams(page)).get('seed'), '8');
  // Ticking a scheme adds its run and leaves the others where they are.
  await button(page, 'step').click();
  await page.locator('[data-scheme="none"]').check();
  const added = await waitForSnapshot(page, (next) => next.schemes.length === 3);
  assert.deepEqual(
    added.runs.map(({ scheme, step }) => [scheme, step]),
    [
      ['none', 0],
      ['rope', 1],
      ['alibi', 1],
    ],
  );
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('hide= hides exactly the controls and figures it names', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${SHORT}&hide=settings,step,reset,loss,progress`);
  await loaded(page);
  const shown = await page
    .locator('[data-control]')
    .evaluateAll((nodes) => nodes.filter((node) => !node.closest('[hidden]')).map((node) => node.dataset.control));
  assert.deepEqual(shown.sort(), ['accuracy', 'play']);
  assert.equal((await currentParams(page)).get('hide'), 'settings,step,reset,loss,progress');
  const some = await openPage(session, `${session.url}index.html?view=train&${SHORT}&hide=seed,norm`);
  await loaded(some.page);
  const hidden = await some.page
    .locator('[data-control]')
    .evaluateAll((nodes) => nodes.filter((node) => node.hidden).map((node) => node.dataset.control));
  assert.deepEqual(hidden.sort(), ['norm', 'seed']);
  assert.deepEqual([...problems, ...some.problems], []);
  await page.context().close();
  await some.page.context().close();
});

async function trainsIn(page, frame = page) {
  await waitForSnapshot(frame, (state) => state.loaded, { timeout: 30000 });
  await frame.locator('[data-control="play"]').click();
  const state = await waitForSnapshot(frame, (next) => next.runs.every((run) => !run.busy), { timeout: 120000 });
  assertCoreNumbers(state);
}

test('it trains from dist/ over file://, under the strict CSP and in a sandboxed iframe', async () => {
  const fromDisk = await openPage(session, `${pathToFileURL(join(REPO_ROOT, 'dist/index.html')).href}?view=train&${SHORT}`);
  await trainsIn(fromDisk.page);
  const strict = await openPage(strictSession, `${strictSession.url}index.html?view=train&${SHORT}`);
  await trainsIn(strict.page);
  const framed = await openPage(session, `${session.url}tests/e2e/fixtures/sandboxed-view.html?view=train&${SHORT}`, {
    waitForReady: false,
  });
  await framed.page.frameLocator('#embed').locator('body.ready').waitFor({ timeout: 15000 });
  await trainsIn(framed.page, framed.page.frame({ url: /index\.html\?view=train/ }));
  assert.deepEqual([...fromDisk.problems, ...strict.problems, ...framed.problems], []);
  for (const { page } of [fromDisk, strict, framed]) await page.context().close();
});

test('a learner’s look: 1280 and 390 px, light and dark, during and after a run', async () => {
  for (const [width, colorScheme] of [
    [1280, 'light'],
    [390, 'dark'],
  ]) {
    const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${SHORT}&autoplay=1`, { width, colorScheme });
    await waitForSnapshot(page, (state) => state.loaded && state.runs.some((run) => run.step >= 8), { timeout: 60000 });
    await screenshot(page, `train-during-${width}-${colorScheme}`);
    await ended(page);
    await screenshot(page, `train-after-${width}-${colorScheme}`);
    assert.equal(await scrollsSideways(page), false, `no sideways scroll at ${width} px`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('the summary says only what the run measured: integer exactly like none under LayerNorm', async () => {
  const { page, problems } = await openPage(
    session,
    `${session.url}index.html?view=train&size=tiny&length=6&steps=24&schemes=none,integer&norm=layer&autoplay=1`,
  );
  const state = await ended(page);
  assert.deepEqual(state.runs[0].losses, state.runs[1].losses);
  assert.match(state.summary.join('\n'), /Under LayerNorm, integer positions trained exactly like none: all 24 losses the same/);
  assert.doesNotMatch(state.summary.join('\n'), /diverged|learned nothing/);
  assert.deepEqual(await page.locator('.train-summary li').allTextContents(), state.summary);
  assert.deepEqual(problems, []);
  await page.context().close();
});
