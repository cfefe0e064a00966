// The static prose of the guided page's steps (each view's step.js), its footer (index.html) and
// README.md says only what is
// always true: each factual sentence is pinned here and its fact checked against the core, so
// changing either the words or the numbers shows up in this file.
// Run: node --test tests/js/page-prose.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { VIEWS } from '../../web/views/registry.js';

const pe = await loadPE();
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
// The text a reader sees: tags dropped, <sup>k</sup> as ^k, <sub>j</sub> as _j, white space collapsed.
const plain = (html) =>
  html
    .replace(/<sup>(.*?)<\/sup>/g, '^$1')
    .replace(/<sub>(.*?)<\/sub>/g, '_$1')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
const page = plain([read('index.html'), ...VIEWS.map(({ step }) => step.html)].join(' '));
const readme = read('README.md').replace(/\s+/g, ' ');

const norm = (row) => Math.sqrt(row.reduce((sum, x) => sum + x * x, 0));
const rowOf = (data, dim, r) => Array.from(data.subarray(r * dim, (r + 1) * dim));

test("step 2: each scale is attributed to its source, and 0.02 is the page's default", () => {
  assert.match(page, /GPT-2 initialises each component of its token embeddings with standard deviation 0\.02/);
  assert.match(
    page,
    /The Transformer paper multiplies its embeddings by √d but does not say how they are initialised; its authors’ library, tensor2tensor, draws them with standard deviation 1\/√d, so after the multiplication each component is about 1\./,
  );
  assert.doesNotMatch(page, /which makes their components about 1 instead of 0\.02/);
  assert.equal(pe.analysisConstants.tokenEmbeddingStd, 0.02);
});

test('step 2: the further along, the closer every integer-positioned input comes to (1, …, 1)', () => {
  assert.match(
    page,
    /the further along a token sits, the closer its input comes to the direction all integer positions share, \(1, 1, …, 1\), whatever the word/,
  );
  for (const embeddingStd of [0.02, 1]) {
    let last = null;
    for (const start of [1, 2, 5, 10, 50, 200, 1000, 100000]) {
      const a = pe.analyze('kitten plane', { kind: 'integer', dim: 8, start, embeddingStd });
      const cosines = [0, 1].map((r) => {
        const row = rowOf(a.input, 8, r);
        return row.reduce((sum, x) => sum + x, 0) / (norm(row) * Math.sqrt(8));
      });
      if (last) cosines.forEach((c, r) => assert.ok(c >= last[r], `start ${start}, token ${r}: ${c} < ${last[r]}`));
      last = cosines;
    }
    last.forEach((c) => assert.ok(c > 0.9999));
  }
});

test("step 3: a binary vector of d bits is never longer than √d; a 1 is 50 times GPT-2's 0.02", () => {
  assert.match(page, /a position vector of d bits is never longer than √d/);
  assert.match(page, /50 times GPT-2’s starting standard deviation of 0\.02/);
  assert.doesNotMatch(page, /about 50 times a freshly initialised model’s/);
  assert.equal(1 / pe.analysisConstants.tokenEmbeddingStd, 50);
  for (const dim of [1, 8, 16]) {
    const { data } = pe.encode({ kind: 'binary', start: 0, count: 2 ** dim + 3, dim });
    for (let r = 0; r < 2 ** dim + 3; r += 1) assert.ok(norm(rowOf(data, dim, r)) <= Math.sqrt(dim));
  }
});

test('steps 3 and 4: with 8 bits, 127 → 128 flips all eight, 128 → 129 one, and 127 is one bit from 255', () => {
  assert.match(page, /with 8 bits, 127 → 128 flips all eight, 128 → 129 only one/);
  assert.match(
    page,
    /with 8 bits, 127 → 128 changes all eight values while 128 → 129 changes one, and the code of 127 is nearer to that of 255 \(one bit apart\) than to that of its neighbour 128/,
  );
  const { hamming } = pe.binaryStructure({ start: 127, count: 3, dim: 8 });
  assert.deepEqual(Array.from(hamming), [8, 1]);
  const { data } = pe.encode({ kind: 'binary', start: 127, count: 129, dim: 8 });
  const differing = (r, s) => rowOf(data, 8, r).filter((bit, i) => bit !== data[s * 8 + i]).length;
  assert.equal(differing(0, 128), 1); // 127 and 255
  assert.equal(differing(0, 1), 8); // 127 and 128
});

test('step 4: no picture of training by gradients along positions; sinusoidal steps are all the same length', () => {
  assert.doesNotMatch(page, /Models are trained by following small, smooth changes/);
  assert.match(
    page,
    /the sinusoidal encoding of “Attention Is All You Need”, where every step from a position to the next moves the code by the same distance/,
  );
  for (const dim of [8, 64]) {
    const { data } = pe.encode({ kind: 'sinusoidal', start: 0, count: 2001, dim });
    const step = (r) => norm(rowOf(data, dim, r + 1).map((x, i) => x - data[r * dim + i]));
    for (let r = 1; r < 2000; r += 1) assert.ok(Math.abs(step(r) - step(0)) < 1e-5, `dim ${dim}, step ${r}: ${step(r)} vs ${step(0)}`);
  }
});

test('footer and README say what the core computes and what the page does itself', () => {
  for (const text of [page, readme]) {
    assert.doesNotMatch(text, /Every number on (this|the) page is computed/);
    assert.match(text, /every encoding, vector, length, distance and cosine similarity/i);
    assert.match(text, /divides? (or|and) subtracts? a few/);
  }
  assert.match(
    readme,
    /at position 200 every component is 200, ten thousand times the 0\.02 standard deviation of GPT-2's freshly initialised token embeddings/,
  );
  const { data } = pe.encode({ kind: 'integer', start: 200, count: 1, dim: 8 });
  assert.ok(data.every((value) => value === 200));
  assert.equal(200 / pe.analysisConstants.tokenEmbeddingStd, 10000);
});

