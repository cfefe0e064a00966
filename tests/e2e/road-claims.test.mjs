// The sentences of the RoPE, sinusoidal and DeepSeek views at the edges of their controls: tiny
// and huge bases, tiny and custom models, Llama presets, the largest context. Each sentence must
// hold for the numbers the core gives at that setting (pe.* in Node), not only at the defaults.
// Run: node --test tests/e2e/road-claims.test.mjs   (after `bash .ci/build.sh web`)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadPE } from '../../web/pe.js';
import { openPage, snapshot, useSession } from './support/browser.mjs';

const session = useSession();
const pe = await loadPE();

const open = (query) => openPage(session, `${session.url}index.html?${query}`);
const number = (text) => Number(text.replace(/,/g, ''));
const near = (shown, value, what) => assert.ok(Math.abs(shown - value) <= Math.abs(value) * 0.006, `${what}: ${shown} for ${value}`);

// "Pair 0 turns A rad per position (a turn every B positions), pair L C rad (a turn every D), R times
// slower[: fast pairs spin, slow pairs barely move]": every number the core's, the two rates
// written apart, and "barely move" only where the slowest pair turns under 0.01 rad a position.
test('the clocks title holds at small, default and huge bases', async () => {
  for (const [base, dim] of [
    [2, 8],
    [1.0001, 8],
    [10000, 32],
    [1e300, 16],
  ]) {
    const { page } = await open(`view=rope&base=${encodeURIComponent(base)}&dim=${dim}&position=50`);
    const state = await snapshot(page);
    assert.deepEqual([state.base, state.dim], [base, dim]);
    const [clocks] = state.titles;
    const theta = pe.ropeFrequencies({ dim, base });
    const last = dim / 2 - 1;
    const form =
      /^Pair 0 turns (.+?) rad per position \(a turn every (.+?) positions\), pair (\d+) (.+?) rad \(a turn every (.+?)\), (.+?) times slower(: fast pairs spin, slow pairs barely move)?$/;
    const match = clocks.match(form);
    assert.ok(match, `base ${base}: ${clocks}`);
    const [, fast, , pair, slow, , ratio, barely] = match;
    assert.equal(Number(pair), last);
    assert.notEqual(fast, slow, `base ${base}: the two rates must read differently`);
    near(number(fast), theta[0], 'pair 0');
    if (!slow.includes('×')) near(number(slow), theta[last], `pair ${last}`);
    if (!ratio.includes('×')) near(number(ratio), theta[0] / theta[last], 'ratio');
    assert.equal(Boolean(barely), theta[last] < 0.01, `base ${base}: ${clocks}`);
    await page.context().close();
  }
});

test('the sinusoidal map title holds at a base just above 1', async () => {
  for (const base of [1.0001, 10000]) {
    const { page } = await open(`view=sinusoidal&base=${encodeURIComponent(base)}&dim=16`);
    const [map] = (await snapshot(page)).titles;
    const match = map.match(
      /^Each pair of dimensions is one wave, each slower than the one before: pair 0 repeats every (.+?) positions, pair 7 every (.+?) \((.+?) times as long\)$/,
    );
    assert.ok(match, map);
    assert.notEqual(match[1], match[2], map);
    await page.context().close();
  }
});

// Half pairing's permutation is 0, d/2, 1, d/2 + 1, ...: a list cut between the two rows of a pair
// hides the pattern. Every run of rows shown must start at an even place and hold whole pairs.
test('the rows of a permutation are listed in whole pairs', async () => {
  for (const [pairing, dim] of [
    ['half', 64],
    ['interleaved', 64],
    ['half', 128],
  ]) {
    const { page } = await open(`view=rope&pairing=${pairing}&dim=${dim}`);
    const notes = await page.locator('[data-view-slot="rope"] .figure-note, body.embedded .figure-note').allTextContents();
    const note = notes.find((text) => text.startsWith('Rows of the converted'));
    const list = note.match(/^Rows of the converted W_q and W_k, from the core: (.*) of the trained ones\./)[1];
    const permutation = Array.from(pe.ropePairingPermutation({ dim, from: pairing, to: pairing === 'half' ? 'interleaved' : 'half' }));
    for (const run of list.split(', …, ')) {
      const rows = run.split(', ').map(Number);
      const at = permutation.findIndex((_, i) => rows.every((row, r) => permutation[i + r] === row));
      assert.ok(at >= 0 && at % 2 === 0 && rows.length % 2 === 0, `${pairing} ${dim}: "${run}" cuts a pair (at ${at})`);
    }
    await page.context().close();
  }
});

