// The RoPE view's API across the real JS <-> WebAssembly boundary: pe.ropeScores against an
// independent float64 rotation and RoFormer's bound written from the paper, pe.ropeBands and
// pe.ropePresets against references.md, pe.ropePairingPermutation against Hugging Face's
// conversion, and every error each one throws.
// Run: node --test tests/js/rope-view.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();

const theta = (dim, base) => Array.from({ length: dim / 2 }, (_, i) => base ** ((-2 * i) / dim));
const channels = (pairing, k, dim) => (pairing === 'half' ? [k, k + dim / 2] : [2 * k, 2 * k + 1]);

// v turned as position p, in float64.
function rotated(v, f, pairing, p) {
  const out = Float64Array.from(v);
  f.forEach((t, k) => {
    const [i, j] = channels(pairing, k, v.length);
    const a = p * t;
    out[i] = v[i] * Math.cos(a) - v[j] * Math.sin(a);
    out[j] = v[i] * Math.sin(a) + v[j] * Math.cos(a);
  });
  return out;
}

const dot = (a, b) => a.reduce((sum, x, c) => sum + x * b[c], 0);

// Seeded values in [-1, 1) (a small LCG): two vectors of dim values.
function randomPair(dim, seed) {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 30 - 1;
  };
  return [0, 1].map(() => Float32Array.from({ length: dim }, next));
}

// RoFormer section 3.4.3 with (re, im) pairs.
function bound(q, k, f, pairing, o) {
  const dim = q.length;
  const h = f.map((_, i) => {
    const [a, b] = channels(pairing, i, dim);
    return [q[a] * k[a] + q[b] * k[b], q[b] * k[a] - q[a] * k[b]];
  });
  h.push([0, 0]);
  let step = 0;
  for (let i = 0; i < dim / 2; i += 1) step = Math.max(step, Math.hypot(h[i + 1][0] - h[i][0], h[i + 1][1] - h[i][1]));
  let re = 0;
  let im = 0;
  let total = 0;
  f.forEach((t) => {
    re += Math.cos(o * t);
    im += Math.sin(o * t);
    total += Math.hypot(re, im);
  });
  return step * total;
}

test("ropeScores: each score is <R_m q, R_n k> and each bound RoFormer's, at any m", () => {
  for (const pairing of ['interleaved', 'half']) {
    const dim = 32;
    const [q, k] = randomPair(dim, 1);
    const f = theta(dim, 10000);
    for (const position of [25, 26, 1000000]) {
      const { scores, bounds } = pe.ropeScores({ query: q, key: k, dim, pairing, position, fromOffset: -25, count: 300 });
      assert.ok(scores instanceof Float64Array && bounds instanceof Float64Array);
      assert.equal(scores.length, 300);
      const rq = rotated(q, f, pairing, position);
      for (let j = 0; j < 300; j += 1) {
        const o = j - 25;
        assert.ok(Math.abs(scores[j] - dot(rq, rotated(k, f, pairing, position + o))) < 1e-6, `${pairing} m ${position} o ${o}`);
        assert.ok(Math.abs(bounds[j] - bound(q, k, f, pairing, o)) < 1e-9 * bounds[j]);
        assert.ok(Math.abs(scores[j]) <= bounds[j]);
      }
    }
  }
});

test('ropeScores: an aligned pair scores |q|^2 at offset 0; defaults base 10000, interleaved', () => {
  const [q] = randomPair(16, 9);
  const { scores } = pe.ropeScores({ query: q, key: q, dim: 16, count: 2 });
  assert.ok(Math.abs(scores[0] - dot(q, q)) < 1e-6);
  const f = theta(16, 10000);
  assert.ok(Math.abs(scores[1] - dot(q, rotated(q, f, 'interleaved', 1))) < 1e-6);
  const scaled = pe.ropeScores({ query: q, key: q, dim: 16, count: 3, base: 500000, scaling: { type: 'llama3', factor: 8 } });
  const g = pe.ropeFrequencies({ dim: 16, base: 500000, scaling: { type: 'llama3', factor: 8 } });
  assert.ok(Math.abs(scaled.scores[2] - dot(q, rotated(q, Array.from(g), 'interleaved', 2))) < 1e-6);
});

