// DeepSeek's multi-head latent attention through the real JS <-> WebAssembly boundary:
// pe.kvCache against the figures of shared/docs/references.md, pe.modelPresets against the
// published configs and the other RoPE functions of the API, pe.mlaAbsorption's equalities and
// its inequality, every error, and the facts the DeepSeek step's prose states.
// Run: node --test tests/js/mla.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { formatBytes } from '../../web/lib/format.js';
import { mlaView } from '../../web/views/mla/manifest.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();
const GiB = 2 ** 30;
const preset = (id) => pe.modelPresets.find((candidate) => candidate.id === id);
const V3 = preset('deepseek-v3');
// The dimensions kvCache takes, picked from a preset (null where the model has none).
const dims = ({ heads, kvHeads, headDim, latentDim, ropeDim, layers }) => ({ heads, kvHeads, headDim, latentDim, ropeDim, layers });
const round = (value, digits) => Number(value.toFixed(digits));

test('DeepSeek-V3 caches 576 numbers per token per layer where multi-head attention caches 32,768: 56.9 times', () => {
  const mla = pe.kvCache({ attention: 'mla', latentDim: 512, ropeDim: 64 });
  assert.deepEqual(mla, { perTokenPerLayer: 576, perToken: 576, total: 576, bytes: 1152 });
  const mha = pe.kvCache({ attention: 'mha', heads: 128, headDim: 128 });
  assert.equal(mha.perTokenPerLayer, 32768);
  assert.equal(round(mha.perTokenPerLayer / mla.perTokenPerLayer, 1), 56.9);
  // With the real 192-number keys (128 + 64) and 128-number values: 40,960, 71.1 times.
  const real = pe.kvCache({ attention: 'mha', heads: V3.heads, headDim: V3.queryKeyHeadDim, valueHeadDim: V3.valueHeadDim });
  assert.equal(V3.queryKeyHeadDim, 192);
  assert.equal(real.perTokenPerLayer, 40960);
  assert.equal(round(real.perTokenPerLayer / 576, 1), 71.1);
});

test('the whole of DeepSeek-V3: 35,136 numbers per token, 70,272 bytes in bf16; 8.58 GiB against 488 GiB at 131,072 tokens', () => {
  const mla = pe.kvCache({ attention: 'mla', ...dims(V3) });
  assert.deepEqual(mla, { perTokenPerLayer: 576, perToken: 35136, total: 35136, bytes: 70272 });
  const long = { tokens: 131072, bytesPerElement: 2 };
  const mlaLong = pe.kvCache({ attention: 'mla', ...dims(V3), ...long });
  const mhaLong = pe.kvCache({ attention: 'mha', ...dims(V3), ...long });
  assert.equal(mlaLong.bytes, 9210691584);
  assert.equal(mhaLong.perToken, 1998848);
  assert.equal(mhaLong.bytes, 523986010112);
  assert.equal(round(mlaLong.bytes / GiB, 2), 8.58);
  assert.equal(Math.round(mhaLong.bytes / GiB), 488);
  assert.equal(formatBytes(mlaLong.bytes), '8.58 GiB');
  assert.equal(formatBytes(mhaLong.bytes), '488 GiB');
  assert.equal(formatBytes(70272), '68.6 KiB');
  assert.equal(formatBytes(512), '512 bytes');
  assert.equal(formatBytes(1), '1 byte');
});

test('Llama presets cache with grouped-query attention: 1,024 per layer and 16,384 per token for Llama 3.2 1B', () => {
  assert.deepEqual(pe.kvCache({ attention: 'gqa', ...dims(preset('llama-3.2-1b')) }), {
    perTokenPerLayer: 1024,
    perToken: 16384,
    total: 16384,
    bytes: 32768,
  });
  for (const id of ['llama-3.1-8b', 'llama-3.1-70b']) {
    assert.equal(pe.kvCache({ attention: 'gqa', ...dims(preset(id)) }).perTokenPerLayer, 2048, id);
  }
  // Every kind from one preset's fields: the ones a kind does not use (null included) are ignored.
  const llama = preset('llama-3.1-8b');
  assert.equal(pe.kvCache({ attention: 'mha', ...dims(llama) }).perTokenPerLayer, 2 * 32 * 128);
  assert.equal(pe.kvCache({ attention: 'mqa', ...dims(llama) }).perTokenPerLayer, 256);
  assertThrows(() => pe.kvCache({ attention: 'mla', ...dims(llama) }), TypeError, 'latentDim and ropeDim are required for attention "mla"');
});

