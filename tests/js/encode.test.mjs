// pe.encode across the real JS <-> WebAssembly boundary: values and shapes, errors, and what the
// caller owns (no leaks, arrays that outlive memory growth).
// Run: node --test tests/js/encode.test.mjs   (after the wasm build)
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { loadMemoryProbe, loadPE } from '../../web/pe.js';
import { assertThrows } from './support/assert-throws.mjs';

const pe = await loadPE();
const memory = await loadMemoryProbe();

const MAX_VALUES = 16777216; // 2^24 values per table

// Taken before any large request, so wasm memory grows while this result is held (see the
// memory-growth test).
const EARLY = { kind: 'sinusoidal', start: 1000, count: 3, dim: 8 };
const early = pe.encode(EARLY);
const earlyCopy = Array.from(early.data);

// Row r as the lecture writes it: most significant bit first.
function msbFirst({ data, dim }, r) {
  return Array.from(data.subarray(r * dim, (r + 1) * dim))
    .reverse()
    .join('');
}

// Independent float64 reference: w_k = exp(-2k/dim * ln base), interleaved [sin, cos] pairs.
function referenceSinusoidal(start, count, dim, base) {
  const out = new Float64Array(count * dim);
  for (let k = 0; k < dim / 2; k += 1) {
    const frequency = Math.exp(((-2 * k) / dim) * Math.log(base));
    for (let r = 0; r < count; r += 1) {
      const angle = (start + r) * frequency;
      out[r * dim + 2 * k] = Math.sin(angle);
      out[r * dim + 2 * k + 1] = Math.cos(angle);
    }
  }
  return out;
}

function maxAbsDifference(a, b) {
  assert.equal(a.length, b.length);
  let max = 0;
  for (let j = 0; j < a.length; j += 1) max = Math.max(max, Math.abs(a[j] - b[j]));
  return max;
}

function assertEncodeThrows(options, ErrorType, message) {
  assertThrows(() => pe.encode(options), ErrorType, message);
}

test('position 200 with 8 bits is 11001000', () => {
  const result = pe.encode({ kind: 'binary', start: 200, count: 1, dim: 8 });
  assert.deepEqual(Array.from(result.data), [0, 0, 0, 1, 0, 0, 1, 1]);
  assert.equal(msbFirst(result, 0), '11001000');
});

test('positions 64 to 75 with 8 bits match the lecture table', () => {
  const result = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 });
  const rows = Array.from({ length: 12 }, (_, r) => msbFirst(result, r));
  assert.deepEqual(rows, [
    '01000000',
    '01000001',
    '01000010',
    '01000011',
    '01000100',
    '01000101',
    '01000110',
    '01000111',
    '01001000',
    '01001001',
    '01001010',
    '01001011',
  ]);
});

test('the integer encoding writes 200 eight times, then 201, 202, 203', () => {
  const { data } = pe.encode({ kind: 'integer', start: 200, count: 4, dim: 8 });
  for (let r = 0; r < 4; r += 1) {
    assert.deepEqual(Array.from(data.subarray(r * 8, (r + 1) * 8)), new Array(8).fill(200 + r));
  }
});

test('the result echoes the request with defaults filled in', () => {
  const { data, ...fields } = pe.encode({ kind: 'binary', start: 64, count: 12, dim: 8 });
  assert.deepEqual(fields, {
    kind: 'binary',
    start: 64,
    count: 12,
    dim: 8,
    base: 10000,
    layout: 'interleaved',
  });
  assert.equal(data.length, 12 * 8);
});

test('an option given as undefined takes its default', () => {
  const { data, ...fields } = pe.encode({ kind: 'binary', count: 2, dim: 8, start: undefined, base: undefined });
  assert.equal(fields.start, 0);
  assert.equal(fields.base, 10000);
  assert.deepEqual(Array.from(data), Array.from(pe.encode({ kind: 'binary', count: 2, dim: 8 }).data));
});

test('data is row-major: data[r * dim + i] is dimension i of position start + r', () => {
  const binary = pe.encode({ kind: 'binary', start: 5, count: 3, dim: 4 });
  const integer = pe.encode({ kind: 'integer', start: 5, count: 3, dim: 4 });
  for (let r = 0; r < 3; r += 1) {
    for (let i = 0; i < 4; i += 1) {
      assert.equal(binary.data[r * 4 + i], ((5 + r) >> i) & 1, `binary r=${r} i=${i}`);
      assert.equal(integer.data[r * 4 + i], 5 + r, `integer r=${r} i=${i}`);
    }
  }
});

