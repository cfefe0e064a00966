// The sinusoidal view's API across the real JS <-> WebAssembly boundary: dotProducts (the Gram
// matrix and its diagonals), sinusoidalFrequencies, shiftRotation and neighbourSteps, each
// against a float64 reference computed here from first principles, and every error each can give.
// Run: node --test tests/js/sinusoidal.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();

const TWO_PI = 2 * Math.PI;
// w_k = base^(-2k/dim) as exp(-2k/dim * ln base), not as pow.
const frequency = (k, dim, base = 10000) => Math.exp(((-2 * k) / dim) * Math.log(base));

// --- dotProducts

test("dotProducts: a small table by hand, and each diagonal's smallest and largest entry", () => {
  // Rows (1, 0), (0, 1), (-2, 0), (3, 4), (0, 0).
  const data = new Float32Array([1, 0, 0, 1, -2, 0, 3, 4, 0, 0]);
  const g = pe.dotProducts({ data, dim: 2 });
  assert.equal(g.rows, 5);
  assert.equal(g.dim, 2);
  assert.ok(g.data instanceof Float64Array && g.byOffset.low instanceof Float64Array);
  assert.deepEqual(Array.from(g.data), [1, 0, -2, 3, 0, 0, 1, 0, 4, 0, -2, 0, 4, -6, 0, 3, 4, -6, 25, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(Array.from(g.byOffset.low), [0, -6, -2, 0, 0]);
  assert.deepEqual(Array.from(g.byOffset.high), [25, 0, 4, 3, 0]);
});

test('dotProducts of a sinusoidal table: PE(i) . PE(j) = sum_k cos((i - j) w_k) all along each diagonal', () => {
  for (const layout of ['interleaved', 'split']) {
    const dim = 32;
    const { data } = pe.encode({ kind: 'sinusoidal', start: 1000, count: 100, dim, layout });
    const g = pe.dotProducts({ data, dim });
    for (let k = 0; k < 100; k += 1) {
      let expected = 0;
      for (let j = 0; j < dim / 2; j += 1) expected += Math.cos(k * frequency(j, dim));
      assert.ok(Math.abs(g.byOffset.low[k] - expected) < 1e-5, `${layout}, offset ${k}`);
      assert.ok(Math.abs(g.byOffset.high[k] - expected) < 1e-5, `${layout}, offset ${k}`);
      assert.ok(Math.abs(g.data[k] - expected) < 1e-5, `${layout}, row 0 at offset ${k}`);
    }
    // Each entry is the float64 sum of the float32 rows' products, and the matrix is symmetric.
    for (const [x, y] of [
      [3, 7],
      [50, 99],
      [12, 12],
    ]) {
      let dot = 0;
      for (let i = 0; i < dim; i += 1) dot += data[x * dim + i] * data[y * dim + i];
      assert.ok(Math.abs(g.data[x * 100 + y] - dot) < 1e-12);
      assert.equal(g.data[x * 100 + y], g.data[y * 100 + x]);
    }
  }
});

test("dotProducts: the binary encoding's dot products depend on where the rows are, not only how far apart", () => {
  const { data } = pe.encode({ kind: 'binary', start: 0, count: 16, dim: 4 });
  const { byOffset } = pe.dotProducts({ data, dim: 4 });
  assert.equal(byOffset.low[0], 0); // position 0 is all zeros
  assert.equal(byOffset.high[0], 4); // position 15 is all ones
});

test('dotProducts: wrong types are TypeErrors and bad tables RangeErrors, as for cosineSimilarities', () => {
  const data = new Float32Array(6);
  assertThrows(() => pe.dotProducts(), TypeError, 'options must be an object like { data, dim }; received nothing (undefined)');
  assertThrows(() => pe.dotProducts({ data, dim: 2, rows: 3 }), TypeError, 'unknown option "rows"; allowed options: data, dim');
  assertThrows(() => pe.dotProducts({ data: [1, 2], dim: 2 }), TypeError, 'data must be a Float32Array; received an array');
  assertThrows(
    () => pe.dotProducts({ data: new Float64Array(4), dim: 2 }),
    TypeError,
    'data must be a Float32Array; received a Float64Array',
  );
  assertThrows(() => pe.dotProducts({ data, dim: '2' }), TypeError, 'dim must be a number; received string "2"');
  assertThrows(() => pe.dotProducts({ data }), TypeError, 'dim must be a number; received nothing (undefined)');
  assertThrows(() => pe.dotProducts({ data, dim: 0 }), RangeError, 'dim must be an integer from 1 to 4096; received 0');
  assertThrows(
    () => pe.dotProducts({ data, dim: 4 }),
    RangeError,
    "data's length must be a positive multiple of dim = 4; received 6 values",
  );
  assertThrows(
    () => pe.dotProducts({ data: new Float32Array(0), dim: 1 }),
    RangeError,
    "data's length must be a positive multiple of dim = 1; received 0 values",
  );
  assertThrows(
    () => pe.dotProducts({ data: new Float32Array(2049), dim: 1 }),
    RangeError,
    'data must have at most 2048 rows; received 2049 rows (2049 values at dim = 1)',
  );
  assertThrows(
    () => pe.dotProducts({ data: new Float32Array([1, NaN, 0, 1]), dim: 2 }),
    RangeError,
    'every value of data must be a finite number; data[1] is NaN',
  );
  assertThrows(
    () => pe.dotProducts({ data: new Float32Array([1, 0, Infinity, 1]), dim: 2 }),
    RangeError,
    'every value of data must be a finite number; data[2] is Infinity',
  );
});

test('dotProducts: an oversized table is refused before it is copied, and 1,000 calls do not leak', () => {
  const huge = pe.encode({ kind: 'binary', count: 65536, dim: 256 }).data;
  const before = memory.memoryBytes();
  assertThrows(
    () => pe.dotProducts({ data: huge, dim: 256 }),
    RangeError,
    'data must have at most 2048 rows; received 65536 rows (16777216 values at dim = 256)',
  );
  assert.equal(memory.memoryBytes(), before);
  const data = new Float32Array([3, 4, 4, 3]);
  pe.dotProducts({ data, dim: 2 });
  const heap = memory.heapBytesInUse();
  for (let n = 0; n < 1000; n += 1) {
    assert.throws(() => pe.dotProducts({ data, dim: 3 }), RangeError);
    assert.equal(pe.dotProducts({ data, dim: 2 }).data[1], 24);
  }
  assert.equal(memory.heapBytesInUse(), heap);
});

// --- sinusoidalFrequencies

test('sinusoidalFrequencies: w_k = base^(-2k/dim) and wavelengths 2 pi / w_k, from 2 pi up', () => {
  for (const [dim, base] of [
    [2, 10000],
    [32, 10000],
    [512, 10000],
    [16, 500000],
    [8, 1.5],
  ]) {
    const f = pe.sinusoidalFrequencies({ dim, base });
    assert.deepEqual([f.dim, f.base], [dim, base]);
    assert.equal(f.frequencies.length, dim / 2);
    assert.equal(f.frequencies[0], 1);
    assert.equal(f.wavelengths[0], TWO_PI);
    for (let k = 0; k < dim / 2; k += 1) {
      assert.ok(Math.abs(f.frequencies[k] / frequency(k, dim, base) - 1) < 1e-13, `dim ${dim}, pair ${k}`);
      assert.ok(Math.abs(f.wavelengths[k] / (TWO_PI / frequency(k, dim, base)) - 1) < 1e-13);
    }
  }
  // The paper's d = 512: the last pair comes round after 2 pi * 10000^(510/512), just short of 2 pi * 10000.
  const last = pe.sinusoidalFrequencies({ dim: 512 }).wavelengths[255];
  assert.ok(Math.abs(last / (TWO_PI * 10000 ** (510 / 512)) - 1) < 1e-13 && last < TWO_PI * 10000);
  // The same numbers pe.encode uses: row 1 of the table is (sin w_k, cos w_k).
  const { data } = pe.encode({ kind: 'sinusoidal', start: 1, count: 1, dim: 8 });
  pe.sinusoidalFrequencies({ dim: 8 }).frequencies.forEach((w, k) => assert.equal(data[2 * k], Math.fround(Math.sin(w))));
});

test('sinusoidalFrequencies: every error names the parameter', () => {
  assertThrows(() => pe.sinusoidalFrequencies(), TypeError, 'options must be an object like { dim, base }; received nothing (undefined)');
  assertThrows(
    () => pe.sinusoidalFrequencies({ dim: 8, layout: 'split' }),
    TypeError,
    'unknown option "layout"; allowed options: dim, base',
  );
  assertThrows(() => pe.sinusoidalFrequencies({}), TypeError, 'dim must be a number; received nothing (undefined)');
  assertThrows(() => pe.sinusoidalFrequencies({ dim: 8, base: '10000' }), TypeError, 'base must be a number; received string "10000"');
  assertThrows(() => pe.sinusoidalFrequencies({ dim: 7 }), RangeError, 'dim must be an even integer from 2 to 4096; received 7');
  assertThrows(() => pe.sinusoidalFrequencies({ dim: 0 }), RangeError, 'dim must be an even integer from 2 to 4096; received 0');
  assertThrows(() => pe.sinusoidalFrequencies({ dim: 4098 }), RangeError, 'dim must be an even integer from 2 to 4096; received 4098');
  assertThrows(() => pe.sinusoidalFrequencies({ dim: 8, base: 1 }), RangeError, 'base must be a finite number greater than 1; received 1');
  assertThrows(
    () => pe.sinusoidalFrequencies({ dim: 8, base: Infinity }),
    RangeError,
    'base must be a finite number greater than 1; received Infinity',
  );
});

// --- shiftRotation

// R_k PE(p) - PE(p + k) over a range, from pe.encode's rows and cos/sin of k w_j formed here.
function referenceShiftError({ start, count, dim, base = 10000, layout = 'interleaved', by }) {
  const here = pe.encode({ kind: 'sinusoidal', start, count, dim, base, layout }).data;
  const there = pe.encode({ kind: 'sinusoidal', start: start + by, count, dim, base, layout }).data;
  const pairs = dim / 2;
  let worst = -1;
  let at = null;
  for (let r = 0; r < count; r += 1) {
    let squared = 0;
    for (let j = 0; j < pairs; j += 1) {
      const angle = by * frequency(j, dim, base);
      const [s, c] = layout === 'interleaved' ? [2 * j, 2 * j + 1] : [j, pairs + j];
      const x = here[r * dim + s];
      const y = here[r * dim + c];
      squared += (Math.cos(angle) * x + Math.sin(angle) * y - there[r * dim + s]) ** 2;
      squared += (-Math.sin(angle) * x + Math.cos(angle) * y - there[r * dim + c]) ** 2;
    }
    if (Math.sqrt(squared) > worst) [worst, at] = [Math.sqrt(squared), start + r];
  }
  return { worst, at };
}

test('shiftRotation: pair j turns by k w_j, the same for every p, and R_k PE(p) is PE(p + k) up to float32 rounding', () => {
  for (const request of [
    { start: 0, count: 64, dim: 32, by: 5 },
    { start: 0, count: 600, dim: 8, by: 1, layout: 'split' },
    { start: 999900, count: 100, dim: 64, by: 1000, base: 500000 },
    { start: 2147483647 - 100 - 63, count: 64, dim: 16, by: 100 },
  ]) {
    const s = pe.shiftRotation(request);
    const dim = request.dim;
    assert.equal(s.angles.length, dim / 2);
    for (let j = 0; j < dim / 2; j += 1) {
      const angle = request.by * frequency(j, dim, request.base);
      const allowed = 1e-15 * Math.max(1, request.by);
      assert.ok(s.angles[j] >= 0 && s.angles[j] < TWO_PI);
      assert.ok(Math.abs(s.cos[j] - Math.cos(angle)) <= allowed, `${JSON.stringify(request)}, pair ${j}`);
      assert.ok(Math.abs(s.sin[j] - Math.sin(angle)) <= allowed);
      assert.ok(Math.abs(Math.cos(s.angles[j]) - s.cos[j]) <= allowed);
    }
    const { worst, at } = referenceShiftError(request);
    assert.ok(Math.abs(s.maxError - worst) < 1e-12, `${s.maxError} vs ${worst}`);
    assert.equal(s.maxErrorAt, at);
    assert.ok(s.maxError < 1e-6 && s.identical);
  }
});

test('shiftRotation: the matrix is the 2x2 blocks on the diagonal (interleaved) or a quadrant apart (split)', () => {
  const interleaved = pe.shiftRotation({ dim: 4, by: 5, count: 1 });
  const [c0, c1, s0, s1] = [...interleaved.cos, ...interleaved.sin];
  assert.deepEqual(Array.from(interleaved.matrix), [c0, s0, 0, 0, -s0, c0, 0, 0, 0, 0, c1, s1, 0, 0, -s1, c1]);
  const split = pe.shiftRotation({ dim: 4, by: 5, count: 1, layout: 'split' });
  assert.deepEqual(Array.from(split.matrix), [c0, 0, s0, 0, 0, c1, 0, s1, -s0, 0, c0, 0, 0, -s1, 0, c1]);
  // Applied to PE(10) it gives PE(15).
  const [from, to] = [10, 15].map((start) => pe.encode({ kind: 'sinusoidal', start, count: 1, dim: 4 }).data);
  for (let a = 0; a < 4; a += 1) {
    const turned = [0, 1, 2, 3].reduce((sum, b) => sum + interleaved.matrix[a * 4 + b] * from[b], 0);
    assert.ok(Math.abs(turned - to[a]) < 1e-6);
  }
  assert.equal(pe.shiftRotation({ dim: 64, by: 1, count: 1 }).matrix.length, 64 * 64);
  assert.equal(pe.shiftRotation({ dim: 66, by: 1, count: 1 }).matrix, null, 'past dim 64: pair by pair only');
});

test('shiftRotation: k = 0 is the identity with error 0; an empty range has no position of largest error', () => {
  const still = pe.shiftRotation({ dim: 8, by: 0, count: 64 });
  assert.deepEqual(Array.from(still.cos), [1, 1, 1, 1]);
  assert.deepEqual(Array.from(still.sin), [0, 0, 0, 0]);
  assert.deepEqual([still.maxError, still.identical], [0, true]);
  const empty = pe.shiftRotation({ dim: 8, by: 3, count: 0 });
  assert.deepEqual([empty.maxError, empty.maxErrorAt, empty.identical], [0, null, true]);
});

test('shiftRotation: the result echoes the request with its defaults', () => {
  const { angles, cos, sin, matrix, maxError, maxErrorAt, identical, ...fields } = pe.shiftRotation({ dim: 8, by: 3, count: 4 });
  assert.deepEqual(fields, { dim: 8, by: 3, count: 4, start: 0, base: 10000, layout: 'interleaved' });
  assert.ok([angles, cos, sin, matrix].every((array) => array instanceof Float64Array));
  assert.equal(typeof maxError, 'number');
  assert.equal(typeof maxErrorAt, 'number');
  assert.equal(identical, true);
});

test("shiftRotation: every error names the parameter, with pe.encode's messages for the table", () => {
  const ok = { dim: 8, by: 1, count: 8 };
  assertThrows(
    () => pe.shiftRotation(),
    TypeError,
    'options must be an object like { dim, start, count, by, base, layout }; received nothing (undefined)',
  );
  assertThrows(
    () => pe.shiftRotation({ ...ok, kind: 'sinusoidal' }),
    TypeError,
    'unknown option "kind"; allowed options: dim, start, count, by, base, layout',
  );
  assertThrows(() => pe.shiftRotation({ dim: 8, count: 8 }), TypeError, 'by must be a number; received nothing (undefined)');
  assertThrows(() => pe.shiftRotation({ dim: 8, by: 1 }), TypeError, 'count must be a number; received nothing (undefined)');
  assertThrows(() => pe.shiftRotation({ ...ok, layout: 2 }), TypeError, 'layout must be a string; received number 2');
  assertThrows(() => pe.shiftRotation({ ...ok, layout: 'half' }), TypeError, 'layout must be "interleaved" or "split"; received "half"');
  assertThrows(
    () => pe.shiftRotation({ ...ok, dim: 7 }),
    RangeError,
    'dim must be even for sinusoidal (one sin/cos pair per frequency); received 7',
  );
  assertThrows(() => pe.shiftRotation({ ...ok, dim: 4098 }), RangeError, 'dim must be an integer from 1 to 4096; received 4098');
  assertThrows(() => pe.shiftRotation({ ...ok, base: 0.5 }), RangeError, 'base must be a finite number greater than 1; received 0.5');
  assertThrows(
    () => pe.shiftRotation({ ...ok, start: -1 }),
    RangeError,
    'start must be an integer from 0 to 2147483647 (2^31 - 1); received -1',
  );
  assertThrows(
    () => pe.shiftRotation({ ...ok, count: 4194305, dim: 4 }),
    RangeError,
    'count * dim must be at most 16777216 values per table; received 4194305 * 4 = 16777220',
  );
  const rule = '(the last position shifted, start + count - 1 + by, may be at most 2^31 - 1)';
  assertThrows(() => pe.shiftRotation({ ...ok, by: -1 }), RangeError, `by must be an integer from 0 to 2147483640 ${rule}; received -1`);
  assertThrows(() => pe.shiftRotation({ ...ok, by: 0.5 }), RangeError, `by must be an integer from 0 to 2147483640 ${rule}; received 0.5`);
  assertThrows(
    () => pe.shiftRotation({ ...ok, start: 2147483600, by: 41 }),
    RangeError,
    `by must be an integer from 0 to 40 ${rule}; received 41`,
  );
  assert.equal(pe.shiftRotation({ ...ok, start: 2147483600, by: 40 }).by, 40);
});

// --- neighbourSteps

const popcount = (n) =>
  n
    .toString(2)
    .split('')
    .filter((digit) => digit === '1').length;

test('neighbourSteps: binary steps are sqrt(bits flipped), uneven; sinusoidal steps at the same periods are all one length', () => {
  const n = pe.neighbourSteps({ start: 120, count: 600, bits: 8 });
  assert.deepEqual(Array.from(n.periods), [2, 4, 8, 16, 32, 64, 128, 256]);
  let closed = 0;
  for (let i = 0; i < 8; i += 1) closed += 2 - 2 * Math.cos(TWO_PI / 2 ** (i + 1));
  for (let r = 0; r < 600; r += 1) {
    const p = 120 + r;
    assert.equal(n.binary[r], Math.sqrt(popcount((p ^ (p + 1)) & 255)), `${p} -> ${p + 1}`);
    assert.ok(Math.abs(n.sinusoidal[r] - Math.sqrt(closed)) < 1e-6, `${p} -> ${p + 1}`);
  }
  assert.equal(n.binary[7], Math.sqrt(8), '127 -> 128 flips all 8 bits');
  assert.equal(n.binary[8], 1, '128 -> 129 flips one');
  assert.equal(n.binary[255 - 120], Math.sqrt(8), '255 -> 256: 8 bits go back to 0');
});

test('neighbourSteps: the result echoes the request; no steps is empty; near 2^31 it still works', () => {
  const { periods, binary, sinusoidal, even, ...fields } = pe.neighbourSteps({ count: 3, bits: 2 });
  assert.deepEqual(fields, { start: 0, count: 3, bits: 2 });
  assert.deepEqual(Array.from(binary), [1, Math.SQRT2, 1]);
  assert.ok(sinusoidal.every((step) => Math.abs(step - Math.sqrt(4 + 2)) < 1e-6));
  assert.deepEqual(even, { binary: false, sinusoidal: true }, 'binary steps of 1 and 1.41; sinusoidal ones equal up to rounding');
  assert.deepEqual(pe.neighbourSteps({ count: 5, bits: 1 }).even, { binary: true, sinusoidal: true }, 'one bit: every step flips it');
  assert.equal(periods.length, 2);
  assert.equal(pe.neighbourSteps({ start: 2147483647, count: 0, bits: 4 }).binary.length, 0);
  assert.equal(pe.neighbourSteps({ start: 2147483646, count: 1, bits: 31 }).binary[0], 1);
});

test('neighbourSteps: every error names the parameter', () => {
  assertThrows(() => pe.neighbourSteps(), TypeError, 'options must be an object like { start, count, bits }; received nothing (undefined)');
  assertThrows(
    () => pe.neighbourSteps({ count: 1, bits: 8, dim: 8 }),
    TypeError,
    'unknown option "dim"; allowed options: start, count, bits',
  );
  assertThrows(() => pe.neighbourSteps({ count: 1 }), TypeError, 'bits must be a number; received nothing (undefined)');
  assertThrows(() => pe.neighbourSteps({ count: '1', bits: 8 }), TypeError, 'count must be a number; received string "1"');
  assertThrows(() => pe.neighbourSteps({ count: 1, bits: 0 }), RangeError, 'bits must be an integer from 1 to 31; received 0');
  assertThrows(() => pe.neighbourSteps({ count: 1, bits: 32 }), RangeError, 'bits must be an integer from 1 to 31; received 32');
  assertThrows(
    () => pe.neighbourSteps({ start: 1.5, count: 1, bits: 8 }),
    RangeError,
    'start must be an integer from 0 to 2147483647 (2^31 - 1); received 1.5',
  );
  const rule = '(at most 1048576 steps; the last step ends at start + count, which may be at most 2^31 - 1)';
  assertThrows(
    () => pe.neighbourSteps({ count: 1048577, bits: 8 }),
    RangeError,
    `count must be an integer from 0 to 1048576 ${rule}; received 1048577`,
  );
  assertThrows(
    () => pe.neighbourSteps({ start: 2147483640, count: 8, bits: 8 }),
    RangeError,
    `count must be an integer from 0 to 7 ${rule}; received 8`,
  );
  assertThrows(
    () => pe.neighbourSteps({ count: -1, bits: 8 }),
    RangeError,
    `count must be an integer from 0 to 1048576 ${rule}; received -1`,
  );
});

test('shiftRotation and neighbourSteps stay usable and leak-free through 1,000 calls and errors', () => {
  pe.shiftRotation({ dim: 8, by: 1, count: 8 });
  pe.neighbourSteps({ count: 8, bits: 8 });
  pe.sinusoidalFrequencies({ dim: 8 });
  const heap = memory.heapBytesInUse();
  for (let n = 0; n < 1000; n += 1) {
    assert.throws(() => pe.shiftRotation({ dim: 8, by: -1, count: 8 }), RangeError);
    assert.throws(() => pe.neighbourSteps({ count: 8, bits: 0 }), RangeError);
    assert.throws(() => pe.sinusoidalFrequencies({ dim: 7 }), RangeError);
    assert.equal(pe.shiftRotation({ dim: 8, by: 0, count: 8 }).maxError, 0);
    assert.equal(pe.neighbourSteps({ start: 127, count: 1, bits: 8 }).binary[0], Math.sqrt(8));
    assert.equal(pe.sinusoidalFrequencies({ dim: 8 }).frequencies[0], 1);
  }
  assert.equal(memory.heapBytesInUse(), heap);
});
