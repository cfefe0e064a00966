// The DeepSeek view in headless Chromium: alone (?view=mla) and on the full page, the diagram with
// each model's dimensions, the absorption experiment, the KV-cache calculator and YaRN, every
// number against pe.* in Node, the address following every control, bad links and bad input,
// keyboard and pointer readouts, and 390 px.
// Run: node --test tests/e2e/mla.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import { currentQuery, currentUrl, openPage, screenshot, scrollsSideways, snapshot, useSession, visibleSteps } from './support/browser.mjs';

const session = useSession();
const pe = await loadPE();
const KINDS = ['mha', 'gqa', 'mqa', 'mla'];

function openMla(query = '', options) {
  return openPage(session, `${session.url}index.html?view=mla${query}`, options);
}

// What the calculator must show for these dimensions, from the core in Node.
function expectedCache(dims, tokens, bytesPerElement) {
  return Object.fromEntries(KINDS.map((attention) => [attention, pe.kvCache({ attention, ...dims, tokens, bytesPerElement })]));
}

function expectedAbsorption(options) {
  return Object.fromEntries(
    ['none', 'naive', 'decoupled'].map((rope) => {
      const { maxAbsDifference, maxAbsScore } = pe.mlaAbsorption({ rope, ...options });
      return [rope, { maxAbsDifference, maxAbsScore }];
    }),
  );
}

const V3_DIMS = { layers: 61, heads: 128, headDim: 128, kvHeads: 8, latentDim: 512, ropeDim: 64 };
const figures = (page) => page.locator('[data-view-slot="mla"] figure, body.embedded figure');
const title = (page, n) => figures(page).nth(n).locator('.figure-title').textContent();
const note = (page, n) => figures(page).nth(n).locator('.figure-note').textContent();
const readout = (page, n) => figures(page).nth(n).locator('.readout');
const field = (page, name) => page.locator(`input[data-field="${name}"]`);

