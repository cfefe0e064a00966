// pe.cosineSimilarities across the real JS <-> WebAssembly boundary: values against a reference
// computed here, the conventions (zero rows, clamping, symmetry), errors, and that the module
// stays usable and leak-free.
// Run: node --test tests/js/cosine-similarities.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();

function reference(data, dim, x, y) {
  let dot = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < dim; i += 1) {
    dot += data[x * dim + i] * data[y * dim + i];
    xx += data[x * dim + i] ** 2;
    yy += data[y * dim + i] ** 2;
  }
  return xx > 0 && yy > 0 ? Math.max(-1, Math.min(1, dot / Math.sqrt(xx * yy))) : 0;
}

test('a small table: right angles, opposites, scaled copies and a zero row', () => {
  const data = new Float32Array([1, 0, 0, 1, -2, 0, 3, 0, 0, 0]);
  const { rows, dim, data: matrix } = pe.cosineSimilarities({ data, dim: 2 });
  assert.equal(rows, 5);
  assert.equal(dim, 2);
  assert.ok(matrix instanceof Float64Array);
  assert.deepEqual(Array.from(matrix.subarray(0, 5)), [1, 0, -1, 1, 0], 'row 0 against every row');
  assert.equal(matrix[4 * 5 + 4], 0, 'a zero row has cosine 0, even with itself');
});

test('the analysis input of a sentence matches a reference, symmetric with 1 on the diagonal', () => {
  const analysis = pe.analyze('The cat and the kitten watched a plane', { kind: 'sinusoidal', dim: 16 });
  const n = analysis.tokens.length;
  const { rows, data: matrix } = pe.cosineSimilarities({ data: analysis.input, dim: 16 });
  assert.equal(rows, n);
  for (let x = 0; x < n; x += 1) {
    for (let y = 0; y < n; y += 1) {
      assert.ok(Math.abs(matrix[x * n + y] - reference(analysis.input, 16, x, y)) < 1e-12, `${x}, ${y}`);
      assert.equal(matrix[x * n + y], matrix[y * n + x]);
    }
    assert.equal(matrix[x * n + x], 1);
  }
});

test('positional encodings compared with each other: sinusoidal neighbours are the most alike', () => {
  const { data } = pe.encode({ kind: 'sinusoidal', count: 32, dim: 64 });
  const { data: matrix } = pe.cosineSimilarities({ data, dim: 64 });
  const fromTen = Array.from(matrix.subarray(10 * 32, 11 * 32));
  assert.ok(fromTen[9] > fromTen[5] && fromTen[11] > fromTen[15]);
});

test('wrong types are TypeErrors and bad tables RangeErrors, each naming what is allowed', () => {
  const data = new Float32Array(6);
  assertThrows(() => pe.cosineSimilarities(), TypeError, 'options must be an object like { data, dim }; received nothing (undefined)');
  assertThrows(() => pe.cosineSimilarities({ data: [1, 2], dim: 2 }), TypeError, 'data must be a Float32Array; received an array');
  assertThrows(
    () => pe.cosineSimilarities({ data: new Float64Array(4), dim: 2 }),
    TypeError,
    'data must be a Float32Array; received a Float64Array',
  );
  assertThrows(() => pe.cosineSimilarities({ data, dim: '2' }), TypeError, 'dim must be a number; received string "2"');
  assertThrows(() => pe.cosineSimilarities({ data, dim: 0 }), RangeError, 'dim must be an integer from 1 to 4096; received 0');
  assertThrows(
    () => pe.cosineSimilarities({ data: new Int32Array(4), dim: 2 }),
    TypeError,
    'data must be a Float32Array; received an Int32Array',
  );
  assertThrows(
    () => pe.cosineSimilarities({ data, dim: 4 }),
    RangeError,
    "data's length must be a positive multiple of dim = 4; received 6 values",
  );
  assertThrows(
    () => pe.cosineSimilarities({ data: new Float32Array(0), dim: 1 }),
    RangeError,
    "data's length must be a positive multiple of dim = 1; received 0 values",
  );
  assertThrows(
    () => pe.cosineSimilarities({ data: new Float32Array(2049), dim: 1 }),
    RangeError,
    'data must have at most 2048 rows; received 2049 rows (2049 values at dim = 1)',
  );
  assertThrows(
    () => pe.cosineSimilarities({ data: new Float32Array([1, NaN, 0, 1]), dim: 2 }),
    RangeError,
    'every value of data must be a finite number; data[1] is NaN',
  );
  assertThrows(
    () => pe.cosineSimilarities({ data: new Float32Array([1, 0, -Infinity, 1]), dim: 2 }),
    RangeError,
    'every value of data must be a finite number; data[2] is -Infinity',
  );
});

test('an oversized table is refused before it is copied: the wasm memory does not grow', () => {
  const huge = pe.encode({ kind: 'binary', count: 65536, dim: 256 }).data; // 64 MiB
  const before = memory.memoryBytes();
  assertThrows(
    () => pe.cosineSimilarities({ data: huge, dim: 256 }),
    RangeError,
    'data must have at most 2048 rows; received 65536 rows (16777216 values at dim = 256)',
  );
  assert.equal(memory.memoryBytes(), before);
});

test('the module stays usable, and 1,000 calls and 1,000 errors leave the wasm heap as it was', () => {
  const data = new Float32Array([3, 4, 4, 3]);
  pe.cosineSimilarities({ data, dim: 2 });
  const before = memory.heapBytesInUse();
  for (let k = 0; k < 1000; k += 1) {
    assert.throws(() => pe.cosineSimilarities({ data, dim: 3 }), RangeError);
    assert.equal(pe.cosineSimilarities({ data, dim: 2 }).data[1], 24 / 25);
  }
  assert.equal(memory.heapBytesInUse(), before);
});
