// pe.ropeFrequencies, pe.rotate and pe.alibiSlopes across the real JS <-> WebAssembly boundary:
// values against independent float64 references written from references.md, the published
// long-context configurations, every error, and what the caller owns.
// Run: node --test tests/js/rope-alibi.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();

const LLAMA_3_2 = { dim: 64, base: 500000, scaling: { type: 'llama3', factor: 32 } };
const LLAMA_3_1 = { dim: 128, base: 500000, scaling: { type: 'llama3', factor: 8 } };
const DEEPSEEK_V3 = { dim: 64, base: 10000, scaling: { type: 'yarn', factor: 40, originalContext: 4096 } };

// theta_i = base^(-2i/dim) before scaling.
function plainTheta(dim, base) {
  return Array.from({ length: dim / 2 }, (_, i) => base ** ((-2 * i) / dim));
}

// Each pair of the scaled frequencies: 'kept', 'blended' or 'divided' by factor.
function bands(scaled, plain, factor) {
  return scaled.map((theta, i) => {
    const near = (value) => Math.abs(theta - value) <= 1e-15 * value;
    if (near(plain[i])) return 'kept';
    return near(plain[i] / factor) ? 'divided' : 'blended';
  });
}

function countBands(list) {
  return ['kept', 'blended', 'divided'].map((band) => list.filter((b) => b === band).length);
}

// Float64 reference rotation: pair k of row r turned by (start + r) * theta_k.
function referenceRotate(data, dim, start, theta, pairing) {
  const out = Float64Array.from(data);
  for (let r = 0; r < data.length / dim; r += 1) {
    for (let k = 0; k < dim / 2; k += 1) {
      const [i, j] = pairing === 'half' ? [k, k + dim / 2] : [2 * k, 2 * k + 1];
      const angle = (start + r) * theta[k];
      const x = data[r * dim + i];
      const y = data[r * dim + j];
      out[r * dim + i] = x * Math.cos(angle) - y * Math.sin(angle);
      out[r * dim + j] = x * Math.sin(angle) + y * Math.cos(angle);
    }
  }
  return out;
}

// Seeded values in [-1, 1) (a small LCG), so every run checks the same rows.
function seededRows(count, dim, seed = 7) {
  let state = seed;
  return Float32Array.from({ length: count * dim }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 30 - 1;
  });
}

function rowNorm(values, r, dim) {
  let sum = 0;
  for (let c = 0; c < dim; c += 1) sum += values[r * dim + c] ** 2;
  return Math.sqrt(sum);
}

// Largest distance between matching rows, relative to the reference row's length.
function maxRelativeRowError(actual, expected, dim) {
  let worst = 0;
  for (let r = 0; r < actual.length / dim; r += 1) {
    let sum = 0;
    for (let c = 0; c < dim; c += 1) sum += (actual[r * dim + c] - expected[r * dim + c]) ** 2;
    worst = Math.max(worst, Math.sqrt(sum) / rowNorm(expected, r, dim));
  }
  return worst;
}

test('without scaling theta_i is base^(-2i/dim) for every pair', () => {
  for (const [dim, base] of [
    [8, 10000],
    [64, 500000],
    [4096, 10000],
    [2, 1.5],
  ]) {
    const theta = pe.ropeFrequencies({ dim, base });
    assert.ok(theta instanceof Float64Array);
    assert.equal(theta.length, dim / 2);
    plainTheta(dim, base).forEach((expected, i) => {
      assert.ok(Math.abs(theta[i] - expected) <= 1e-15 * expected, `dim ${dim}, pair ${i}`);
    });
  }
  assert.deepEqual(Array.from(pe.ropeFrequencies({ dim: 4 })), [1, 0.01]);
});

test("Llama 3.2 1B's factor 32 keeps pairs 0-14, blends 15-17 and divides 18-31", () => {
  const scaled = Array.from(pe.ropeFrequencies(LLAMA_3_2));
  const plain = plainTheta(64, 500000);
  const list = bands(scaled, plain, 32);
  assert.deepEqual(countBands(list), [15, 3, 14]);
  assert.deepEqual(list.slice(14, 19), ['kept', 'blended', 'blended', 'blended', 'divided']);
  for (let i = 15; i <= 17; i += 1) assert.ok(scaled[i] > plain[i] / 32 && scaled[i] < plain[i]);
});

test("Llama 3.1 8B's factor 8 gives 29 kept, 6 blended and 29 divided pairs", () => {
  const scaled = Array.from(pe.ropeFrequencies(LLAMA_3_1));
  assert.deepEqual(countBands(bands(scaled, plainTheta(128, 500000), 8)), [29, 6, 29]);
});