test('step 5: pair 0 repeats every 2π ≈ 6.28 positions, the last every 2π·base^((d−2)/d); every value lies between −1 and 1', () => {
  assert.match(
    page,
    /pair j holds sin\(p·w_j\) and cos\(p·w_j\) with w_j = base\^−2j\/d, so pair 0 repeats every 2π ≈ 6\.28 positions and each later pair more slowly, the last every 2π·base\^\(d−2\)\/d positions\. Every value lies between −1 and 1\./,
  );
  for (const [dim, base] of [
    [2, 10000],
    [32, 10000],
    [512, 10000],
    [8, 1.5],
    [64, 500000],
  ]) {
    const { wavelengths } = pe.sinusoidalFrequencies({ dim, base });
    assert.equal(wavelengths[0], 2 * Math.PI);
    assert.equal((2 * Math.PI).toFixed(2), '6.28');
    wavelengths.forEach((length, j) => j === 0 || assert.ok(length > wavelengths[j - 1], 'each later pair more slowly'));
    const last = wavelengths[wavelengths.length - 1];
    assert.ok(Math.abs(last / (2 * Math.PI * base ** ((dim - 2) / dim)) - 1) < 1e-12);
    const { data } = pe.encode({ kind: 'sinusoidal', start: 999000, count: 200, dim, base });
    assert.ok(data.every((value) => value >= -1 && value <= 1));
  }
});

test('step 5: PE(p) · PE(q) is a sum of cos((q − p)·w_j), and PE(p + k) is PE(p) turned by one rotation', () => {
  assert.match(
    page,
    /PE\(p\) · PE\(q\) is a sum of cos\(\(q − p\)·w_j\), so it depends only on the distance q − p; and PE\(p \+ k\) is PE\(p\) turned by one rotation R_k, the same for every p\./,
  );
  for (const layout of ['interleaved', 'split']) {
    const dim = 16;
    const { data } = pe.encode({ kind: 'sinusoidal', start: 5000, count: 40, dim, layout });
    const { frequencies } = pe.sinusoidalFrequencies({ dim });
    const { byOffset } = pe.dotProducts({ data, dim });
    for (let k = 0; k < 40; k += 1) {
      const sum = frequencies.reduce((total, w) => total + Math.cos(k * w), 0);
      assert.ok(Math.abs(byOffset.low[k] - sum) < 1e-5 && Math.abs(byOffset.high[k] - sum) < 1e-5, `offset ${k}`);
    }
    for (const by of [1, 7, 100000]) assert.ok(pe.shiftRotation({ dim, layout, start: 5000, count: 40, by }).identical);
  }
});

test('step 5: at the same periods every sinusoidal step has one length; binary steps are √(bits flipped): 1 for 128 → 129, √8 ≈ 2.83 for 127 → 128', () => {
  assert.match(
    page,
    /Compared at the same periods, every step from a position to the next has the same length in the sinusoidal encoding, while a binary step is the square root of the number of bits that flip: with 8 bits, 1 for 128 → 129 and √8 ≈ 2\.83 for 127 → 128\./,
  );
  const steps = pe.neighbourSteps({ start: 0, count: 1024, bits: 8 });
  const { hamming } = pe.binaryStructure({ start: 0, count: 1025, dim: 8 });
  steps.binary.forEach((step, r) => assert.equal(step, Math.sqrt(hamming[r])));
  assert.deepEqual([steps.binary[127], steps.binary[128]], [Math.sqrt(8), 1]);
  assert.equal(Math.sqrt(8).toFixed(2), '2.83');
  assert.ok(Math.max(...steps.sinusoidal) - Math.min(...steps.sinusoidal) < 1e-6);
});
test('step 6: pair 0 turns one radian per position, every later pair more slowly; scores depend on the offset', () => {
  assert.match(page, /Pair 0 turns one radian per position and every later pair turns more slowly than the one before/);
  assert.match(page, /depends only on the offset n − m/);
  assert.match(page, /Llama 3\.1 and DeepSeek-V3 turn their slow pairs more slowly/);
  for (const [dim, base] of [
    [8, 1.5],
    [32, 10000],
    [128, 500000],
    [128, 1e30],
  ]) {
    const theta = pe.ropeFrequencies({ dim, base });
    assert.equal(theta[0], 1);
    theta.forEach((t, i) => assert.ok(i === 0 || t < theta[i - 1], `dim ${dim}, base ${base}, pair ${i}`));
  }
  const q = pe.attentionWeights({ dim: 16 }).query.subarray(0, 16);
  const k = pe.attentionWeights({ dim: 16 }).key.subarray(0, 16);
  const at0 = pe.ropeScores({ query: q, key: k, dim: 16, count: 50 }).scores;
  const at999 = pe.ropeScores({ query: q, key: k, dim: 16, count: 50, position: 999 }).scores;
  at0.forEach((s, j) => assert.ok(Math.abs(s - at999[j]) < 1e-6));
  for (const name of ['llama3.1', 'deepseek-v3']) {
    const { dim, base, scaling } = pe.ropePresets.find((preset) => preset.name === name);
    const { bands, wavelengths, originalWavelengths } = pe.ropeBands({ dim, base, scaling });
    assert.equal(bands[0], 'kept');
    assert.equal(bands[dim / 2 - 1], 'divided');
    assert.ok(wavelengths[dim / 2 - 1] > originalWavelengths[dim / 2 - 1]);
  }
});