test("?view=mla shows DeepSeek-V3: the layer, the experiment, the cache and YaRN, with the core's numbers", async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openMla('', { width });
    assert.deepEqual(await visibleSteps(page), ['mla']);
    const state = await snapshot(page);
    assert.deepEqual([state.view, state.preset, state.contextLength, state.precision], ['mla', 'deepseek-v3', 131072, 'bf16']);
    assert.deepEqual(state.dims, V3_DIMS);
    assert.deepEqual(state.cache, expectedCache(V3_DIMS, 131072, 2));
    assert.equal(state.cache.mla.perTokenPerLayer, 576);
    assert.equal(state.cache.mha.perTokenPerLayer, 32768);
    assert.deepEqual(state.absorption, expectedAbsorption({ tokens: 8, start: 0, seed: 1 }));
    assert.deepEqual([state.tokens, state.start, state.seed, state.message], [8, 0, 1, null]);

    // The diagram: DeepSeek-V3's numbers on every arrow, what is cached, and why.
    assert.equal(await title(page, 0), 'DeepSeek-V3: 576 numbers cached per token per layer, the latent and one rotated key');
    const diagram = await page.locator('svg.mla-diagram').textContent();
    for (const text of [
      '7,168 → 512',
      '512 → 128',
      'RoPE: 7,168 → 64',
      '7,168 → 1,536',
      '1,536 → 128',
      'RoPE: 1,536 → 64',
      '192 = 128 + 64',
      'cached: 576 per token per layer',
      '(MHA: 32,768)',
      'shared by the heads',
    ]) {
      assert.ok(diagram.includes(text), `${text} in the diagram at ${width} px`);
    }
    assert.equal(
      await page.locator('svg.mla-diagram rect[stroke="var(--category-0)"]').count(),
      3,
      'c^KV, k^R and the cache box are marked cached',
    );
    assert.match(
      await note(page, 0),
      /Why decoupled: .* one fixed matrix per head, folded into the query once, so no key is built\. RoPE on qC and kC would put a rotation that depends on both positions between WUQ and WUK: no single matrix could be folded\./,
    );

    // The experiment: none and decoupled agree, naive does not, with what each caches.
    assert.match(
      await title(page, 1),
      /^Folding Wᵁᴷ into the query gives the explicit scores with no positions \(\d\.\d × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]\) and decoupled RoPE \(\d\.\d × 10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]\), not with RoPE on the full keys \(0\.\d+\)$/,
    );
    const bars = await figures(page).nth(1).locator('.bar-value').allTextContents();
    assert.match(bars[0], /· caches 16 of 128$/);
    assert.match(bars[2], /· caches 24 of 160$/);
    assert.match(
      await note(page, 1),
      /exact folding needs a matrix per offset between two tokens: 15 per head for 8 tokens instead of 1\./,
    );

    // The calculator: the ratios spelled out.
    assert.equal(await title(page, 2), 'DeepSeek-V3 caches 576 numbers per token per layer (MLA), 56.9× fewer than MHA’s 32,768');
    const cacheNote = await note(page, 2);
    assert.match(cacheNote, /Whole model, 131,072 tokens, bf16: MHA 488 GiB, GQA 30\.5 GiB, MQA 3\.81 GiB, MLA 8\.58 GiB\./);
    assert.match(cacheNote, /With the real heads \(keys 128 \+ 64, values 128\), MHA caches 40,960: 71\.1× MLA/);
    assert.deepEqual(await figures(page).nth(2).locator('.legend-item').allTextContents(), [
      'MHA, multi-head: 2 × 128 × 128',
      'GQA, grouped-query: 2 × 8 × 128',
      'MQA, multi-query: 2 × 128',
      'MLA, latent: 512 + 64',
    ]);

    // YaRN on the 64 rotated numbers, and the temperature.
    assert.equal(await title(page, 3), 'DeepSeek-V3’s YaRN keeps pairs 0–10, blends pairs 11–22 and stretches pairs 23–31 (×40)');
    assert.match(
      await note(page, 3),
      /multiplies its softmax scale 1\/√192 by mscale² = \(0\.1 × 1 × ln 40 \+ 1\)² = 1\.874 \(DeepSeek-V2: \(0\.1 × 0\.707 × ln 40 \+ 1\)² = 1\.590\)/,
    );
    assert.equal(await page.locator('svg.yarn-chart circle').count(), 64);

    assert.equal(await scrollsSideways(page), false, `no sideways scroll at ${width} px`);
    await screenshot(page, `mla-view-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

test('a model, a precision and custom dimensions change every figure and the address', async () => {
  const { page, problems } = await openMla();
  await page.getByRole('combobox', { name: 'Model' }).selectOption('llama-3.2-1b');
  assert.equal(await currentQuery(page), '?view=mla&preset=llama-3.2-1b');
  let state = await snapshot(page);
  const llama = { layers: 16, heads: 32, headDim: 64, kvHeads: 8, latentDim: 512, ropeDim: 64 };
  assert.deepEqual(state.dims, llama);
  assert.deepEqual(state.cache, expectedCache(llama, 131072, 2));
  assert.deepEqual([state.cache.gqa.perTokenPerLayer, state.cache.gqa.perToken], [1024, 16384]);
  assert.equal(await field(page, 'heads').inputValue(), '32');
  assert.match(await title(page, 0), /^DeepSeek-V3 \(Llama 3\.2 1B has no latent\): 576 numbers/);
  assert.match(await note(page, 2), /MLA: DeepSeek’s 576\./);
  assert.match(await title(page, 3), /^DeepSeek-V3’s YaRN/);

  await page.getByRole('combobox', { name: 'Precision' }).selectOption('fp8');
  assert.equal(await currentQuery(page), '?view=mla&preset=llama-3.2-1b&precision=fp8');
  assert.equal((await snapshot(page)).cache.gqa.bytes, 131072 * 16384);

  // A dimension of one's own makes the model custom, and the address carries every dimension.
  await field(page, 'kvHeads').fill('4');
  assert.equal(await page.getByRole('combobox', { name: 'Model' }).inputValue(), 'custom');
  const query = new URLSearchParams(await currentQuery(page));
  assert.deepEqual(Object.fromEntries(query), {
    view: 'mla',
    preset: 'custom',
    precision: 'fp8',
    layers: '16',
    heads: '32',
    headDim: '64',
    kvHeads: '4',
  });
  state = await snapshot(page);
  assert.deepEqual(state.cache, expectedCache({ ...llama, kvHeads: 4 }, 131072, 1));
  assert.match(await title(page, 2), /^Custom: MLA caches 576 numbers per token per layer, /);
  assert.match(await title(page, 0), /\(custom dimensions are not drawn\)/);
  await field(page, 'context').fill('1048576');
  assert.equal((await snapshot(page)).cache.mla.total, 576 * 16 * 1048576);

  // The address opens the same state again.
  const again = await openPage(session, await currentUrl(page));
  assert.deepEqual(await snapshot(again.page), await snapshot(page));
  assert.deepEqual(again.problems, []);
  await again.page.context().close();

  // Back to a model: its dimensions return, the context stops at its maximum, the dimensions
  // leave the address.
  await page.getByRole('combobox', { name: 'Model' }).selectOption('deepseek-v2-lite');
  state = await snapshot(page);
  assert.equal(state.contextLength, 163840);
  assert.deepEqual(state.dims, { layers: 27, heads: 16, headDim: 128, kvHeads: 8, latentDim: 512, ropeDim: 64 });
  assert.equal(await currentQuery(page), '?view=mla&preset=deepseek-v2-lite&precision=fp8&context=163840');
  assert.match(await title(page, 0), /^DeepSeek-V2-Lite: 576 numbers/);
  assert.ok((await page.locator('svg.mla-diagram').textContent()).includes('2,048 → 128'), 'V2-Lite has no query latent: W^Q from h_t');
  await page.getByRole('combobox', { name: 'Model' }).selectOption('llama-3.1-70b');
  assert.equal((await snapshot(page)).contextLength, 131072, "the context stops at Llama 3.1 70B's 131,072");
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('the experiment at another position, size and seed; bad input keeps the last state with a message', async () => {
  const { page, problems } = await openMla();
  await field(page, 'start').fill('1048576');
  await field(page, 'tokens').fill('16');
  await field(page, 'seed').fill('42');
  assert.equal(await currentQuery(page), '?view=mla&tokens=16&start=1048576&seed=42');
  const state = await snapshot(page);
  assert.deepEqual(state.absorption, expectedAbsorption({ tokens: 16, start: 1048576, seed: 42 }));
  assert.match(await note(page, 1), /31 per head for 16 tokens/);

  await field(page, 'tokens').fill('1');
  const message = page.locator('.view-message');
  assert.equal(await message.textContent(), 'Tokens must be a whole number from 2 to 64.');
  assert.ok(
    await message.evaluate((node) => node.previousElementSibling.contains(document.querySelector('input[data-field="tokens"]'))),
    "the message sits under the experiment's panel",
  );
  assert.equal((await snapshot(page)).tokens, 16, 'the last good state stays');
  await field(page, 'tokens').fill('2');
  await field(page, 'start').fill('2147483646');
  assert.ok(await message.isHidden());
  await field(page, 'tokens').fill('3');
  assert.equal(
    await message.textContent(),
    'These settings do not work: start must be an integer from 0 to 2147483645 (the last position, start + tokens - 1, may be at most 2^31 - 1); received 2147483646.',
  );
  await field(page, 'ropeDim').fill('63');
  assert.match(await message.textContent(), /ropeDim must be an even integer from 0 to 65536; received 63/);
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('a bad link falls back to defaults with a note', async () => {
  let { page, problems } = await openMla('&preset=gpt-5&precision=fp4&tokens=1&heads=abc');
  const notes = await page.locator('[data-page-notes]').textContent();
  for (const text of [
    'preset "gpt-5" must be one of deepseek-v2, deepseek-v3, deepseek-v2-lite, llama-3.1-8b, llama-3.1-70b, llama-3.2-1b, custom',
    'precision "fp4" must be one of fp32, bf16, fp8',
    'tokens "1" must be a whole number from 2 to 64',
    'heads "abc"',
  ]) {
    assert.ok(notes.includes(text), `${text} in ${notes}`);
  }
  assert.equal(await currentQuery(page), '?view=mla');
  assert.deepEqual(problems, []);
  await page.context().close();

  ({ page, problems } = await openMla('&context=200000'));
  const state = await snapshot(page);
  assert.equal(state.contextLength, 131072);
  assert.equal(state.message, 'The link’s settings do not work (DeepSeek-V3 reads at most 163,840 tokens), so the defaults are shown.');
  assert.equal(await currentQuery(page), '?view=mla');
  assert.deepEqual(problems, []);
  await page.context().close();

  ({ page, problems } = await openMla('&preset=custom&ropeDim=7'));
  assert.match((await snapshot(page)).message, /ropeDim must be an even integer from 0 to 65536; received 7/);
  assert.equal((await snapshot(page)).preset, 'deepseek-v3');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test('every chart reads out by keyboard and by pointer', async () => {
  const { page, problems } = await openMla();
  const diagram = page.locator('svg.mla-diagram');
  await diagram.focus();
  assert.equal(await readout(page, 0).textContent(), 'h_t · 7,168, hidden state');
  await page.keyboard.press('ArrowDown');
  assert.equal(await readout(page, 0).textContent(), 'c^KV · 512, latent; made by W^DKV: 7,168 → 512; cached');
  for (let k = 0; k < 3; k += 1) await page.keyboard.press('ArrowDown');
  assert.equal(
    await readout(page, 0).textContent(),
    'k^R · 64, shared by the heads; made by W^KR, RoPE: 7,168 → 64; rotated by the token’s position; cached',
  );
  assert.equal(await diagram.locator('.chart-marker').getAttribute('visibility'), 'visible');

  const experiment = page.locator('svg.bar-chart').first();
  await experiment.focus();
  assert.match(
    await readout(page, 1).textContent(),
    /^no positions: largest difference .* largest score 3\.12; caches 16 per token instead of 128; 1 folded matrix per head$/,
  );
  await page.keyboard.press('ArrowDown');
  assert.match(await readout(page, 1).textContent(), /^RoPE on the full keys: largest difference 2\.11, .*; 15 folded matrices per head$/);

  const calculator = page.locator('svg.bar-chart').nth(1);
  await calculator
    .locator('rect')
    .first()
    .hover({ position: { x: 5, y: 5 } });
  assert.equal(
    await readout(page, 2).textContent(),
    'MHA: 2 × 128 × 128 = 32,768 per token per layer, 1,998,848 per token, 488 GiB in all',
  );

  const yarn = page.locator('svg.yarn-chart');
  await yarn.focus();
  assert.equal(await readout(page, 3).textContent(), 'pair 0: one turn every 6.28 positions before scaling, 6.28 after (kept)');
  await page.keyboard.press('End');
  assert.equal(await readout(page, 3).textContent(), 'pair 31: one turn every 47,100 positions before scaling, 1,880,000 after (divided)');
  assert.deepEqual(problems, []);
  await page.context().close();
});

test("on the full page DeepSeek ends the road, the training lab follows it, then the road's ending, at 1280 and 390 px", async () => {
  for (const width of [1280, 390]) {
    const { page, problems } = await openPage(session, `${session.url}index.html?mla.preset=deepseek-v2`, { width });
    const steps = await visibleSteps(page);
    assert.deepEqual(steps.slice(-2), ['mla', 'train']);
    assert.match(await page.locator('#deepseek h2').textContent(), /DeepSeek: a latent cache, and RoPE kept apart from it/);
    const ending = page.locator('.ending');
    assert.match(await ending.textContent(), /The road, from integers to decoupled RoPE/);
    assert.ok(await ending.evaluate((node) => node.previousElementSibling.matches('main')), 'the ending follows the steps');
    const state = (await snapshot(page)).views.mla;
    assert.equal(state.preset, 'deepseek-v2');
    assert.equal(state.cache.mla.perToken, 576 * 60);
    assert.equal(await scrollsSideways(page), false);
    await page.locator('#deepseek').scrollIntoViewIfNeeded();
    await screenshot(page, `mla-page-${width}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  }
});

// On a log axis a bar of 1 (the smallest custom model's MLA caches one number) must still show:
// the axis starts a decade below the smallest value (issue 23, finding 19).
test('every bar of a positive value has a length, down to a cache of 1 number', async () => {
  const { page, problems } = await openPage(
    session,
    `${session.url}index.html?view=mla&preset=custom&context=1&layers=1&heads=1&headDim=1&kvHeads=1&latentDim=1&ropeDim=0`,
  );
  const bars = await page
    .locator('[data-view-slot="mla"] svg.bar-chart, [data-view-slot="mla"] .bar-chart svg')
    .evaluateAll((charts) =>
      charts.flatMap((svg) =>
        [...svg.querySelectorAll('rect')]
          .filter((rect) => rect.nextElementSibling?.classList.contains('bar-value'))
          .map((rect) => ({ value: rect.nextElementSibling.textContent, width: Number(rect.getAttribute('width')) })),
      ),
    );
  assert.ok(
    bars.some(({ value }) => /^1\b/.test(value)),
    JSON.stringify(bars),
  );
  for (const { value, width } of bars) if (!/^0\b/.test(value)) assert.ok(width > 1, `the bar “${value}” is ${width} px long`);
  assert.deepEqual(problems, []);
  await page.context().close();
});