test('ropeScores: every error names its option', () => {
  const q = new Float32Array(8);
  const base = { query: q, key: q, dim: 8, count: 4 };
  assertThrows(
    () => pe.ropeScores(),
    TypeError,
    'options must be an object like { query, key, dim, base, pairing, scaling, position, fromOffset, count }; received nothing (undefined)',
  );
  assertThrows(() => pe.ropeScores({ ...base, query: [0, 0] }), TypeError, 'query must be a Float32Array; received an array');
  assertThrows(
    () => pe.ropeScores({ ...base, key: new Float64Array(8) }),
    TypeError,
    'key must be a Float32Array; received a Float64Array',
  );
  assertThrows(() => pe.ropeScores({ ...base, count: undefined }), TypeError, 'count must be a number; received nothing (undefined)');
  assertThrows(
    () => pe.ropeScores({ ...base, offsets: 3 }),
    TypeError,
    'unknown option "offsets"; allowed options: query, key, dim, base, pairing, scaling, position, fromOffset, count',
  );
  assertThrows(() => pe.ropeScores({ ...base, position: '0' }), TypeError, 'position must be a number; received string "0"');
  assertThrows(() => pe.ropeScores({ ...base, fromOffset: null }), TypeError, 'fromOffset must be a number; received null');
  assertThrows(() => pe.ropeScores({ ...base, pairing: 'neox' }), TypeError, 'pairing must be "interleaved" or "half"; received "neox"');
  assertThrows(
    () => pe.ropeScores({ ...base, scaling: { type: 'yarn', factor: 4 } }),
    TypeError,
    'scaling.originalContext is required for scaling type "yarn"',
  );
  assertThrows(() => pe.ropeScores({ ...base, dim: 6 }), RangeError, 'query must hold dim (6) values; received 8');
  assertThrows(() => pe.ropeScores({ ...base, dim: 7 }), RangeError, 'dim must be an even integer from 2 to 4096; received 7');
  assertThrows(() => pe.ropeScores({ ...base, key: new Float32Array(4) }), RangeError, 'key must hold dim (8) values; received 4');
  assertThrows(() => pe.ropeScores({ ...base, base: 0.5 }), RangeError, 'base must be a finite number greater than 1; received 0.5');
  assertThrows(
    () => pe.ropeScores({ ...base, position: -1 }),
    RangeError,
    'position must be an integer from 0 to 2147483647 (2^31 - 1); received -1',
  );
  assertThrows(
    () => pe.ropeScores({ ...base, position: 3, fromOffset: -4 }),
    RangeError,
    'fromOffset must be an integer with position + fromOffset from 0 to 2147483647 (2^31 - 1); received -4',
  );
  const countRule =
    'count must be an integer from 1 to 65536 with position + fromOffset + count - 1 at most 2147483647 (2^31 - 1); received';
  assertThrows(() => pe.ropeScores({ ...base, count: 65537 }), RangeError, `${countRule} 65537`);
  assertThrows(() => pe.ropeScores({ ...base, position: 2147483647, count: 2 }), RangeError, `${countRule} 2`);
  assertThrows(
    () => pe.ropeScores({ ...base, query: Float32Array.of(0, 0, 0, NaN, 0, 0, 0, 0) }),
    RangeError,
    'every value of query must be a finite number; query[3] is NaN',
  );
  assertThrows(
    () => pe.ropeScores({ ...base, key: Float32Array.of(0, 0, 0, 0, 0, 0, 0, -Infinity) }),
    RangeError,
    'every value of key must be a finite number; key[7] is -Infinity',
  );
  assert.equal(pe.ropeScores(base).scores.length, 4, 'still working');
});

