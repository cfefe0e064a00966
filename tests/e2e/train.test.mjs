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
import { NORMS, trainLimits, trainParams } from '../../web/views/train/train-params.js';
import { SIZES } from '../../web/views/train/trainer-runs.js';
import {
  REPO_ROOT,
  currentParams,
  openPage,
  screenshot,
  screenshotOf,
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

// A trainer in Node with the view's settings (the tiny model).
function trainerOf(scheme, settings) {
  return pe.trainer({
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
}

// The same run in Node: its losses, held-out loss before training and accuracy by length at the end.
function reference(scheme, settings = SETTINGS) {
  const trainer = trainerOf(scheme, settings);
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
  // Before Play, the accuracy chart's legend already names every scheme it will draw.
  const accuracyLegend = () => page.locator('[data-control="accuracy"] .legend-item').allTextContents();
  assert.deepEqual(await accuracyLegend(), [
    'none (no positions): not measured yet',
    'RoPE (rotary): not measured yet',
    'learned (GPT-2): not measured yet',
    'trained lengths',
  ]);
  assert.match(
    await page.locator('[data-control="positions"] .figure-note').textContent(),
    /^Hatched: every learned row, since no training step has run yet/,
  );
  await button(page, 'play').click();
  const state = await ended(page);
  assertCoreNumbers(state);
  assert.deepEqual(await accuracyLegend(), ['none (no positions)', 'RoPE (rotary)', 'learned (GPT-2)', 'trained lengths']);
  // One training line and one held-out line per run on the loss chart; one line per run by length.
  assert.equal(await page.locator('[data-control="loss"] svg path[stroke-dasharray]').count(), 3);
  assert.match(await page.locator('[data-control="accuracy"] h3').textContent(), /^Accuracy by length/);
  assert.deepEqual(await page.locator('.train-progress td:last-child').allTextContents(), ['done', 'done', 'done']);
  assert.deepEqual(problems, []);
  await page.context().close();
});

// Long enough for a click to land mid-run on any machine: the 24 steps of SHORT can end in two
// frames, between seeing a step past 6 and the click on Pause.
const PAUSABLE = SHORT.replace('steps=24', 'steps=600');

test('Step runs one step; Pause then Play continues where it stopped; Reset gives the same losses', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${PAUSABLE}`);
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
  assert.ok(moving.runs.every((run) => run.step < 600));
  await button(page, 'play').click();
  // Paused and played on, then (below) played through after Reset: the same losses bit for bit.
  const first = await ended(page);

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
  const query =
    'task=first&schemes=rope,alibi&norm=layer&causal=0&start=200&length=8&size=tiny&lr=0.005&steps=30&seed=7&pair=alibi,rope&head=2';
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
    pair: ['alibi', 'rope'],
    layer: 1,
    head: 2,
  };
  for (const [key, value] of Object.entries(expected)) assert.deepEqual(state[key], value, key);
  assert.equal(state.message, null, 'a link of usable values draws without a note');
  assert.deepEqual([...(await currentParams(page)).entries()], [['view', 'train'], ...new URLSearchParams(query).entries()]);
  assert.equal(await page.locator('[data-field="task"]').inputValue(), 'first');
  assert.equal(await page.locator('[data-field="start"]').inputValue(), '200');
  assert.equal(await page.locator('[data-field="norm"]').inputValue(), 'layer');
  // The attention panel's choosers show the link's choice, and what they read is that choice.
  const choosers = ['first', 'second', 'layer', 'head'].map((name) => page.locator(`[data-field="attention-${name}"]`));
  assert.deepEqual(await Promise.all(choosers.map((select) => select.inputValue())), ['alibi', 'rope', '1', '2']);
  assert.deepEqual(
    { ...state.attention, maps: state.attention.maps.map(({ scheme }) => scheme) },
    { length: 16, example: 0, layer: 0, head: 1, maps: ['alibi', 'rope'] },
  );
  // A choice made in the panel goes into the link.
  await choosers[0].selectOption('rope');
  await choosers[3].selectOption('1');
  const chose = await waitForSnapshot(page, (next) => next.head === 1 && next.pair[0] === 'rope');
  assert.deepEqual(
    chose.attention.maps.map(({ scheme }) => scheme),
    ['rope', 'rope'],
  );
  await page.evaluate(() => window.peDemo.urlSettled());
  assert.equal((await currentParams(page)).get('pair'), 'rope,rope');
  assert.equal((await currentParams(page)).has('head'), false, 'head 1 is the default, left out');

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

test('the link round-trips the attention choice of the small model: layer 2, head 3, RoPE beside learned', async () => {
  const query = 'schemes=none,rope,learned&steps=5&pair=learned,rope&layer=2&head=3';
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${query}`);
  const state = await loaded(page);
  assert.deepEqual([state.pair, state.layer, state.head], [['learned', 'rope'], 2, 3]);
  assert.deepEqual([state.attention.layer, state.attention.head], [1, 2]);
  assert.match(await page.locator('[data-control="attention"] h3').textContent(), /^Attention of layer 2, head 3/);
  assert.deepEqual([...(await currentParams(page)).entries()], [['view', 'train'], ...new URLSearchParams(query).entries()]);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a link’s values outside the trainer’s declared limits or the runs fall back, each with a sentence saying so', async () => {
  const query = 'size=tiny&steps=5&schemes=none,rope,alibi&length=80&lr=0&start=1000000001&pair=alibi,learned&layer=2&head=3';
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${query}`);
  const state = await loaded(page);
  assert.deepEqual([state.length, state.lr, state.start, state.pair, state.layer, state.head], [16, 0.01, 0, ['alibi', 'rope'], 1, 1]);
  assert.equal(
    state.message,
    'The link’s start "1000000001" must be a whole number from 0 to 1000000000, so the default "0" is used. ' +
      'The link’s length "80" must be a whole number from 1 to 64, so the default "16" is used. ' +
      'The link’s lr "0" must be a number above 0 and at most 10, so the default "0.01" is used. ' +
      'The link’s pair "alibi,learned" names learned (GPT-2), which is not among the schemes trained, so ALiBi (linear biases) beside RoPE (rotary) are shown. ' +
      'The link’s layer 2 is past the tiny model’s 1 layer, so layer 1 is shown. ' +
      'The link’s head 3 is past the tiny model’s 2 heads, so head 1 is shown.',
  );
  assert.equal(await page.locator('.view-message').first().textContent(), state.message, 'the sentences are on the page');
  await page.evaluate(() => window.peDemo.urlSettled());
  assert.deepEqual(Object.fromEntries(await currentParams(page)), {
    view: 'train',
    schemes: 'none,rope,alibi',
    size: 'tiny',
    steps: '5',
    pair: 'alibi,rope',
  });
  // A box holds the same declared limits: the steps stop at the page's 100,000 (the trainer takes more).
  assert.deepEqual(await page.locator('[data-field="length"]').evaluate((input) => [input.min, input.max]), ['1', '64']);
  await page.locator('[data-field="steps"]').fill('100001');
  const refused = await waitForSnapshot(page, (next) => /Steps must/.test(next.message));
  assert.equal(refused.message, 'Steps must be a whole number from 1 to 100000.');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a training length too short for the task is refused with the core’s reason, in the link and in the box', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&length=2&schemes=none,rope&steps=5`);
  const state = await loaded(page);
  assert.equal(state.length, 16, 'the defaults are used');
  assert.deepEqual(state.schemes, ['none', 'rope'], 'the chosen schemes are kept');
  assert.match(state.message, /trainingLength must be at least 4 for task kback \(no shorter sequence has a label\); received 2/);
  await page.locator('[data-field="length"]').fill('3');
  const refused = await waitForSnapshot(page, (next) => /received 3/.test(next.message));
  assert.equal(refused.length, 16, 'the runs keep their settings');
  assert.match(refused.message, /^These settings do not work: trainingLength must be at least 4 for task kback/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('hide= hides exactly the controls and figures it names', async () => {
  const hide = 'settings,step,reset,loss,progress,attention,positions,summary';
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${SHORT}&hide=${hide}`);
  await loaded(page);
  const shown = await page
    .locator('[data-control]')
    .evaluateAll((nodes) => nodes.filter((node) => !node.closest('[hidden]')).map((node) => node.dataset.control));
  assert.deepEqual(shown.sort(), ['accuracy', 'play']);
  assert.equal((await currentParams(page)).get('hide'), hide);
  const some = await openPage(session, `${session.url}index.html?view=train&${SHORT}&hide=seed,norm,pair`);
  await loaded(some.page);
  const hidden = await some.page
    .locator('[data-control]')
    .evaluateAll((nodes) => nodes.filter((node) => node.hidden).map((node) => node.dataset.control));
  assert.deepEqual(hidden.sort(), ['norm', 'pair', 'pair', 'seed'], 'both scheme choosers of the attention panel');
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

// The panels that look into the trained models: attention and the position tables.
const LOOK = 'size=tiny&length=6&steps=24&schemes=none,integer,sinusoidal,rope,learned';
const LOOK_SCHEMES = ['none', 'integer', 'sinusoidal', 'rope', 'learned'];

// A trainer of the view's settings in Node, its position table before training, then run to the end.
function trainedInNode(scheme, settings = SETTINGS) {
  const trainer = trainerOf(scheme, settings);
  const initial = trainer.positionTable();
  while (!trainer.state().finished) trainer.step(1);
  return { trainer, initial };
}

test('attention and position tables: the core’s numbers, untrained learned rows exactly the initial ones and marked', async () => {
  const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${LOOK}&autoplay=1`);
  const state = await ended(page);
  const node = Object.fromEntries(LOOK_SCHEMES.map((scheme) => [scheme, trainedInNode(scheme)]));
  const request = { length: 12, example: 0, layer: 0, head: 0 };
  assert.deepEqual({ ...state.attention, maps: undefined }, { ...request, maps: undefined });
  assert.deepEqual(
    state.attention.maps.map(({ scheme, step }) => [scheme, step]),
    [
      ['rope', 24],
      ['learned', 24],
    ],
    'RoPE and learned by default',
  );
  for (const map of state.attention.maps)
    assert.deepEqual(map.weights, Array.from(node[map.scheme].trainer.attention(request).weights), map.scheme);
  // The table under "Show the numbers" is the same numbers (to its 7 digits).
  const attention = page.locator('[data-control="attention"]');
  await attention.locator('button[aria-controls]').click();
  const firstRow = (await attention.locator('.figure-numbers-table tbody tr').nth(13).locator('td').allTextContents()).map(Number);
  const row13 = (scheme) => Number(state.attention.maps.find((map) => map.scheme === scheme).weights[13].toPrecision(7));
  assert.deepEqual(firstRow, [1, 1, row13('rope'), row13('learned')]);
  assert.match(await attention.locator('h3').textContent(), /^Attention of layer 1, head 1/);

  // Another head and another pair: read again, still the core's.
  await page.locator('[data-field="attention-first"]').selectOption('none');
  await page.locator('[data-field="attention-head"]').selectOption('2');
  const chosen = await waitForSnapshot(page, (next) => next.attention.head === 1 && next.attention.maps[0].scheme === 'none');
  assert.deepEqual(chosen.attention.maps[1].scheme, 'learned');
  for (const map of chosen.attention.maps)
    assert.deepEqual(map.weights, Array.from(node[map.scheme].trainer.attention({ ...request, head: 1 }).weights), `${map.scheme}, head 2`);

  // Position tables: one per scheme that adds one to the input; the others say where they act.
  assert.deepEqual(
    state.tables.map(({ scheme }) => scheme),
    ['integer', 'sinusoidal', 'learned'],
  );
  for (const table of state.tables)
    assert.deepEqual(table.values, Array.from(node[table.scheme].trainer.positionTable().values), table.scheme);
  const learned = state.tables.find(({ scheme }) => scheme === 'learned');
  const { initial } = node.learned;
  const rowOf = (values, r) => Array.from(values.slice(r * initial.dim, (r + 1) * initial.dim));
  assert.equal(learned.rows, 24);
  assert.deepEqual(
    learned.trained,
    Array.from({ length: 24 }, (_, r) => r < 6),
  );
  for (let r = 0; r < learned.rows; r += 1) {
    if (r < 6) assert.notDeepEqual(rowOf(learned.values, r), rowOf(initial.values, r), `row ${r} trained`);
    else assert.deepEqual(rowOf(learned.values, r), rowOf(initial.values, r), `row ${r} is still its initial value`);
  }
  const tables = page.locator('[data-control="positions"]');
  assert.deepEqual(await tables.locator('.train-tables-elsewhere li').allTextContents(), [
    'none (no positions): no table to show; it adds no positions.',
    'RoPE (rotary): no table to show; it rotates queries and keys.',
  ]);
  assert.match(await tables.locator('.figure-note').textContent(), /Hatched: the learned rows past the training length 6/);
  // A cell of an untrained row says so when read (keyboard: down the rows from the first).
  const learnedMap = tables.locator('.train-table').nth(2);
  await learnedMap.locator('canvas').focus();
  for (let k = 0; k < 8; k += 1) await page.keyboard.press('ArrowDown');
  assert.match(
    await learnedMap.locator('.readout').textContent(),
    /position 8, dimension 0: .*\(never trained: no sequence reached these positions\)/,
  );
  await page.keyboard.press('Home');
  for (const { trainer } of Object.values(node)) trainer.dispose();
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the attention and position-table panels at 390 px: nothing scrolls sideways, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems } = await openPage(session, `${session.url}index.html?view=train&${LOOK}&autoplay=1`, {
      width: 390,
      colorScheme,
    });
    await ended(page);
    assert.equal(await scrollsSideways(page), false);
    for (const control of ['attention', 'positions']) {
      const figure = page.locator(`[data-control="${control}"]`);
      const widths = await figure
        .locator('canvas')
        .evaluateAll((nodes) => nodes.filter((n) => n.offsetParent).map((n) => n.getBoundingClientRect().right));
      assert.ok(widths.length >= 2 && widths.every((right) => right <= 390), `${control}: canvases inside 390 px (${widths})`);
      await screenshotOf(figure, `train-${control}-390-${colorScheme}`);
    }
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('the view’s defaults are the core’s declarations of the trainer', async () => {
  const declared = Object.fromEntries((await pe.loadTrainer()).trainer.options.map((option) => [option.name, option.default]));
  const params = trainParams(pe);
  const view = Object.fromEntries(Object.entries(params).map(([key, param]) => [key, param.defaultValue]));
  const small = SIZES[view.size];
  assert.deepEqual(
    {
      task: view.task,
      norm: view.norm,
      causal: view.causal,
      start: view.start,
      length: view.length,
      lr: view.lr,
      steps: view.steps,
      seed: view.seed,
      ...small,
    },
    {
      task: declared.task,
      norm: declared.norm,
      causal: declared.causal,
      start: declared.firstPosition,
      length: declared.trainingLength,
      lr: declared.learningRate,
      steps: declared.steps,
      seed: declared.seed,
      layers: declared.layers,
      dModel: declared.dModel,
      heads: declared.heads,
    },
  );
});

test('what the view does not read from the trainer’s declarations agrees with them', async () => {
  const declared = Object.fromEntries((await pe.loadTrainer()).trainer.options.map((option) => [option.name, option]));
  assert.deepEqual(
    NORMS.map(({ value }) => value),
    declared.norm.choices,
    'the norms offered',
  );
  const within = (value, { minimum, maximum }) => value >= minimum && value <= maximum;
  for (const [name, size] of Object.entries(SIZES)) {
    for (const key of ['layers', 'dModel', 'heads']) assert.ok(within(size[key], declared[key].range), `${name}: ${key} ${size[key]}`);
  }
  const limits = trainLimits(await pe.loadTrainer());
  assert.ok(limits.steps.max <= declared.steps.range.maximum, 'the page stops steps at most where the trainer does');
  const params = trainParams(pe);
  for (const field of ['layer', 'head']) assert.equal(params[field].defaultValue, 1, `${field} 1 is in every model`);
});