test('sinusoidal tables match a float64 reference within 1e-6', (t) => {
  let worst = 0;
  for (const start of [0, 1000000 - 300, 2 ** 24 - 300]) {
    for (const dim of [2, 8, 512]) {
      for (const base of [10000, 500000, 1.5]) {
        const { data } = pe.encode({ kind: 'sinusoidal', start, count: 600, dim, base });
        const error = maxAbsDifference(data, referenceSinusoidal(start, 600, dim, base));
        assert.ok(error <= 1e-6, `start ${start}, dim ${dim}, base ${base}: max error ${error}`);
        worst = Math.max(worst, error);
      }
    }
  }
  t.diagnostic(`max |error| vs float64 reference: ${worst}`);
});

test('the split layout holds the same values as interleaved, sines first', () => {
  const options = { kind: 'sinusoidal', start: 1000, count: 300, dim: 8 };
  const interleaved = pe.encode(options).data;
  const split = pe.encode({ ...options, layout: 'split' }).data;
  for (let r = 0; r < 300; r += 1) {
    for (let k = 0; k < 4; k += 1) {
      assert.equal(split[r * 8 + k], interleaved[r * 8 + 2 * k]);
      assert.equal(split[r * 8 + 4 + k], interleaved[r * 8 + 2 * k + 1]);
    }
  }
});

test('data is a plain Float32Array that owns its buffer, not a view of wasm memory', () => {
  const { data } = pe.encode({ kind: 'sinusoidal', count: 16, dim: 8 });
  assert.ok(data instanceof Float32Array);
  assert.equal(data.byteOffset, 0);
  assert.equal(data.buffer.byteLength, data.byteLength);
});

test('an empty request gives an empty array', () => {
  assert.equal(pe.encode({ kind: 'binary', count: 0, dim: 8 }).data.length, 0);
});

test('wrong option types are TypeErrors that say what was received', () => {
  const allowed = 'kind, start, count, dim, base, layout';
  assertEncodeThrows(undefined, TypeError, `options must be an object like { ${allowed} }; received nothing (undefined)`);
  assertEncodeThrows(null, TypeError, `options must be an object like { ${allowed} }; received null`);
  assertEncodeThrows('binary', TypeError, `options must be an object like { ${allowed} }; received string "binary"`);
  assertEncodeThrows([], TypeError, `options must be an object like { ${allowed} }; received an array`);
  assertEncodeThrows({ kind: 2, count: 1, dim: 8 }, TypeError, 'kind must be a string; received number 2');
  assertEncodeThrows({ kind: 'binary', count: 1, dim: '8' }, TypeError, 'dim must be a number; received string "8"');
  assertEncodeThrows({ kind: 'binary', dim: 8 }, TypeError, 'count must be a number; received nothing (undefined)');
  assertEncodeThrows({ kind: 'binary', count: 1n, dim: 8 }, TypeError, 'count must be a number; received bigint 1');
  assertEncodeThrows({ kind: 'sinusoidal', count: 1, dim: 8, base: null }, TypeError, 'base must be a number; received null');
});

test('an unknown kind, layout or option is a TypeError naming the allowed ones', () => {
  assertEncodeThrows(
    { kind: 'rotary', count: 1, dim: 8 },
    TypeError,
    'kind must be "integer", "binary", "sinusoidal" or "learned"; received "rotary"',
  );
  assertEncodeThrows(
    { kind: 'sinusoidal', count: 1, dim: 8, layout: 'rotate_half' },
    TypeError,
    'layout must be "interleaved" or "split"; received "rotate_half"',
  );
  assertEncodeThrows(
    { kind: 'binary', count: 1, dims: 8 },
    TypeError,
    'unknown option "dims"; allowed options: kind, start, count, dim, base, layout',
  );
});

test('dim 0, 1.5 and NaN are RangeErrors', () => {
  const rule = 'dim must be an integer from 1 to 4096; received';
  assertEncodeThrows({ kind: 'binary', count: 1, dim: 0 }, RangeError, `${rule} 0`);
  assertEncodeThrows({ kind: 'binary', count: 1, dim: 1.5 }, RangeError, `${rule} 1.5`);
  assertEncodeThrows({ kind: 'binary', count: 1, dim: NaN }, RangeError, `${rule} NaN`);
  assertEncodeThrows({ kind: 'binary', count: 1, dim: 4097 }, RangeError, `${rule} 4097`);
});

test('an odd dim is a RangeError for sinusoidal', () => {
  assertEncodeThrows(
    { kind: 'sinusoidal', count: 1, dim: 7 },
    RangeError,
    'dim must be even for sinusoidal (one sin/cos pair per frequency); received 7',
  );
});

test('a base of 1 or less is a RangeError', () => {
  const rule = 'base must be a finite number greater than 1; received';
  assertEncodeThrows({ kind: 'sinusoidal', count: 1, dim: 8, base: 1 }, RangeError, `${rule} 1`);
  assertEncodeThrows({ kind: 'sinusoidal', count: 1, dim: 8, base: 0.5 }, RangeError, `${rule} 0.5`);
  assertEncodeThrows({ kind: 'sinusoidal', count: 1, dim: 8, base: NaN }, RangeError, `${rule} NaN`);
});