test('sizes stay exact integers up to 2^53', () => {
  const most = pe.kvCache({ attention: 'mla', latentDim: 1, ropeDim: 0, tokens: 2 ** 53, bytesPerElement: 1 });
  assert.equal(most.bytes, 2 ** 53);
  assert.ok(Number.isSafeInteger(most.bytes - 1));
  const big = pe.kvCache({ attention: 'mha', heads: 128, headDim: 128, layers: 61, tokens: 1e9, bytesPerElement: 4 });
  assert.equal(big.bytes, 1998848 * 1e9 * 4);
  assertThrows(
    () => pe.kvCache({ attention: 'mla', latentDim: 1, ropeDim: 0, tokens: 2 ** 53, bytesPerElement: 2 }),
    RangeError,
    'tokens must be an integer from 0 to 4503599627370496 (at most 2^53 bytes, exact in JavaScript); received 9.00719925474099e+15',
  );
});

test('kvCache errors name the option, what is allowed and what was received', () => {
  assertThrows(() => pe.kvCache({ attention: 'MLA' }), TypeError, 'attention must be "mha", "gqa", "mqa" or "mla"; received "MLA"');
  assertThrows(() => pe.kvCache({ latentDim: 512 }), TypeError, 'attention must be a string; received nothing (undefined)');
  assertThrows(() => pe.kvCache({ attention: 'mha' }), TypeError, 'heads and headDim are required for attention "mha"');
  assertThrows(() => pe.kvCache({ attention: 'gqa', headDim: 128 }), TypeError, 'kvHeads is required for attention "gqa"');
  // KV heads are groups of the query heads: at most as many, and a whole number of heads per group.
  for (const [heads, kvHeads] of [
    [8, 16],
    [65536, 3],
  ])
    assertThrows(
      () => pe.kvCache({ attention: 'gqa', heads, kvHeads, headDim: 128 }),
      RangeError,
      `kvHeads must divide heads (${heads}): each key and value serves a whole group of query heads; received ${kvHeads}`,
    );
  assert.equal(pe.kvCache({ attention: 'gqa', heads: 32, kvHeads: 8, headDim: 128 }).perTokenPerLayer, 2048);
  // Options a kind does not use: ignored, unless wrongly typed.
  assert.equal(pe.kvCache({ attention: 'mha', heads: 2, headDim: 4, latentDim: -1 }).perTokenPerLayer, 16);
  assertThrows(
    () => pe.kvCache({ attention: 'mha', heads: 2, headDim: 4, ropeDim: '64' }),
    TypeError,
    'ropeDim must be a number; received string "64"',
  );
  assertThrows(
    () => pe.kvCache({ attention: 'mla', latentDim: 512, ropeDim: 63 }),
    RangeError,
    'ropeDim must be an even integer from 0 to 65536; received 63',
  );
  assertThrows(() => pe.kvCache({ attention: 'mqa', headDim: 0 }), RangeError, 'headDim must be an integer from 1 to 65536; received 0');
  assertThrows(
    () => pe.kvCache({ attention: 'mqa', headDim: 8, layers: 1.5 }),
    RangeError,
    'layers must be an integer from 1 to 65536; received 1.5',
  );
  assertThrows(
    () => pe.kvCache({ attention: 'mqa', headDim: 8, bytesPerElement: 0.5 }),
    RangeError,
    'bytesPerElement must be an integer from 1 to 8; received 0.5',
  );
  assertThrows(
    () => pe.kvCache({ attention: 'mqa', headDim: 8, tokens: NaN }),
    RangeError,
    'tokens must be an integer from 0 to 281474976710656 (at most 2^53 bytes, exact in JavaScript); received NaN',
  );
  assertThrows(
    () => pe.kvCache({ attention: 'mqa', headDim: 8, window: 4 }),
    TypeError,
    'unknown option "window"; allowed options: attention, heads, kvHeads, headDim, valueHeadDim, latentDim, ropeDim, layers, tokens, bytesPerElement',
  );
  assertThrows(
    () => pe.kvCache('mla'),
    TypeError,
    'options must be an object like { attention, heads, kvHeads, headDim, valueHeadDim, latentDim, ropeDim, layers, tokens, bytesPerElement }; received string "mla"',
  );
});