test('ropeBands: bands and counts of the published configurations, wavelengths 2 pi / theta', () => {
  const counts = Object.fromEntries(
    pe.ropePresets.map(({ name, dim, base, scaling }) => [name, pe.ropeBands({ dim, base, scaling }).counts]),
  );
  assert.deepEqual(counts, {
    rope: { kept: 64, blended: 0, divided: 0 },
    llama3: { kept: 64, blended: 0, divided: 0 },
    'llama3.1': { kept: 29, blended: 6, divided: 29 },
    'llama3.2': { kept: 15, blended: 3, divided: 14 },
    'deepseek-v3': { kept: 11, blended: 12, divided: 9 },
  });
  const v3 = pe.ropeBands({ dim: 64, base: 10000, scaling: { type: 'yarn', factor: 40, originalContext: 4096 } });
  assert.deepEqual(v3.bands.slice(9, 13), ['kept', 'kept', 'blended', 'blended']);
  assert.deepEqual(v3.bands.slice(21, 24), ['blended', 'blended', 'divided']);
  const scaled = pe.ropeFrequencies({ dim: 64, base: 10000, scaling: { type: 'yarn', factor: 40, originalContext: 4096 } });
  theta(64, 10000).forEach((t, i) => {
    assert.ok(Math.abs(v3.originalWavelengths[i] - (2 * Math.PI) / t) < 1e-12 * v3.originalWavelengths[i]);
    assert.ok(Math.abs(v3.wavelengths[i] - (2 * Math.PI) / scaled[i]) < 1e-12 * v3.wavelengths[i]);
  });
  assert.equal(v3.wavelengths[31] / v3.originalWavelengths[31], 40);
  assert.deepEqual(pe.ropeBands({ dim: 4 }).bands, ['kept', 'kept'], 'defaults: base 10000, no scaling');
  assertThrows(() => pe.ropeBands({ dim: 3 }), RangeError, 'dim must be an even integer from 2 to 4096; received 3');
  assertThrows(() => pe.ropeBands({ dim: 8, base: '10000' }), TypeError, 'base must be a number; received string "10000"');
  assertThrows(
    () => pe.ropeBands({ dim: 8, scaling: { type: 'llama3', factor: 0.5 } }),
    RangeError,
    'scaling.factor must be a number from 1 to 1000000; received 0.5',
  );
  assertThrows(() => pe.ropeBands({ dim: 8, pairing: 'half' }), TypeError, 'unknown option "pairing"; allowed options: dim, base, scaling');
  assertThrows(() => pe.ropeBands({ dim: 8, base: 1 }), RangeError, 'base must be a finite number greater than 1; received 1');
  assertThrows(
    () => pe.ropeBands({ dim: 8, scaling: 'llama3' }),
    TypeError,
    'scaling must be null or an object like { type: \'llama3\', factor: 8 }; received string "llama3"',
  );
  assertThrows(() => pe.ropeBands([]), TypeError, 'options must be an object like { dim, base, scaling }; received an array');
});