// The DeepSeek view at custom and preset models: what a model caches is its own kind's number.
test('the KV-cache title names what each model really caches', async () => {
  for (const preset of pe.modelPresets) {
    const { page } = await open(`view=mla&preset=${preset.id}`);
    const state = await snapshot(page);
    const own = preset.latentDim ? 'mla' : preset.kvHeads < preset.heads ? 'gqa' : 'mha';
    const title = state.titles[2];
    const match = title.match(/^(.+?) caches ([\d,]+) numbers? per token per layer \((\w+)\)/);
    assert.ok(match, title);
    assert.equal(match[1], preset.name);
    assert.equal(number(match[2]), state.cache[own].perTokenPerLayer, title);
    assert.equal(match[3], own.toUpperCase(), title);
    await page.context().close();
  }
});

test('KV heads that do not group the heads are refused with the core’s message', async () => {
  for (const [heads, kvHeads] of [
    [8, 16],
    [65536, 3],
  ]) {
    const { page } = await open(`view=mla&preset=custom&heads=${heads}&kvHeads=${kvHeads}`);
    const state = await snapshot(page);
    assert.match(state.message ?? '', new RegExp(`kvHeads must divide heads \\(${heads}\\)`), JSON.stringify(state.message));
    assert.ok(state.cache.gqa.perTokenPerLayer <= state.cache.mha.perTokenPerLayer);
    await page.context().close();
  }
});

test('a custom model of ones: words agree with their numbers, and the context box is named', async () => {
  const dims = 'layers=1&heads=1&headDim=1&kvHeads=1&latentDim=1&ropeDim=0';
  const { page } = await open(`view=mla&preset=custom&${dims}&context=1&tokens=2&precision=fp8`);
  const text = await page.locator('[data-view-slot="mla"], body.embedded').first().innerText();
  assert.doesNotMatch(text, /\b1 (numbers|tokens|matrices|folded matrices|bytes)\b/, 'a plural after 1');
  assert.match(text, /MLA 1 byte\./, 'one fp8 number of MLA’s cache');
  // Naive RoPE's folded matrices are per head: one per offset instead of one.
  const foldingNote = await page.locator('figure').nth(1).locator('.figure-note').textContent();
  assert.match(foldingNote, /: 3 per head for 2 tokens instead of 1\.$/, foldingNote);
  const bars = await page.locator('figure').nth(1).locator('.bar-label').allTextContents();
  assert.deepEqual(bars, ['no positions', 'RoPE on the full keys', 'decoupled RoPE']);
  // The largest context this model's cache can count exactly: a message about the context box.
  const wide = 'layers=65536&heads=65536&headDim=65536&kvHeads=65536&latentDim=65536&ropeDim=65536';
  const { page: big } = await open(`view=mla&preset=custom&${wide}&context=1048576`);
  const message = (await snapshot(big)).message;
  assert.match(message ?? '', /^The link’s settings do not work \(Context \(tokens\) can be at most [\d,]+ for this model/, message);
  assert.doesNotMatch(message, /2\^53|JavaScript|integer/, message);
  await page.context().close();
  await big.context().close();
});

// The binary grid at its last position with one bit: one row repeats a code, and is named alone.
test('a single repeating row of the grid is named as one row', async () => {
  const { page } = await open('view=grid&start=2147483646&count=1&dim=1');
  const note = await page.locator('.figure-note').first().textContent();
  assert.match(note, /Here row 2,147,483,646 \(tinted\) repeats an earlier code: it looks exactly like 0\./, note);
  assert.doesNotMatch(note, /from ([\d,]+) to \1\b/, note);
  await page.context().close();
});

// An embed of the waves shows no grid, so its titles must not send the reader to one.
test('the waves view’s titles stand on their own in an embed', async () => {
  for (const dim of [1, 8]) {
    const { page } = await open(`view=waves&dim=${dim}`);
    const titles = await page.locator('.figure-title').allTextContents();
    for (const title of titles) assert.doesNotMatch(title, /\bgrid\b/, title);
    await page.context().close();
  }
});

// The sinusoidal view at offset 0: R_0 is the identity, nothing differs, and the title says so
// instead of calling a difference of 0 float32 rounding.
test('an exact rotation is called exact', async () => {
  const { page } = await open('view=sinusoidal&count=2&dim=2&by=0');
  const titles = (await snapshot(page)).titles;
  const rotation = titles.find((title) => title.startsWith('PE(p + 0)'));
  assert.equal(rotation, 'PE(p + 0) = R₀ PE(p): one rotation for every p from 0 to 1, exactly: not one value differs');
  for (const title of titles) assert.doesNotMatch(title, /\b0, .*float32 rounding|at most 0, float32/, title);
  await page.context().close();
});