test('six presets with the published dimensions', () => {
  assert.deepEqual(
    pe.modelPresets.map(({ name }) => name),
    ['DeepSeek-V2', 'DeepSeek-V3', 'DeepSeek-V2-Lite', 'Llama 3.1 8B', 'Llama 3.1 70B', 'Llama 3.2 1B'],
  );
  const fields = [
    'dModel',
    'layers',
    'heads',
    'kvHeads',
    'headDim',
    'valueHeadDim',
    'queryKeyHeadDim',
    'ropeDim',
    'latentDim',
    'queryLatentDim',
    'maxContext',
  ];
  const expected = {
    'deepseek-v2': [5120, 60, 128, 128, 128, 128, 192, 64, 512, 1536, 163840],
    'deepseek-v3': [7168, 61, 128, 128, 128, 128, 192, 64, 512, 1536, 163840],
    'deepseek-v2-lite': [2048, 27, 16, 16, 128, 128, 192, 64, 512, null, 163840],
    'llama-3.1-8b': [4096, 32, 32, 8, 128, 128, 128, null, null, null, 131072],
    'llama-3.1-70b': [8192, 80, 64, 8, 128, 128, 128, null, null, null, 131072],
    'llama-3.2-1b': [2048, 16, 32, 8, 64, 64, 64, null, null, null, 131072],
  };
  for (const [id, values] of Object.entries(expected)) {
    assert.deepEqual(
      fields.map((field) => preset(id)[field]),
      values,
      id,
    );
  }
  const yarn = { type: 'yarn', factor: 40, originalContext: 4096, betaFast: 32, betaSlow: 1 };
  for (const id of ['deepseek-v2', 'deepseek-v3', 'deepseek-v2-lite']) {
    assert.deepEqual(
      { ...preset(id).rope, wavelengths: undefined, mscaleAllDim: undefined, softmaxFactor: undefined },
      { dim: 64, base: 10000, scaling: yarn, wavelengths: undefined, mscaleAllDim: undefined, softmaxFactor: undefined },
      id,
    );
  }
  const llama3 = (factor) => ({ type: 'llama3', factor, lowFreqFactor: 1, highFreqFactor: 4, originalContext: 8192 });
  assert.deepEqual(preset('llama-3.1-8b').rope.scaling, llama3(8));
  assert.deepEqual(preset('llama-3.1-70b').rope.scaling, llama3(8));
  assert.deepEqual(preset('llama-3.2-1b').rope.scaling, llama3(32));
  assert.equal(preset('llama-3.2-1b').rope.dim, 64);
  assert.equal(preset('llama-3.1-8b').rope.base, 500000);
  assert.ok(Object.isFrozen(V3) && Object.isFrozen(V3.rope.wavelengths.before));
});

test("YaRN's temperature: mscale^2 = 1.874 for V3, 1.590 with V2's 0.707; none for Llama", () => {
  assert.equal(V3.rope.softmaxFactor.toFixed(3), '1.874');
  assert.ok(Math.abs(V3.rope.softmaxFactor - pe.yarnMscale({ factor: 40 }) ** 2) < 1e-12);
  assert.equal(preset('deepseek-v2').rope.softmaxFactor.toFixed(3), '1.590');
  assert.equal(preset('deepseek-v2').rope.mscaleAllDim, 0.707);
  assert.equal(preset('deepseek-v2-lite').rope.mscaleAllDim, 0.707);
  for (const id of ['llama-3.1-8b', 'llama-3.1-70b', 'llama-3.2-1b']) {
    assert.equal(preset(id).rope.softmaxFactor, null, id);
    assert.equal(preset(id).rope.mscaleAllDim, null, id);
  }
});