test('ropePresets: the published configs of references.md, usable as requests, frozen', () => {
  const byName = Object.fromEntries(pe.ropePresets.map((preset) => [preset.name, preset]));
  assert.deepEqual(Object.keys(byName), ['rope', 'llama3', 'llama3.1', 'llama3.2', 'deepseek-v3']);
  assert.deepEqual([byName.rope.dim, byName.rope.base, byName.rope.scaling, byName.rope.originalContext], [128, 10000, null, null]);
  assert.deepEqual([byName.llama3.dim, byName.llama3.base, byName.llama3.originalContext], [128, 500000, 8192]);
  assert.deepEqual(byName['llama3.1'].scaling, { type: 'llama3', factor: 8, lowFreqFactor: 1, highFreqFactor: 4, originalContext: 8192 });
  assert.equal(byName['llama3.1'].contextLength, 131072);
  assert.deepEqual([byName['llama3.2'].dim, byName['llama3.2'].scaling.factor], [64, 32]);
  assert.deepEqual(byName['deepseek-v3'].scaling, { type: 'yarn', factor: 40, originalContext: 4096, betaFast: 32, betaSlow: 1 });
  assert.deepEqual([byName['deepseek-v3'].dim, byName['deepseek-v3'].base, byName['deepseek-v3'].contextLength], [64, 10000, 163840]);
  assert.ok(Object.isFrozen(pe.ropePresets) && Object.isFrozen(byName['llama3.1'].scaling));
  for (const { dim, base, scaling } of pe.ropePresets) assert.equal(pe.ropeFrequencies({ dim, base, scaling }).length, dim / 2);
});

test("ropePairingPermutation: Hugging Face's conversion, its inverse, and scores that agree again", () => {
  // w.view(dim / 2, 2, in).transpose(0, 1).reshape(dim, in): new row c * dim/2 + i = old 2i + c.
  const hf = (dim) => Array.from({ length: dim }, (_, r) => 2 * (r % (dim / 2)) + Math.floor(r / (dim / 2)));
  for (const dim of [2, 8, 128]) {
    assert.deepEqual(Array.from(pe.ropePairingPermutation({ dim, from: 'interleaved', to: 'half' })), hf(dim));
  }
  assert.deepEqual(Array.from(pe.ropePairingPermutation({ dim: 8, from: 'half', to: 'interleaved' })), [0, 4, 1, 5, 2, 6, 3, 7]);
  assert.deepEqual(Array.from(pe.ropePairingPermutation({ dim: 4, from: 'half', to: 'half' })), [0, 1, 2, 3]);
  const dim = 16;
  const [q, k] = randomPair(dim, 3);
  const perm = pe.ropePairingPermutation({ dim, from: 'interleaved', to: 'half' });
  const pick = (v) => Float32Array.from(perm, (c) => v[c]);
  const trained = pe.ropeScores({ query: q, key: k, dim, count: 200 }).scores;
  const wrong = pe.ropeScores({ query: q, key: k, dim, pairing: 'half', count: 200 }).scores;
  const fixed = pe.ropeScores({ query: pick(q), key: pick(k), dim, pairing: 'half', count: 200 }).scores;
  assert.ok(trained.every((s, j) => Math.abs(s - fixed[j]) < 1e-6));
  assert.ok(trained.some((s, j) => Math.abs(s - wrong[j]) > 0.1));
  assertThrows(
    () => pe.ropePairingPermutation({ dim: 8, from: 'neox', to: 'half' }),
    TypeError,
    'from must be "interleaved" or "half"; received "neox"',
  );
  assertThrows(
    () => pe.ropePairingPermutation({ dim: 8, from: 'half', to: 'Half' }),
    TypeError,
    'to must be "interleaved" or "half"; received "Half"',
  );
  assertThrows(() => pe.ropePairingPermutation({ dim: 8, from: 'half' }), TypeError, 'to must be a string; received nothing (undefined)');
  assertThrows(
    () => pe.ropePairingPermutation({ dim: 9, from: 'half', to: 'half' }),
    RangeError,
    'dim must be an even integer from 2 to 4096; received 9',
  );
  assertThrows(
    () => pe.ropePairingPermutation({ dim: '8', from: 'half', to: 'half' }),
    TypeError,
    'dim must be a number; received string "8"',
  );
  assertThrows(() => pe.ropePairingPermutation(null), TypeError, 'options must be an object like { dim, from, to }; received null');
  assertThrows(
    () => pe.ropePairingPermutation({ dim: 8, from: 'half', to: 'half', pairing: 'half' }),
    TypeError,
    'unknown option "pairing"; allowed options: dim, from, to',
  );
});