test('a negative count or start is a RangeError', () => {
  assertEncodeThrows(
    { kind: 'binary', count: -1, dim: 8 },
    RangeError,
    'count must be an integer from 0 to 2147483648 (the last position, start + count - 1, ' + 'may be at most 2^31 - 1); received -1',
  );
  assertEncodeThrows(
    { kind: 'binary', start: -1, count: 1, dim: 8 },
    RangeError,
    'start must be an integer from 0 to 2147483647 (2^31 - 1); received -1',
  );
});

test('more than 16,777,216 values is a RangeError', () => {
  assertEncodeThrows(
    { kind: 'binary', count: 4097, dim: 4096 },
    RangeError,
    'count * dim must be at most 16777216 values per table; received 4097 * 4096 = 16781312',
  );
});

test('the module stays usable after an error', () => {
  assert.throws(() => pe.encode({ kind: 'binary', count: 1, dim: 0 }), RangeError);
  assert.throws(() => pe.encode({ kind: 'nope', count: 1, dim: 8 }), TypeError);
  const { data } = pe.encode({ kind: 'binary', start: 200, count: 1, dim: 8 });
  assert.deepEqual(Array.from(data), [0, 0, 0, 1, 0, 0, 1, 1]);
});

test('the memory probe is a separate test export, not part of the API', () => {
  assert.equal(pe.heapBytesInUse, undefined);
  assert.equal(pe.memoryBytes, undefined);
  assert.ok(memory.heapBytesInUse() > 0 && memory.memoryBytes() >= memory.heapBytesInUse());
});

test('10,000 calls leave the wasm heap as they found it', () => {
  const requests = [
    { kind: 'integer', start: 7, count: 30, dim: 8 },
    { kind: 'binary', start: 64, count: 12, dim: 8 },
    { kind: 'sinusoidal', start: 1000, count: 20, dim: 64, layout: 'split' },
  ];
  for (const request of requests) pe.encode(request); // warm-up: lets the allocator settle
  const before = memory.heapBytesInUse();
  for (let call = 0; call < 10000; call += 1) pe.encode(requests[call % requests.length]);
  assert.equal(memory.heapBytesInUse(), before);
});

test('10,000 failing calls leave the wasm heap as they found it', () => {
  const bad = [
    { kind: 'rotary', count: 1, dim: 8 },
    { kind: 'sinusoidal', count: 1, dim: 8, layout: 'diagonal' },
    { kind: 'binary', count: 4097, dim: 4096 },
  ];
  const failingCall = (request) => assert.throws(() => pe.encode(request));
  bad.forEach(failingCall);
  const before = memory.heapBytesInUse();
  for (let call = 0; call < 10000; call += 1) failingCall(bad[call % bad.length]);
  assert.equal(memory.heapBytesInUse(), before);
});

test('results survive wasm memory growth', () => {
  // encode() works block by block and never needs much wasm memory; the largest sentence
  // analysis does (2048 tokens at dim 256), so it is what makes memory grow here.
  const sizeBefore = memory.memoryBytes();
  const longText = Array.from({ length: 2048 }, (_, i) => `w${i}`).join(' ');
  pe.analyze(longText, { dim: 256 });
  assert.ok(memory.memoryBytes() > sizeBefore, `wasm memory grew from ${sizeBefore} bytes`);
  assert.equal(early.data.length, 24);
  assert.deepEqual(Array.from(early.data), earlyCopy);
  assert.deepEqual(Array.from(early.data), Array.from(pe.encode(EARLY).data));
  const error = maxAbsDifference(early.data, referenceSinusoidal(1000, 3, 8, 10000));
  assert.ok(error <= 1e-6, `max error ${error}`);
});

test('a request of exactly 16,777,216 values works', () => {
  const { data } = pe.encode({ kind: 'binary', start: 0, count: 4096, dim: 4096 });
  assert.equal(data.length, MAX_VALUES);
  assert.equal(data[200 * 4096 + 3], 1); // bit 3 of 200
  assert.equal(data[200 * 4096 + 2], 0);
  assert.equal(data[4095 * 4096 + 11], 1); // 4095 = twelve ones
  assert.equal(data[4095 * 4096 + 12], 0);
});

test('learned positions are GPT-2-scale random rows, untrained, the same for a position in any window', () => {
  const wide = pe.encode({ kind: 'learned', start: 100, count: 50, dim: 16 }).data;
  const narrow = pe.encode({ kind: 'learned', start: 120, count: 5, dim: 16 }).data;
  assert.deepEqual(Array.from(narrow), Array.from(wide.subarray(20 * 16, 25 * 16)));
  const rms = Math.sqrt(wide.reduce((sum, v) => sum + v * v, 0) / wide.length);
  assert.ok(rms > 0.018 && rms < 0.022, `root mean square ${rms}`);
  assert.ok(pe.schemes.find(({ name }) => name === 'learned').learned);
});