test("each preset's wavelengths are 2 pi / theta of pe.ropeFrequencies, before and after its scaling, with its bands", () => {
  for (const { id, rope } of pe.modelPresets) {
    const before = pe.ropeFrequencies({ dim: rope.dim, base: rope.base });
    const after = pe.ropeFrequencies({ dim: rope.dim, base: rope.base, scaling: rope.scaling });
    assert.equal(rope.wavelengths.before.length, rope.dim / 2, id);
    rope.wavelengths.before.forEach((length, i) =>
      assert.ok(Math.abs((length * before[i]) / (2 * Math.PI) - 1) < 1e-14, `${id} pair ${i}`),
    );
    rope.wavelengths.after.forEach((length, i) => assert.ok(Math.abs((length * after[i]) / (2 * Math.PI) - 1) < 1e-14, `${id} pair ${i}`));
  }
  const bands = V3.rope.wavelengths.bands;
  assert.deepEqual([bands.indexOf('blended'), bands.indexOf('divided'), bands.length], [11, 23, 32]);
  assert.ok(bands.slice(0, 11).every((band) => band === 'kept'));
  assert.ok(bands.slice(11, 23).every((band) => band === 'blended'));
  assert.ok(bands.slice(23).every((band) => band === 'divided'));
  V3.rope.wavelengths.after.slice(23).forEach((length, i) => assert.ok(Math.abs(length / V3.rope.wavelengths.before[23 + i] - 40) < 1e-9));
});

test('absorbing W_UK gives the explicit scores without positions and with decoupled RoPE, not with RoPE on the full keys', () => {
  const sizes = [
    {},
    { tokens: 2, dModel: 8, heads: 1, headDim: 2, ropeDim: 2, latentDim: 1 },
    { tokens: 32, dModel: 96, heads: 3, headDim: 32, ropeDim: 16, latentDim: 48 },
  ];
  for (const size of sizes) {
    for (const start of [0, 7, 4096, 2 ** 20]) {
      for (const seed of [1, 2, 99]) {
        const runs = Object.fromEntries(
          ['none', 'naive', 'decoupled'].map((rope) => [rope, pe.mlaAbsorption({ rope, start, seed, ...size })]),
        );
        const label = JSON.stringify({ size, start, seed });
        for (const rope of ['none', 'decoupled']) {
          assert.ok(runs[rope].maxAbsDifference <= 1e-4 * runs[rope].maxAbsScore, `${rope} ${label}`);
          assert.equal(runs[rope].absorbedMatrices, 1);
        }
        assert.ok(runs.naive.maxAbsDifference >= 1e-2 * runs.naive.maxAbsScore, `naive ${label}`);
        assert.equal(runs.naive.absorbedMatrices, 2 * runs.naive.tokens - 1);
      }
    }
  }
});

test('the scores as arrays: head h, query m, key n at (h * tokens + m) * tokens + n, and what each way caches', () => {
  const run = pe.mlaAbsorption({ rope: 'decoupled' });
  assert.deepEqual(
    [run.tokens, run.dModel, run.heads, run.headDim, run.ropeDim, run.latentDim, run.start, run.seed],
    [8, 64, 4, 16, 8, 16, 0, 1],
  );
  assert.ok(run.explicit instanceof Float32Array && run.absorbed instanceof Float32Array);
  assert.equal(run.explicit.length, 4 * 8 * 8);
  let most = 0;
  let largest = 0;
  run.explicit.forEach((score, i) => {
    most = Math.max(most, Math.abs(score - run.absorbed[i]));
    largest = Math.max(largest, Math.abs(score));
  });
  assert.equal(run.maxAbsDifference, most);
  assert.equal(run.maxAbsScore, largest);
  // Explicit: every head's key (16 + 8) and value (16); absorbed: the latent and the RoPE key.
  assert.deepEqual(run.cacheElementsPerToken, { explicit: 4 * (24 + 16), absorbed: 24 });
  assert.deepEqual(pe.mlaAbsorption({ rope: 'naive' }).cacheElementsPerToken, { explicit: 4 * 32, absorbed: 16 });
  // Without positions, moving every token changes nothing at all.
  assert.deepEqual(pe.mlaAbsorption({ rope: 'none', start: 1000 }).explicit, pe.mlaAbsorption({ rope: 'none' }).explicit);
  // The same seed, the same layer; RoPE scores see only offsets (up to float32 rounding).
  const moved = pe.mlaAbsorption({ rope: 'decoupled', start: 2 ** 20 });
  moved.explicit.forEach((score, i) => assert.ok(Math.abs(score - run.explicit[i]) <= 1e-5 * run.maxAbsScore));
});