test("DeepSeek-V3's YaRN keeps pairs 0-10, blends 11-22 and divides 23-31 by 40", () => {
  const scaled = Array.from(pe.ropeFrequencies(DEEPSEEK_V3));
  const list = bands(scaled, plainTheta(64, 10000), 40);
  assert.deepEqual(countBands(list), [11, 12, 9]);
  assert.equal(list[10], 'kept');
  assert.equal(list[11], 'blended');
  assert.equal(list[23], 'divided');
});

test('rotate matches a float64 reference at positions up to 2^24 for both pairings and scalings', () => {
  const dim = 16;
  const data = seededRows(64, dim);
  for (const start of [0, 1000, 2 ** 24 - 64]) {
    for (const pairing of ['interleaved', 'half']) {
      for (const config of [{ base: 10000 }, { base: 500000 }, LLAMA_3_2, DEEPSEEK_V3]) {
        const options = { data, start, pairing, base: config.base, scaling: config.scaling ?? null };
        const rotated = pe.rotate({ ...options, dim });
        const theta = pe.ropeFrequencies({ dim, base: config.base, scaling: options.scaling });
        const error = maxRelativeRowError(rotated, referenceRotate(data, dim, start, theta, pairing), dim);
        assert.ok(error < 1e-5, `start ${start}, ${pairing}, base ${config.base}: ${error}`);
      }
    }
  }
});

test('rotation keeps every length, and the input array is left as it was', () => {
  const data = seededRows(32, 8);
  const before = Float32Array.from(data);
  const rotated = pe.rotate({ data, dim: 8, start: 12345 });
  assert.ok(rotated instanceof Float32Array);
  assert.notEqual(rotated.buffer, data.buffer);
  assert.deepEqual(data, before);
  for (let r = 0; r < 32; r += 1) {
    assert.ok(Math.abs(rowNorm(rotated, r, 8) - rowNorm(data, r, 8)) <= 1e-6 * rowNorm(data, r, 8));
  }
});

test('the score of a rotated query and key depends only on how far apart they are', () => {
  const [q, k] = [seededRows(1, 32, 3), seededRows(1, 32, 5)];
  const score = (m, n) => {
    const rq = pe.rotate({ data: q, dim: 32, start: m });
    const rk = pe.rotate({ data: k, dim: 32, start: n });
    return rq.reduce((sum, value, c) => sum + value * rk[c], 0);
  };
  for (const offset of [0, 1, 7, 100]) {
    const atZero = score(0, offset);
    for (const m of [1, 1000, 2 ** 20]) assert.ok(Math.abs(score(m, m + offset) - atZero) < 1e-4);
  }
});

test('half pairing is interleaved pairing with the channels permuted', () => {
  const dim = 8;
  const data = seededRows(5, dim);
  // Interleaved position 2i, 2i+1 <-> half position i, i + dim/2.
  const toHalf = (rows) =>
    Float32Array.from(rows, (_, e) => {
      const r = Math.floor(e / dim);
      const c = e % dim;
      const source = c < dim / 2 ? 2 * c : 2 * (c - dim / 2) + 1;
      return rows[r * dim + source];
    });
  const viaInterleaved = toHalf(pe.rotate({ data, dim, start: 40 }));
  const viaHalf = pe.rotate({ data: toHalf(data), dim, start: 40, pairing: 'half' });
  assert.deepEqual(viaHalf, viaInterleaved);
});

test('a table of 16,777,216 values is rotated without holding it in wasm memory', () => {
  const data = new Float32Array(16384 * 1024).fill(1);
  const memoryBefore = memory.memoryBytes();
  const rotated = pe.rotate({ data, dim: 1024 });
  assert.equal(rotated.length, data.length);
  assert.ok(memory.memoryBytes() - memoryBefore <= 4 * 2 ** 20, 'wasm memory grew by the whole table');
  assert.equal(rotated[0], 1);
});

test("YaRN's attention temperature: 1.36889 for DeepSeek-V3, 1.2608 with V2's 0.707", () => {
  assert.ok(Math.abs(pe.yarnMscale({ factor: 40 }) - (0.1 * Math.log(40) + 1)) < 1e-15);
  assert.equal(pe.yarnMscale({ factor: 40 }).toFixed(5), '1.36889');
  assert.equal((pe.yarnMscale({ factor: 40 }) ** 2).toFixed(5), '1.87385');
  assert.equal(pe.yarnMscale({ factor: 40, mscaleAllDim: 0.707 }).toFixed(4), '1.2608');
  assert.equal(pe.yarnMscale({ factor: 1 }), 1);
  assertThrows(() => pe.yarnMscale({ factor: 0.5 }), RangeError, 'factor must be a number from 1 to 1000000; received 0.5');
});