test('mlaAbsorption errors, and 500 calls and errors leave the wasm heap as it was', () => {
  assertThrows(() => pe.mlaAbsorption({ rope: 'rope' }), TypeError, 'rope must be "none", "naive" or "decoupled"; received "rope"');
  assertThrows(() => pe.mlaAbsorption({ rope: null }), TypeError, 'rope must be a string; received null');
  assertThrows(() => pe.mlaAbsorption({ tokens: 1 }), RangeError, 'tokens must be an integer from 2 to 64; received 1');
  assertThrows(() => pe.mlaAbsorption({ headDim: 15 }), RangeError, 'headDim must be an even integer from 2 to 128; received 15');
  assertThrows(
    () => pe.mlaAbsorption({ start: 2 ** 31 - 7 }),
    RangeError,
    'start must be an integer from 0 to 2147483640 (the last position, start + tokens - 1, may be at most 2^31 - 1); received 2147483641',
  );
  assertThrows(() => pe.mlaAbsorption({ seed: -1 }), RangeError, 'seed must be an integer from 0 to 9007199254740992 (2^53); received -1');
  assertThrows(() => pe.mlaAbsorption({ seed: '1' }), TypeError, 'seed must be a number; received string "1"');
  const run = (k) => {
    if (k % 2) assert.throws(() => pe.mlaAbsorption({ tokens: 0 }), RangeError);
    else pe.mlaAbsorption({ rope: ['none', 'naive', 'decoupled'][k % 3] });
    pe.kvCache({ attention: 'mla', latentDim: 512, ropeDim: 64 });
  };
  run(0);
  const before = memory.heapBytesInUse();
  for (let k = 0; k < 500; k += 1) run(k);
  assert.equal(memory.heapBytesInUse(), before);
});

test('the DeepSeek step says what the core computes', () => {
  const prose = mlaView.step.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(prose, /2 × heads × head dim numbers per token per layer, 32,768 in a model shaped like DeepSeek-V3/);
  assert.equal(pe.kvCache({ attention: 'mha', heads: V3.heads, headDim: V3.headDim }).perTokenPerLayer, 32768);
  assert.match(prose, /caches a latent of 512 numbers instead/);
  assert.equal(V3.latentDim, 512);
  assert.match(prose, /moves to 64 numbers of its own: 576 in all/);
  assert.deepEqual([V3.ropeDim, pe.kvCache({ attention: 'mla', ...dims(V3) }).perTokenPerLayer], [64, 576]);
});

test("the page's ending: what each step of the road does, checked", async () => {
  const { readFileSync } = await import('node:fs');
  const page = readFileSync(new URL('../../index.html', import.meta.url), 'utf8').replace(/\s+/g, ' ');
  assert.match(page, /The road, from integers to decoupled RoPE/);
  assert.match(
    page,
    /sinusoids make every step the same size\. RoPE turns those waves into rotations of the queries and keys, so a score sees only how far apart two tokens are\./,
  );
  // Sinusoidal: every step from one position to the next has the same length.
  const { data } = pe.encode({ kind: 'sinusoidal', start: 0, count: 300, dim: 16 });
  const step = (r) => Math.hypot(...Array.from({ length: 16 }, (_, i) => data[(r + 1) * 16 + i] - data[r * 16 + i]));
  for (let r = 1; r < 299; r += 1) assert.ok(Math.abs(step(r) - step(0)) < 1e-5);
  // RoPE: the score of a rotated query and key depends only on the offset.
  const q = new Float32Array([0.3, -1.2, 0.8, 0.5]);
  const k = new Float32Array([1.1, 0.4, -0.7, 0.9]);
  const score = (m, n) => {
    const a = pe.rotate({ data: q, dim: 4, start: m });
    const b = pe.rotate({ data: k, dim: 4, start: n });
    return a.reduce((sum, x, i) => sum + x * b[i], 0);
  };
  for (const [m, n] of [
    [0, 5],
    [100, 105],
    [2 ** 20, 2 ** 20 + 5],
  ])
    assert.ok(Math.abs(score(m, n) - score(0, 5)) < 1e-5);
  assert.match(
    page,
    /DeepSeek keeps the rotations on a small part of each query and key, so that the rest can be compressed into a latent cache: decoupled RoPE\./,
  );
  assert.equal(V3.ropeDim, 64);
  assert.equal(V3.queryKeyHeadDim, 192);
});