test("ALiBi slopes: 1/2 .. 1/256 for 8 heads, and the paper's rule for 12", () => {
  assert.deepEqual(
    Array.from(pe.alibiSlopes({ heads: 8 })),
    [1, 2, 3, 4, 5, 6, 7, 8].map((h) => 2 ** -h),
  );
  const twelve = Array.from(pe.alibiSlopes({ heads: 12 }));
  assert.deepEqual(
    twelve.slice(0, 8),
    [1, 2, 3, 4, 5, 6, 7, 8].map((h) => 2 ** -h),
  );
  [0.5, 1.5, 2.5, 3.5].forEach((exponent, h) => assert.ok(Math.abs(twelve[8 + h] - 2 ** -exponent) < 1e-15));
  assert.deepEqual(Array.from(pe.alibiSlopes({ heads: 1 })), [2 ** -8]);
});

test('bad options are TypeErrors or RangeErrors that name the parameter', () => {
  assertThrows(() => pe.ropeFrequencies({ dim: 7 }), RangeError, 'dim must be an even integer from 2 to 4096; received 7');
  assertThrows(() => pe.ropeFrequencies({ dim: 8, base: 1 }), RangeError, 'base must be a finite number greater than 1; received 1');
  assertThrows(
    () => pe.ropeFrequencies({ dim: 8, scaling: { type: 'ntk', factor: 2 } }),
    TypeError,
    'scaling.type must be "none", "llama3" or "yarn"; received "ntk"',
  );
  assertThrows(
    () => pe.ropeFrequencies({ dim: 8, scaling: { type: 'llama3' } }),
    TypeError,
    'scaling.factor is required for scaling type "llama3"',
  );
  assertThrows(
    () => pe.ropeFrequencies({ dim: 8, scaling: { type: 'yarn', factor: 40 } }),
    TypeError,
    'scaling.originalContext is required for scaling type "yarn"',
  );
  assertThrows(
    () => pe.ropeFrequencies({ dim: 8, scaling: { type: 'llama3', factor: 0.5 } }),
    RangeError,
    'scaling.factor must be a number from 1 to 1000000; received 0.5',
  );
  assertThrows(
    () => pe.ropeFrequencies({ dim: 8, scaling: { type: 'llama3', factor: 8, beta: 1 } }),
    TypeError,
    'unknown scaling option "beta"; allowed scaling options: type, factor, lowFreqFactor, highFreqFactor, originalContext, betaFast, betaSlow',
  );
  assertThrows(
    () => pe.ropeFrequencies({ dim: 8, scaling: { factor: 8 } }),
    TypeError,
    'scaling.type must be a string; received nothing (undefined)',
  );
  assertThrows(
    () => pe.ropeFrequencies({ dim: 8, scaling: 'llama3' }),
    TypeError,
    'scaling must be null or an object like { type: \'llama3\', factor: 8 }; received string "llama3"',
  );
  assertThrows(() => pe.rotate({ data: [1, 2], dim: 2 }), TypeError, 'data must be a Float32Array; received an array');
  assertThrows(
    () => pe.rotate({ data: new Float32Array(10), dim: 4 }),
    RangeError,
    'data must hold whole rows of dim values; received 10 values for dim 4',
  );
  assertThrows(
    () => pe.rotate({ data: new Float32Array(4), dim: 4, pairing: 'neox' }),
    TypeError,
    'pairing must be "interleaved" or "half"; received "neox"',
  );
  assertThrows(
    () => pe.rotate({ data: new Float32Array([1, NaN]), dim: 2 }),
    RangeError,
    'every value of data must be a finite number; data[1] is NaN',
  );
  assertThrows(
    () => pe.rotate({ data: new Float32Array(4), dim: 2, start: 2 ** 31 - 1 }),
    RangeError,
    'start must be an integer from 0 to 2147483646 (the last position, start + rows - 1, may be at most 2^31 - 1); received 2147483647',
  );
  assertThrows(() => pe.alibiSlopes({ heads: 0 }), RangeError, 'heads must be an integer from 1 to 1024; received 0');
  assertThrows(() => pe.alibiSlopes({}), TypeError, 'heads must be a number; received nothing (undefined)');
});

test('the module stays usable and the heap where it was after 1,000 calls and errors', () => {
  const data = seededRows(16, 8);
  const calls = [
    () => pe.rotate({ data, dim: 8, start: 5, scaling: LLAMA_3_2.scaling }),
    () => pe.ropeFrequencies(DEEPSEEK_V3),
    () => pe.alibiSlopes({ heads: 12 }),
    () => assert.throws(() => pe.rotate({ data: new Float32Array([Infinity, 0]), dim: 2 })),
    () => assert.throws(() => pe.ropeFrequencies({ dim: 3 })),
  ];
  calls.forEach((call) => call());
  const before = memory.heapBytesInUse();
  for (let n = 0; n < 1000; n += 1) calls[n % calls.length]();
  assert.equal(memory.heapBytesInUse(), before);
});
